package document

import "html/template"

// A Glance is the answer at a glance that opens the page: a card per
// workload and a badge per verdict (glance.html). Its text is plain
// text, escaped by the page's template.
type Glance struct {
	Cards    []Card
	Verdicts []Badge
	// Tally counts the verdicts by outcome, the lessons' and the CPython
	// claims' apart: "lessons: 8 PASS, 1 FAIL; CPython claims: 5 PASS".
	Tally string
	// Within is the band of "as good", for the legend: "10 %".
	Within string
	// Warnings is set when the document has a section "Warnings".
	Warnings bool
}

// A Card is one workload's answer: what to use, its speedup over
// sequential, a bar per strategy and what to avoid.
type Card struct {
	// ID is the card's id on the page, unique.
	ID       string
	Workload string
	Procs    int
	// Use is the recommended strategy; empty when nothing is ranked, and
	// then Reason says why.
	Use, Reason string
	// Versus compares Use with the fastest when it is not the fastest.
	Versus string
	// Undecided, when set, says that the answer is undecided, which
	// simpler strategies may yet prove as good and what would decide.
	Undecided string
	// Speedup is Use's speedup over sequential, or why there is none.
	Speedup string
	// Bars are every ranked strategy, the fastest first.
	Bars []Bar
	// Avoid is one sentence on what to avoid.
	Avoid string
	// Lists are the whole lists behind <details>, non-empty ones only,
	// and Summary the line that opens them.
	Lists   []CardList
	Summary string
	// Spec is the workload's name in the run, beside its kind (Workload);
	// PerTask the work of one task, sequential's time per task.
	Spec, PerTask string
	// Charts are the workload's own charts, behind <details>; the page
	// fills in each one's SVG.
	Charts []CardChart
}

// A CardChart is one chart of a card.
type CardChart struct {
	Name, Title string
	SVG         template.HTML
}

// A Bar is one strategy of a card: its time on the card's log scale.
type Bar struct {
	Name string
	// Class is "use", "good", "unclear" or "avoid", which the bar's
	// colour shows; Tag marks the recommended ("use") and the fastest
	// ("fastest") in words.
	Class, Tag string
	// Width is the bar's length in percent of its track.
	Width float64
	// Label is the time shown; Title the comparison in words.
	Label, Title string
}

// A CardList is one list of a card in words.
type CardList struct {
	Title, Items string
}

// A Badge is one verdict: its outcome, the claim's headline, the figure
// and a link to its chart.
type Badge struct {
	// ID is the badge's id on the page; Label the verdict's number.
	ID, Label string
	// Outcome is PASS, FAIL or INCONCLUSIVE; Class the same in lower case.
	Outcome, Class  string
	Headline, Claim string
	// Figure is the evidence, cut when long; FullFigure is the whole,
	// set only when Figure was cut.
	Figure, FullFigure string
	// Chart is the name of the chart the verdict links, "" when none.
	Chart string
}
