package workloads_test

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// squaresUpTo returns Σ x² for x in [0, m) modulo 2⁶⁴ by the closed form
// (m−1)·m·(2m−1)/6, computed exactly.
func squaresUpTo(m uint64) *big.Int {
	b := new(big.Int).SetUint64(m)
	r := new(big.Int).Sub(b, big.NewInt(1))
	r.Mul(r, b)
	r.Mul(r, new(big.Int).Sub(new(big.Int).Lsh(b, 1), big.NewInt(1)))
	return r.Quo(r, big.NewInt(6))
}

func TestPycpuMatchesClosedForm(t *testing.T) {
	mod := new(big.Int).Lsh(big.NewInt(1), 64)
	for _, n := range []uint64{1, 7, 1000, 100000} {
		w, err := workloads.Parse("pycpu/n=" + big.NewInt(int64(n)).String())
		if err != nil {
			t.Fatal(err)
		}
		b := w.Start(4, 1)
		// Task 3_000_000 of n=100000 squares numbers near 3·10¹¹, so the
		// sum wraps around 2⁶⁴: the modular arithmetic is exercised too.
		for _, i := range []int{0, 1, 5, 3_000_000} {
			got, err := b.Do(context.Background(), 0, i)
			if err != nil {
				t.Fatal(err)
			}
			lo := uint64(i) * n
			want := new(big.Int).Sub(squaresUpTo(lo+n), squaresUpTo(lo))
			want.Mod(want, mod)
			if got != want.Uint64() {
				t.Errorf("pycpu/n=%d task %d = %d, want %d", n, i, got, want.Uint64())
			}
		}
	}
}

func TestPycpuBadParams(t *testing.T) {
	for text, want := range map[string]string{
		"pycpu/n=0":     "must be positive",
		"pycpu/n=many":  "not an integer",
		"pycpu/size=64": "pycpu takes n",
	} {
		if _, err := workloads.Parse(text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", text, err, want)
		}
	}
	w, err := workloads.Parse("pycpu")
	if err != nil || w.Spec().String() != "pycpu/n=100000" {
		t.Errorf(`Parse("pycpu") = %v, %v; want the default pycpu/n=100000`, w, err)
	}
}

// The pycpu workload: task i sums the squares of n consecutive integers
// from i·n, as the tutorials' number ** 2 loop does in Python.
func Example_pycpu() {
	w, err := workloads.Parse("pycpu/n=3")
	if err != nil {
		fmt.Println(err)
		return
	}
	b := w.Start(2, 1)
	v0, _ := b.Do(context.Background(), 0, 0) // 0² + 1² + 2²
	v1, _ := b.Do(context.Background(), 0, 1) // 3² + 4² + 5²
	fmt.Println(w.Spec(), v0, v1)
	// Output:
	// pycpu/n=3 5 50
}
