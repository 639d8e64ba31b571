package plots

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/summary"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// tableAfter returns the first table of d after the heading called title.
func tableAfter(t *testing.T, d *document.Doc, title string) document.Table {
	t.Helper()
	seen := false
	for _, b := range d.Body {
		if h, ok := b.(document.Heading); ok && h.Text == title {
			seen = true
		}
		if tb, ok := b.(document.Table); ok && seen {
			return tb
		}
	}
	t.Fatalf("no table after %q", title)
	return document.Table{}
}

// rankedText writes a summary.Ranked as the report's lists do.
func rankedText(k summary.Ranked) string {
	if k.Ratio.Lo > 1+0.1 && k.P != nil && *k.P < 0.05 {
		return k.Strategy + ": " + unitfmt.Num(k.Ratio.Value) + "× slower [" + unitfmt.Num(k.Ratio.Lo) + ", " + unitfmt.Num(k.Ratio.Hi) + "]"
	}
	return k.Strategy + ": " + unitfmt.Num(k.Ratio.Value) + "× [" + unitfmt.Num(k.Ratio.Lo) + ", " + unitfmt.Num(k.Ratio.Hi) + "]"
}

func listText(ks []summary.Ranked) string {
	if len(ks) == 0 {
		return "—"
	}
	var parts []string
	for _, k := range ks {
		parts = append(parts, rankedText(k))
	}
	return document.Escape(strings.Join(parts, ", "))
}

// Every figure of REPORT.md's answer table and verdict table is its value
// in summary.json: the JSON's numbers, formatted as the report formats
// them, give the table's cells.
func TestSummaryMatchesReport(t *testing.T) {
	rep, err := Build("../results/example")
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary()
	d := rep.Document()
	answers := tableAfter(t, d, "Which strategy for which work")
	if len(answers.Rows) != len(s.Answers) || len(s.Answers) == 0 {
		t.Fatalf("%d answer rows, %d answers in the JSON", len(answers.Rows), len(s.Answers))
	}
	for i, row := range answers.Rows {
		a := s.Answers[i]
		speedup := "—"
		if a.Speedup != nil {
			speedup = unitfmt.Num(a.Speedup.Value) + " [" + unitfmt.Num(a.Speedup.Lo) + ", " + unitfmt.Num(a.Speedup.Hi) + "]"
		}
		perTask := "—"
		if a.WorkPerTaskNs != nil {
			perTask = unitfmt.Ns(*a.WorkPerTaskNs)
		}
		for _, c := range []struct{ name, got, want string }{
			{"work", row[0].Text, document.Escape(a.Work)},
			{"workload", row[1].Text, document.Escape(a.Workload)},
			{"work per task", row[2].Text, perTask},
			{"speedup", row[4].Text, speedup},
			{"as good", row[6].Text, listText(a.AsGood)},
			{"undecided", row[7].Text, listText(a.Undecided)},
			{"avoid", row[8].Text, listText(a.Avoid)},
		} {
			if c.got != c.want {
				t.Errorf("answer %d (%s) %s: REPORT.md %q, JSON %q", i, a.Workload, c.name, c.got, c.want)
			}
		}
		use := "**" + a.Use.Strategy
		if a.Use.Strategy != a.Fastest {
			use += " (" + unitfmt.Num(a.Use.Ratio.Value) + "× [" + unitfmt.Num(a.Use.Ratio.Lo) + ", " + unitfmt.Num(a.Use.Ratio.Hi) + "] the time of the fastest, " + a.Fastest + ")"
		}
		if !strings.HasPrefix(row[3].Text, document.Escape(use)) {
			t.Errorf("answer %d use: REPORT.md %q, JSON %q", i, row[3].Text, use)
		}
		if a.Decided == strings.Contains(row[3].Text, "undecided") {
			t.Errorf("answer %d: decided %v, REPORT.md says %q", i, a.Decided, row[3].Text)
		}
	}
	verdicts := tableAfter(t, d, "Verdicts")
	n := 0
	for _, v := range s.Verdicts {
		if !strings.HasPrefix(v.Label, "P") {
			n++
		}
	}
	if len(verdicts.Rows) != n || n == 0 {
		t.Fatalf("%d verdict rows, %d lesson verdicts in the JSON", len(verdicts.Rows), n)
	}
	for i, row := range verdicts.Rows {
		v := s.Verdicts[i]
		for _, c := range []struct{ name, got, want string }{
			{"number", row[0].Text, v.Label},
			{"claim", row[1].Text, document.Escape(v.Claim)},
			{"outcome", row[2].Text, "**" + v.Outcome + "**"},
			{"figure", row[3].Text, document.Escape(v.Figure)},
			{"p-value", row[4].Text, document.Escape(v.P)},
		} {
			if c.got != c.want {
				t.Errorf("verdict %s %s: REPORT.md %q, JSON %q", v.Label, c.name, c.got, c.want)
			}
		}
		// The figure's numbers are the parts' terms, formatted.
		var parts []string
		for _, p := range v.Parts {
			var b strings.Builder
			for _, term := range p.Terms {
				switch term.Kind {
				case "":
					b.WriteString(term.Text)
				case "number":
					b.WriteString(unitfmt.Num(*term.Value))
				case "interval":
					b.WriteString(unitfmt.Num(*term.Value) + " [" + unitfmt.Num(*term.Lo) + ", " + unitfmt.Num(*term.Hi) + "]")
				case "time":
					b.WriteString(unitfmt.Ns(*term.Value))
				case "time-spaced":
					b.WriteString(unitfmt.FormatTime(*term.Value, unitfmt.TimeSpaced))
				case "mib":
					b.WriteString(strconv.FormatFloat(*term.Value/(1<<20), 'g', 3, 64) + " MiB")
				}
			}
			parts = append(parts, b.String())
		}
		if got := strings.Join(parts, "; "); len(parts) > 0 && got != v.Figure {
			t.Errorf("verdict %s: its terms give %q, its figure is %q", v.Label, got, v.Figure)
		}
	}
}

// summary.json validates against docs/summary.schema.json, on the
// committed example run and on the fixture, and rows.csv has one row per
// configuration and metric.
func TestSummarySchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../docs/summary.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := testrun.Copy(t)
	if _, err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	for _, run := range []string{"../results/example", "../results/flood-example", dir} {
		data, err := os.ReadFile(filepath.Join(run, runfile.SummaryFile))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v", run, err)
		}
		var s summary.Summary
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		metrics := 0
		for _, c := range s.Configurations {
			metrics += len(c.Metrics)
		}
		f, err := os.Open(filepath.Join(run, runfile.RowsFile))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != metrics+1 || len(s.Configurations) == 0 {
			t.Errorf("%s: rows.csv has %d rows, want a header and %d", run, len(rows), metrics)
		}
	}
	// A summary that breaks the schema fails it: the check can fail.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"schema": "concbench.summary/v0"}`))
	if err := sch.Validate(bad); err == nil {
		t.Error("the schema accepts a summary of another version with no fields")
	}
}
