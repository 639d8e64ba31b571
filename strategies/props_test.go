package strategies_test

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// Every registered strategy declares complete properties, and they survive
// the configuration line the driver writes for them.
func TestPropsRoundTrip(t *testing.T) {
	for _, name := range strategies.Names() {
		p, err := strategies.PropsOf(name)
		if err != nil {
			t.Fatalf("PropsOf(%q): %v", name, err)
		}
		if p.Rank < 1 || p.Concurrency == "" {
			t.Errorf("%s: incomplete properties %+v", name, p)
		}
		if p.ProcessPerTask && !p.Processes {
			t.Errorf("%s: a process per task but not in processes: %+v", name, p)
		}
		q, err := runfile.ParseProps(p.String())
		if err != nil || q != p {
			t.Errorf("%s: ParseProps(%q) = %+v, %v; want %+v", name, p.String(), q, err, p)
		}
	}
}

func TestPropsModelIsNotTheSimplest(t *testing.T) {
	seq, _ := strategies.PropsOf("sequential")
	gil, _ := strategies.PropsOf("gil")
	if !gil.Model || seq.Model || !seq.OneCore || seq.Concurrency != runfile.One {
		t.Errorf("sequential %+v, gil %+v", seq, gil)
	}
}

// exec alone starts a process per task; process starts one per worker.
func TestPropsProcessPerTask(t *testing.T) {
	for _, name := range strategies.Names() {
		p, _ := strategies.PropsOf(name)
		if want := name == "exec"; p.ProcessPerTask != want {
			t.Errorf("%s: ProcessPerTask = %t, want %t", name, p.ProcessPerTask, want)
		}
	}
}

func TestPropsOfUnknown(t *testing.T) {
	if _, err := strategies.PropsOf("threads"); err == nil || !strings.Contains(err.Error(), "sequential") {
		t.Errorf("PropsOf(threads) = %v, want the list of valid names", err)
	}
}
