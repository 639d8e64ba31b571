package rundir

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

// A strategy the report has never heard of is ranked, limited and given
// its concurrency from the run's strategy-<name> lines alone.
func TestPropsFromConfigLines(t *testing.T) {
	raw := "numcpu: 4\n" +
		"strategy-sequential: concurrency=one cores=one rank=1 model=false processes=false\n" +
		"strategy-batcher: concurrency=workers cores=all rank=3 model=false processes=false\n" +
		"strategy-onecore: concurrency=per-task cores=one rank=2 model=true processes=false\n" +
		testrun.Lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=4", 16e6) +
		testrun.Lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=batcher/workers=3/procs=4", 6e6) +
		testrun.Lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=onecore/procs=4", 16e6)
	run, err := ReadRun(testrun.Write(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range run.Config {
		if strings.HasPrefix(c.Key, "strategy-") {
			t.Errorf("Config keeps %s; it belongs in Props", c.Key)
		}
	}
	rows := run.Derive()
	b := rowNamed(t, rows, "Hash/size=64KiB/rounds=8/tasks=64/strategy=batcher/workers=3/procs=4")
	if b.Props.Rank != 3 || b.Concurrency != 3 || b.CPULimit != 3 || b.Baseline == nil {
		t.Errorf("batcher: props %+v concurrency %d limit %v baseline %v", b.Props, b.Concurrency, b.CPULimit, b.Baseline)
	}
	o := rowNamed(t, rows, "Hash/size=64KiB/rounds=8/tasks=64/strategy=onecore/procs=4")
	if !o.Props.Model || o.Concurrency != 64 || o.CPULimit != 1 {
		t.Errorf("onecore: props %+v concurrency %d limit %v", o.Props, o.Concurrency, o.CPULimit)
	}
}

// A strategy without a strategy-<name> line (in a run written before
// those lines existed, or a CPython strategy) counts as one that may run
// every task at once on every core, ranked after all others: none is the
// baseline, whatever its name.
func TestPropsWithoutConfigLines(t *testing.T) {
	run, err := ReadRun(testrun.Write(t, "numcpu: 2\n"+testrun.Lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2", 16e6)))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sequential", "threads"} {
		p := run.PropsOf(name)
		if p != (runfile.Props{Concurrency: runfile.PerTask, Rank: UnknownRank}) || IsBaseline(p) {
			t.Errorf("props(%s) = %+v", name, p)
		}
	}
	if r := run.Derive()[0]; r.Baseline != nil {
		t.Errorf("sequential without its line has a baseline: %+v", r)
	}
}

// The testrun.Fixture() carries the lines the driver writes; the report reads every
// property from them, the newest (process-per-task) included.
func TestPropsOfFixture(t *testing.T) {
	run, _ := readFixture(t)
	if len(run.Props) != 11 {
		t.Fatalf("the fixture has %d strategy lines, want 11: %v", len(run.Props), run.Props)
	}
	seq, exec, pond := run.PropsOf("sequential"), run.PropsOf("exec"), run.PropsOf("pond")
	if !IsBaseline(seq) || !seq.OneCore || seq.Rank != 1 {
		t.Errorf("sequential: %+v", seq)
	}
	if !exec.Processes || !exec.ProcessPerTask || exec.Concurrency != runfile.PerWorker {
		t.Errorf("exec: %+v", exec)
	}
	if !pond.Backlog || pond.ProcessPerTask {
		t.Errorf("pond: %+v", pond)
	}
}

func TestPropsBadLine(t *testing.T) {
	raw := "strategy-pool: concurrency=many\n" + testrun.Lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=pool/procs=2", 1e6)
	_, err := ReadRun(testrun.Write(t, raw))
	if err == nil || !strings.Contains(err.Error(), "raw.txt:1: configuration line strategy-pool") || !strings.Contains(err.Error(), "many") {
		t.Errorf("err = %v, want one naming raw.txt:1, the key and the bad value", err)
	}
}
