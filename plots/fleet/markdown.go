package fleet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/runfile"
)

// Markdown renders FLEET.md: the warnings (runs of different commits) at
// the very top, the title and one line naming the machines, then the
// machines table, the answers side by side, the speedup against cores
// with its fits and predictions, and the verdicts side by side.
func (f *Fleet) Markdown() []byte { return f.Document().Markdown() }

// Document is FLEET.md as a document (package document), which Markdown
// and the page render.
func (f *Fleet) Document() *document.Doc {
	n := len(f.Machines)
	d := &document.Doc{
		Title: fmt.Sprintf("concbench fleet report: %d machine%s", n, plural(n)),
		Lead:  []string{fmt.Sprintf("**Machines:** %s · scale %s", strings.Join(f.labels(), " · "), scaleOf(f.Machines[0]))},
	}
	for _, w := range f.Warnings {
		d.Notices = append(d.Notices, document.Quote{Paras: []string{"**Warning:** " + w + "."}})
	}
	if n == 1 {
		d.Lead = append(d.Lead, "**One machine:** nothing to compare. The tables below give its answers and verdicts as its own report does; run `make bench` on other machines and give every run folder to `make fleet-report` to set them side by side.")
	}
	d.Body = append(d.Body, f.machines()...)
	d.Body = append(d.Body, f.answerBlocks()...)
	d.Body = append(d.Body, f.scaling()...)
	d.Body = append(d.Body, f.verdictBlocks()...)
	return d
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (f *Fleet) labels() []string {
	ls := make([]string, len(f.Machines))
	for i, m := range f.Machines {
		ls[i] = m.Label
	}
	return ls
}

// header writes the head of a table with one column per machine between
// the first columns and, with more than one machine, an "across machines"
// column.
func (f *Fleet) header(first ...string) document.Table {
	cols := append(slices.Clone(first), f.labels()...)
	if len(f.Machines) > 1 {
		cols = append(cols, "across machines")
	}
	for i := range cols {
		cols[i] = document.Escape(cols[i])
	}
	return document.Table{Head: cols}
}

// row writes one row of a table begun by header: the first cells, one cell
// per machine, and whether the machines differ.
func (f *Fleet) row(t *document.Table, first, cells []string, differs bool) {
	all := append(slices.Clone(first), cells...)
	if len(f.Machines) > 1 {
		mark := "same"
		if differs {
			mark = "**differs**"
		}
		all = append(all, mark)
	}
	for i := range all {
		all[i] = document.Escape(all[i])
	}
	t.Rows = append(t.Rows, document.Texts(all...))
}

func (f *Fleet) machines() []document.Block {
	t := document.Table{Head: []string{"machine", "folder", "cpu", "numcpu", "gomaxprocs", "cgroup cpus", "Go", "kernel", "date", "commit", "scale", "precision"}}
	for _, m := range f.Machines {
		cells := []string{m.Label, m.Dir, strings.TrimSpace(m.config("cpu")), m.config("numcpu"), m.config("gomaxprocs"),
			m.config("cgroup-cpus"), m.config("go"), m.config("kernel"), m.config("date"), m.config("commit"), scaleOf(m), m.Run.RunPrecision().String()}
		for i := range cells {
			cells[i] = document.Escape(cells[i])
		}
		t.Rows = append(t.Rows, document.Texts(cells...))
	}
	return []document.Block{
		document.Heading{Level: 2, Text: "Machines"},
		document.Para{Text: "From each run's configuration lines; cores is numcpu lowered by a numeric cgroup CPU limit, as the report of each run counts it. Precision: how many configurations have a 95 % interval within ±5 %, and their sample counts."},
		t,
	}
}

func (f *Fleet) answerBlocks() []document.Block {
	blocks, ok := section("Which strategy for which work, per machine", len(f.Answers),
		"No machine has results to rank.",
		"Each cell is the strategy the machine's own report recommends for the workload (the simplest shown as good as the fastest, else the fastest; \"undecided\" when a simpler one may yet prove as good) with its speedup over that machine's sequential [95 % CI], at the highest procs the machine ran it at (given when it is not the machine's gomaxprocs). **differs**: the machines recommend different strategies.")
	if !ok {
		return blocks
	}
	t := f.header("workload")
	for _, a := range f.Answers {
		cells := make([]string, len(a.Choices))
		for i, c := range a.Choices {
			cells[i] = answerCell(c, f.Machines[i].Run.ConfigValue(runfile.ConfigGOMAXPROCS))
		}
		f.row(&t, []string{a.Workload}, cells, a.Differs)
	}
	return append(blocks, t)
}

func (f *Fleet) verdictBlocks() []document.Block {
	blocks, ok := section("Verdicts per machine", len(f.Verdicts),
		"No machine has a verdict: none ran the suite's own workloads.",
		"Each seed lesson and claim as each machine's report judges it (its figures and notes are in that run's REPORT.md). **differs**: the machines reach different outcomes; \"—\": the run has no verdict of that number.")
	if !ok {
		return blocks
	}
	t := f.header("#", "claim")
	for _, v := range f.Verdicts {
		cells := make([]string, len(v.Outcomes))
		for i, o := range v.Outcomes {
			cells[i] = string(o)
			if o == "" {
				cells[i] = "—"
			}
		}
		f.row(&t, []string{fmt.Sprint(v.Lesson), v.Claim}, cells, v.Differs)
	}
	return append(blocks, t)
}

// section writes a section's heading, then none when it has no rows (and
// reports false: nothing more to write) or its introduction.
func section(title string, rows int, none, intro string) ([]document.Block, bool) {
	blocks := []document.Block{document.Heading{Level: 2, Text: title}}
	if rows == 0 {
		return append(blocks, document.Para{Text: none}), false
	}
	return append(blocks, document.Para{Text: intro}), true
}
