package chart

import (
	"fmt"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// styleKey is the colour, marker and dash pattern of a style: what a
// reader sees of it.
func styleKey(st kit.Style) string {
	return fmt.Sprintf("%s %s %v", st.Hex(), kit.MarkerName(st.Shape), st.Dashes)
}

// greyKey is what a reader sees of a style without colour.
func greyKey(st kit.Style) string {
	return fmt.Sprintf("%s %v", kit.MarkerName(st.Shape), st.Dashes)
}

// exampleRun is the example run checked into the repository.
const exampleRun = "../../results/example"

// readExample reads and derives results/example, the run of the README.
func readExample(t *testing.T) (*rundir.Run, []*rundir.Row) {
	t.Helper()
	run, err := rundir.ReadRun(exampleRun)
	if err != nil {
		t.Fatal(err)
	}
	return run, run.Derive()
}

// checkDistinct fails when two names of order share a style, or its
// marker and dash (the style in greyscale), or (colourToo) a colour.
func checkDistinct(t *testing.T, what string, order []string, colourToo bool) {
	t.Helper()
	pal := kit.NewPalette(order)
	full, grey, colour := map[string]string{}, map[string]string{}, map[string]string{}
	for _, name := range order {
		st := pal.Style(name)
		for _, k := range []struct {
			seen map[string]string
			key  string
			on   bool
		}{{full, styleKey(st), true}, {grey, greyKey(st), true}, {colour, st.Hex(), colourToo}} {
			if other, ok := k.seen[k.key]; ok && k.on {
				t.Errorf("%s: %s and %s share %s", what, name, other, k.key)
			}
			k.seen[k.key] = name
		}
		if st.Hex() == "#000000" {
			t.Errorf("%s: %s is black, the colour of reference lines", what, name)
		}
	}
}

// The strategies of results/example, and CPython's of its python.txt,
// each get a style of their own, in colour and in greyscale; no two Go
// strategies share a colour.
func TestPaletteDistinctExample(t *testing.T) {
	run, rows := readExample(t)
	order := StrategyOrder(rows)
	if len(order) < 11 {
		t.Fatalf("results/example has %d strategies: %v", len(order), order)
	}
	checkDistinct(t, "Go", order, true)
	py, err := judge.ReadPython(run, rows)
	if err != nil {
		t.Fatal(err)
	}
	if py == nil {
		t.Fatal("results/example has no python.txt")
	}
	pyOrder := py.PyStrategies()
	if len(pyOrder) != 6 {
		t.Errorf("CPython strategies %v, want 6", pyOrder)
	}
	checkDistinct(t, "CPython", pyOrder, true)
	checkDistinct(t, "CPython (named)", []string{"sequential", "threads", "threadpool", "mppool", "mpprocess", "asyncio"}, true)
}

// More strategies than colours: the styles stay distinct as a whole for
// 132 names and in greyscale for 36, and the colours for 11.
func TestPaletteDistinctMany(t *testing.T) {
	var order []string
	for i := range 132 {
		order = append(order, fmt.Sprintf("s%d", i))
	}
	pal := kit.NewPalette(order)
	seen := map[string]int{}
	for i, name := range order {
		k := styleKey(pal.Style(name))
		if j, ok := seen[k]; ok {
			t.Errorf("styles %d and %d are both %s", j, i, k)
		}
		seen[k] = i
	}
	checkDistinct(t, "36 names", order[:36], false)
	checkDistinct(t, "11 names", order[:11], true)
}

// A strategy keeps its style in every chart of a run: every chart entry
// draws with the one palette that Charts makes from the run's strategy
// order, and a palette made again from that order gives the same styles,
// whatever other names are asked about in between.
func TestPaletteSameAcrossCharts(t *testing.T) {
	_, rows := readExample(t)
	order := StrategyOrder(rows)
	a := kit.NewPalette(order)
	a.Style("someone's own strategy")
	b := kit.NewPalette(order)
	for _, name := range order {
		if x, y := a.Style(name), b.Style(name); styleKey(x) != styleKey(y) || x.Index != y.Index {
			t.Errorf("%s: %s, then %s", name, styleKey(x), styleKey(y))
		}
	}
	// The bars of a time chart carry their strategy's whole style.
	var ws []*rundir.Row
	for _, g := range judge.MainWorkloads(rows, rows[0].Bench.Family) {
		ws = g
		break
	}
	bars, names := newHBars(ws, a, timeSeries{func(r *rundir.Row) stat.Summary { return r.Time }, batchSamples})
	for _, bar := range bars.Bars {
		if name := names[int(bar.Y)]; styleKey(bar.Style) != styleKey(a.Style(name)) {
			t.Errorf("bar of %s drawn %s, palette says %s", name, styleKey(bar.Style), styleKey(a.Style(name)))
		}
	}
}
