package plots

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/summary"
	"github.com/concbench/concbench/runfile"
)

// Summary is the report's results for other tools (summary.json), built
// from the same model as REPORT.md.
func (rep *Report) Summary() summary.Summary {
	run := rep.Run
	s := summary.Summary{
		Schema: summary.Version,
		Run: summary.Run{
			Name:           rep.Name(),
			Config:         map[string]string{},
			Incomplete:     run.IsIncomplete,
			IncompleteNote: run.Incomplete,
			Warnings:       append([]string{}, rep.warnings()...),
		},
		Configurations: []summary.Configuration{},
		Answers:        []summary.Answer{},
		Verdicts:       []summary.Verdict{},
	}
	for _, c := range run.Config {
		if !isDep(c.Key) {
			s.Run.Config[c.Key] = c.Value
		}
	}
	p := run.RunPrecision()
	s.Precision = summary.Precision{Within: p.Within, Configurations: p.Configs, MinSamples: p.MinN, MedianSamples: p.MedianN, MaxSamples: p.MaxN}
	if st, ok := run.RunSteal(); ok {
		s.Precision.StealPct = finite(st.Mean)
	}
	for _, b := range run.Benchmarks {
		s.Configurations = append(s.Configurations, configurationOf(b))
	}
	for _, c := range rep.Choices {
		s.Answers = append(s.Answers, answerSummary(c))
	}
	for _, t := range judge.Twins(rep.Rows) {
		s.Control = append(s.Control, summary.Twin{Workload: t.Label(), A: t.A.Bench.Name, B: t.B.Bench.Name,
			Ratio: estimateOf(t.Ratio), P: finite(t.P), Differs: t.Differs, Same: t.Same})
	}
	for _, v := range rep.Verdicts {
		s.Verdicts = append(s.Verdicts, verdictSummary(strconv.Itoa(v.Lesson), v))
	}
	if rep.Python != nil {
		for _, v := range rep.Python.Verdicts {
			s.Verdicts = append(s.Verdicts, verdictSummary(fmt.Sprintf("P%d", v.Lesson), v))
		}
	}
	return s
}

// SummaryJSON is summary.json: Summary, indented.
func (rep *Report) SummaryJSON() ([]byte, error) {
	data, err := json.MarshalIndent(rep.Summary(), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", runfile.SummaryFile, err)
	}
	return append(data, '\n'), nil
}

