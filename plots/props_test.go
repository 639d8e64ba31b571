package plots

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/strategies"
)

// A strategy the report has never heard of is ranked, limited and given
// its concurrency from the run's strategy-<name> lines alone.
func TestPropsFromConfigLines(t *testing.T) {
	raw := "numcpu: 4\n" +
		"strategy-sequential: concurrency=one cores=one rank=1 model=false processes=false\n" +
		"strategy-batcher: concurrency=workers cores=all rank=3 model=false processes=false\n" +
		"strategy-onecore: concurrency=per-task cores=one rank=2 model=true processes=false\n" +
		lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=4", 16e6) +
		lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=batcher/workers=3/procs=4", 6e6) +
		lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=onecore/procs=4", 16e6)
	run, err := ReadRun(writeRun(t, raw))
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

// A run written before the strategy-<name> lines existed takes today's
// properties from the registry.
func TestPropsFallBackToRegistry(t *testing.T) {
	run, _ := readFixture(t)
	if len(run.Props) != 0 {
		t.Fatalf("fixture has strategy lines: %v", run.Props)
	}
	for _, name := range strategies.Names() {
		want, _ := strategies.PropsOf(name)
		if got := run.props(name); got != want {
			t.Errorf("props(%s) = %+v, want %+v", name, got, want)
		}
	}
	if p := run.props("threads"); p.Rank != unknownRank || p.Model || isBaseline(p) {
		t.Errorf("unknown strategy: %+v", p)
	}
}

func TestPropsBadLine(t *testing.T) {
	raw := "strategy-pool: concurrency=many\n" + lines("Hash/size=64KiB/rounds=8/tasks=64/strategy=pool/procs=2", 1e6)
	_, err := ReadRun(writeRun(t, raw))
	if err == nil || !strings.Contains(err.Error(), "raw.txt:1: configuration line strategy-pool") || !strings.Contains(err.Error(), "many") {
		t.Errorf("err = %v, want one naming raw.txt:1, the key and the bad value", err)
	}
}
