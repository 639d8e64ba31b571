package document

import "strings"

// A Doc is a document: notices above its title, the title, the lead
// under it, the answer at a glance (the page only) and the body.
type Doc struct {
	// Notices are quotes above the title: an interrupted run, a warning.
	Notices []Quote
	// Title is the level-1 heading; on the page, also its title.
	Title string
	// Lead holds the paragraphs under the title that open the page
	// before the answer at a glance.
	Lead []string
	// Glance is the answer at a glance, on the page only; nil shows none.
	Glance *Glance
	// Body holds the rest, in order.
	Body []Block
}

// A Block is one block of a document's body: a Heading, Para, List,
// Quote, Table or Figure.
type Block interface {
	// markdown writes the block, with the blank line after it; link
	// names the destination of a Cell's link to a chart.
	markdown(b *strings.Builder, link func(chart string) string)
}

// A Heading is a section heading of level 2 to 6. Text is inline
// Markdown; its slug is its id on the page.
type Heading struct {
	Level int
	Text  string
}

// A Para is a paragraph of inline Markdown.
type Para struct {
	Text string
}

// A Quote is a quote of paragraphs of inline Markdown; a paragraph may
// span lines.
type Quote struct {
	Paras []string
}

// A List is a bulleted list; each item is inline Markdown.
type List struct {
	Items []string
}

// A Table is a table with a header row; cells are inline Markdown.
type Table struct {
	Head []string
	Rows [][]Cell
}

// A Cell is one cell of a table: its text, or, when Chart is set, a link
// with the words Text to the chart called Chart (Chart.png in Markdown,
// the chart's figure on the page).
type Cell struct {
	Text  string
	Chart string
}

// Text is a Cell of text alone.
func Text(s string) Cell { return Cell{Text: s} }

// Texts is a row of cells of text alone.
func Texts(ss ...string) []Cell {
	cells := make([]Cell, len(ss))
	for i, s := range ss {
		cells[i] = Text(s)
	}
	return cells
}

// A Figure is a chart: its name (Name.png and Name.svg beside the
// document) and its title. With InCard, the page shows it in the details
// of the card it belongs to (Card.Charts) and leaves it out here, and
// its Heading of level Level, when set, with it; Markdown shows both.
type Figure struct {
	Name, Title string
	Heading     string
	Level       int
	InCard      bool
}

// Escape makes text safe in a table cell: a "|" is escaped, a newline
// becomes a space.
func Escape(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func (h Heading) markdown(b *strings.Builder, _ func(string) string) {
	b.WriteString(strings.Repeat("#", h.Level) + " " + h.Text + "\n\n")
}

func (p Para) markdown(b *strings.Builder, _ func(string) string) {
	b.WriteString(p.Text + "\n\n")
}

func (q Quote) markdown(b *strings.Builder, _ func(string) string) {
	for i, p := range q.Paras {
		if i > 0 {
			b.WriteString(">\n")
		}
		for _, l := range strings.Split(p, "\n") {
			b.WriteString("> " + l + "\n")
		}
	}
	b.WriteString("\n")
}

func (l List) markdown(b *strings.Builder, _ func(string) string) {
	for _, it := range l.Items {
		b.WriteString("- " + it + "\n")
	}
	b.WriteString("\n")
}

func (t Table) markdown(b *strings.Builder, link func(string) string) {
	b.WriteString("| " + strings.Join(t.Head, " | ") + " |\n|")
	b.WriteString(strings.Repeat("---|", len(t.Head)) + "\n")
	for _, row := range t.Rows {
		b.WriteString("|")
		for _, c := range row {
			if c.Chart != "" {
				b.WriteString(" [" + c.Text + "](" + link(c.Chart) + ") |")
			} else {
				b.WriteString(" " + c.Text + " |")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

func (f Figure) markdown(b *strings.Builder, link func(string) string) {
	if f.Heading != "" {
		Heading{Level: f.Level, Text: f.Heading}.markdown(b, link)
	}
	b.WriteString("![" + f.Title + "](" + f.Name + ".png)\n\n([SVG](" + f.Name + ".svg))\n\n")
}
