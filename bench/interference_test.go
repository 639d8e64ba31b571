//go:build linux

package bench

import (
	"testing"
	"time"
)

func TestParseTicks(t *testing.T) {
	got, err := parseTicks([]byte("cpu  100 5 50 800 10 3 2 30 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (machineTicks{busy: 160, steal: 30, total: 1000}); got != want {
		t.Errorf("parseTicks = %+v, want %+v", got, want)
	}
	for _, bad := range []string{"", "intr 1 2 3", "cpu 1 2 3", "cpu 1 2 3 4 5 6 7 x 0 0", "cpu 1 2 3 4 5 6 7 -8"} {
		if _, err := parseTicks([]byte(bad)); err == nil {
			t.Errorf("parseTicks(%q) gave no error", bad)
		}
	}
}

func TestInterference(t *testing.T) {
	start := machineTicks{busy: 1000, steal: 100, total: 5000}
	end := machineTicks{busy: 1010, steal: 105, total: 5020}
	// 20 ticks passed: 5 stolen, 10 busy of which 60 ms (6 ticks) ours.
	steal, other, ok := interference(start, end, 60*time.Millisecond)
	if !ok || steal != 25 || other != 20 {
		t.Errorf("interference = %v %v %v, want 25 20 true", steal, other, ok)
	}
	// More own CPU than busy ticks (tick rounding): other is 0, not negative.
	if _, other, _ := interference(start, end, time.Second); other != 0 {
		t.Errorf("other = %v with more own time than busy time, want 0", other)
	}
	if _, _, ok := interference(start, start, 0); ok {
		t.Error("no tick passed, yet interference reported figures")
	}
}
