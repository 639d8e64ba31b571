package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

func TestChartsValid(t *testing.T) {
	run, rows := testrows.ReadFixture(t)
	charts, err := Charts(rows, rundir.FitAmdahl(rows, run.Cores()), run.Cores())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"overview",
		"time-sleep-d-10ms-tasks-64",
		"time-hash-coarse-size-64kib-rounds-8-tasks-64",
		"time-hash-fine-size-64b-rounds-1-tasks-4096",
		"speedup-procs",
		"speedup-workers-sleep",
		"speedup-workers-hash",
		"counter-throughput",
		"counter-lost",
		"latency-sleep-d-10ms-tasks-64",
		"latency-hash-coarse-size-64kib-rounds-8-tasks-64",
		"latency-hash-fine-size-64b-rounds-1-tasks-4096",
	}
	if len(charts) != len(want) {
		t.Fatalf("%d charts, want %d", len(charts), len(want))
	}
	for i, c := range charts {
		if c.Name != want[i] || c.Title == "" {
			t.Errorf("chart %d = %q %q, want %q", i, c.Name, c.Title, want[i])
		}
		img, err := png.Decode(bytes.NewReader(c.PNG))
		if err != nil {
			t.Errorf("%s.png: %v", c.Name, err)
		} else if b := img.Bounds(); b.Dx() != 960 || b.Dy() != 576 {
			t.Errorf("%s.png is %v", c.Name, b)
		}
		checkSVG(t, c.Name, c.SVG)
	}
}

// checkSVG parses an SVG document and checks that its root is <svg>.
func checkSVG(t *testing.T, name string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("%s.svg: %v", name, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("%s.svg: root element %q, want svg", name, root)
	}
}

func TestChartsPartial(t *testing.T) {
	// Only Sleep spawn: one chart per workload, nothing for the rest.
	run, err := rundir.ReadRun(testrun.Write(t, testrun.Lines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.5e6)))
	if err != nil {
		t.Fatal(err)
	}
	rows := run.Derive()
	charts, err := Charts(rows, rundir.FitAmdahl(rows, run.Cores()), run.Cores())
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) != 1 || charts[0].Name != "time-sleep-d-10ms-tasks-64" {
		for _, c := range charts {
			t.Errorf("chart %s", c.Name)
		}
	}
}

func TestTimeBarsSortedWithReference(t *testing.T) {
	_, rows := testrows.ReadFixture(t)
	ws := judge.MainWorkloads(rows, "Sleep")[0]
	p, err := ChartBatchTime(ws, kit.NewPalette(StrategyOrder(rows)))
	if err != nil || p == nil {
		t.Fatalf("ChartBatchTime = %v, %v", p, err)
	}
	pal := kit.NewPalette(StrategyOrder(rows))
	bars, names := newHBars(ws, pal, timeSeries{func(r *rundir.Row) stat.Summary { return r.Time }, batchSamples})
	if len(bars.Bars) != len(ws) || len(names) != len(ws) {
		t.Fatalf("%d bars, %d names for %d rows", len(bars.Bars), len(names), len(ws))
	}
	for i, b := range bars.Bars {
		if i > 0 && b.V < bars.Bars[i-1].V {
			t.Errorf("bar %d (%s) is faster than the one above it", i, names[int(b.Y)])
		}
		if want := float64(len(ws) - 1 - i); b.Y != want {
			t.Errorf("bar %d at y=%g, want %g (fastest on top)", i, b.Y, want)
		}
		if want := pal.Style(names[int(b.Y)]); b.Style.Index != want.Index || b.Style.Color != want.Color {
			t.Errorf("%s is not in its palette style", names[int(b.Y)])
		}
		if len(b.Samples) != rowByStrategy(t, ws, names[int(b.Y)]).Time.N {
			t.Errorf("%s: %d samples drawn, want %d", names[int(b.Y)], len(b.Samples), rowByStrategy(t, ws, names[int(b.Y)]).Time.N)
		}
		if !(b.Lo <= b.V && b.V <= b.Hi) {
			t.Errorf("%s: interval [%g, %g] does not hold %g", names[int(b.Y)], b.Lo, b.Hi, b.V)
		}
	}
	seq := testrows.RowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2")
	if bars.Ref != seq.Time.Center {
		t.Errorf("reference line at %g, want sequential's median %g", bars.Ref, seq.Time.Center)
	}
}

// rowByStrategy returns the row of strategy s among rows.
func rowByStrategy(t *testing.T, rows []*rundir.Row, s string) *rundir.Row {
	t.Helper()
	for _, r := range rows {
		if r.Strategy == s {
			return r
		}
	}
	t.Fatalf("no row of strategy %s", s)
	return nil
}