// RowsCSV is rows.csv: a header, then one row per configuration and
// metric, in raw.txt's order: benchmark, family, unit, median, lo, hi,
// confidence, samples. benchstat's own CSV (-format csv) writes one
// table per unit with the interval as a percentage and no sample count,
// so the report writes this one from its model.
func (rep *Report) RowsCSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"benchmark", "family", "unit", "median", "lo", "hi", "confidence", "samples"})
	for _, bm := range rep.Run.Benchmarks {
		for _, m := range configurationOf(bm).Metrics {
			w.Write([]string{bm.Name, bm.Family, m.Unit, formatFloat(m.Median), formatFloat(m.Lo), formatFloat(m.Hi), formatFloat(m.Confidence), strconv.Itoa(m.Samples)})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("writing %s: %w", runfile.RowsFile, err)
	}
	return b.Bytes(), nil
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// configurationOf is a benchmark with its metrics, in the order of
// raw.txt's first line of it.
func configurationOf(b *rundir.Benchmark) summary.Configuration {
	c := summary.Configuration{Name: b.Name, Family: b.Family, Params: []summary.Param{}, Metrics: []summary.Metric{}}
	for _, p := range b.Params {
		c.Params = append(c.Params, summary.Param{Key: p.Key, Value: p.Value})
	}
	for _, m := range orderedMetrics(b) {
		s := m.Summary
		c.Metrics = append(c.Metrics, summary.Metric{Unit: m.Unit, Median: s.Center, Lo: s.Lo, Hi: s.Hi, Confidence: s.Confidence, Samples: s.N})
	}
	return c
}

// orderedMetrics are b's metrics in the order raw.txt writes them on a
// result line.
func orderedMetrics(b *rundir.Benchmark) []*rundir.Metric {
	var out []*rundir.Metric
	first := func(m *rundir.Metric) int {
		if len(m.Lines) == 0 {
			return math.MaxInt
		}
		return m.Lines[0]
	}
	for _, m := range b.Metrics {
		out = append(out, m)
	}
	// The metrics of one line share it: order them as units are written
	// (ns/op first), then by unit.
	order := map[string]int{}
	for i, u := range []string{runfile.UnitNsPerOp, runfile.UnitNsPerTask, runfile.UnitTasksPerSec, runfile.UnitCPUNsPerOp} {
		order[u] = i + 1
	}
	rank := func(m *rundir.Metric) int {
		if r, ok := order[m.Unit]; ok {
			return r
		}
		return len(order) + 1
	}
	sortMetrics(out, func(a, b *rundir.Metric) bool {
		if first(a) != first(b) {
			return first(a) < first(b)
		}
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return strings.Compare(a.Unit, b.Unit) < 0
	})
	return out
}

// answerSummary is one Choice for summary.json.
func answerSummary(c answer.Choice) summary.Answer {
	a := summary.Answer{
		Work:      rundir.WorkKind(c.Fastest),
		Workload:  rundir.Label(c.Fastest),
		Procs:     c.Procs,
		TooFew:    c.TooFew,
		Decided:   c.Decided(),
		Fastest:   rundir.RowName(c.Fastest),
		AsGood:    rankedList(c.AsGood),
		Undecided: rankedList(c.Unclear),
		Avoid:     rankedList(c.Avoid),
		Open:      rankedList(c.Open),
	}
	if ns, ok := workPerTaskNs(c); ok {
		a.WorkPerTaskNs = &ns
	}
	if c.Recommended != nil {
		u := rankedOf(*c.Recommended)
		a.Use = &u
		if sp := c.Recommended.Row.Speedup; sp.Valid() {
			a.Speedup = estimateOf(sp)
		}
	}
	return a
}

func rankedList(ks []answer.Ranked) []summary.Ranked {
	out := []summary.Ranked{}
	for _, k := range ks {
		out = append(out, rankedOf(k))
	}
	return out
}

func rankedOf(k answer.Ranked) summary.Ranked {
	return summary.Ranked{
		Strategy:    k.Name(),
		Benchmark:   k.Row.Bench.Name,
		Ratio:       estimateOf(k.Ratio),
		PerTask:     k.PerTask,
		P:           finite(k.P),
		MoreSamples: answer.MoreSamples(k),
	}
}

func estimateOf(e stat.Estimate) *summary.Estimate {
	if !e.Valid() || math.IsInf(e.Lo, 0) || math.IsInf(e.Hi, 0) || math.IsNaN(e.Lo) || math.IsNaN(e.Hi) {
		return nil
	}
	return &summary.Estimate{Value: e.V, Lo: e.Lo, Hi: e.Hi}
}

// verdictSummary is one verdict for summary.json.
func verdictSummary(label string, v judge.Verdict) summary.Verdict {
	s := summary.Verdict{
		Label: label, Claim: v.Claim, Outcome: string(v.Outcome),
		Figure: v.Figure(), P: v.P(), Note: v.Note(), Noisy: v.Noisy,
		Parts: []summary.Part{}, PValues: []summary.PValue{}, Rows: append([]string{}, v.Rows...),
	}
	for _, p := range v.Parts {
		part := summary.Part{Outcome: string(p.Outcome), Figure: p.Figure.String(), Terms: []summary.Term{}}
		for _, t := range p.Figure {
			term := summary.Term{Kind: string(t.Kind), Text: t.Text}
			if t.Kind != judge.Words {
				term.Value = finite(t.Value.V)
			}
			if t.Kind == judge.Interval {
				term.Lo, term.Hi = finite(t.Value.Lo), finite(t.Value.Hi)
			}
			part.Terms = append(part.Terms, term)
		}
		s.Parts = append(s.Parts, part)
	}
	for _, p := range v.Ps {
		s.PValues = append(s.PValues, summary.PValue{Label: p.Label, P: p.P})
	}
	return s
}

// finite is v, or nil when v is NaN or infinite: JSON has no such number.
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// sortMetrics sorts ms by less, keeping the order of equals.
func sortMetrics(ms []*rundir.Metric, less func(a, b *rundir.Metric) bool) {
	slices.SortStableFunc(ms, func(a, b *rundir.Metric) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}
