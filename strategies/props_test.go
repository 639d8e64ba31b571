package strategies_test

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/strategies"
)

func TestPropsRoundTrip(t *testing.T) {
	for _, name := range strategies.Names() {
		p, err := strategies.PropsOf(name)
		if err != nil {
			t.Fatalf("PropsOf(%q): %v", name, err)
		}
		if p.Rank < 1 || p.Concurrency == "" {
			t.Errorf("%s: incomplete properties %+v", name, p)
		}
		q, err := strategies.ParseProps(p.String())
		if err != nil || q != p {
			t.Errorf("%s: ParseProps(%q) = %+v, %v; want %+v", name, p.String(), q, err, p)
		}
	}
}

func TestPropsModelIsNotTheSimplest(t *testing.T) {
	seq, _ := strategies.PropsOf("sequential")
	gil, _ := strategies.PropsOf("gil")
	if !gil.Model || seq.Model || !seq.OneCore || seq.Concurrency != strategies.One {
		t.Errorf("sequential %+v, gil %+v", seq, gil)
	}
}

func TestParsePropsErrors(t *testing.T) {
	for _, s := range []string{"concurrency=many", "cores=two", "rank=x", "model=maybe", "rank"} {
		if _, err := strategies.ParseProps(s); err == nil || !strings.HasPrefix(err.Error(), "strategies: ") {
			t.Errorf("ParseProps(%q) = %v, want a strategies: error", s, err)
		}
	}
	if p, err := strategies.ParseProps("rank=2 future=yes"); err != nil || p.Rank != 2 {
		t.Errorf("unknown key: %+v, %v", p, err)
	}
	if _, err := strategies.PropsOf("threads"); err == nil || !strings.Contains(err.Error(), "sequential") {
		t.Errorf("PropsOf(threads) = %v, want the list of valid names", err)
	}
}
