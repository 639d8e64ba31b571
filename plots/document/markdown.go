package document

import "strings"

// Markdown renders the document as Markdown: the notices as quotes, the
// title as a level-1 heading, then the lead and the body; a blank line
// after every block. A Cell's chart link points to the chart's PNG.
func (d *Doc) Markdown() []byte {
	var b strings.Builder
	png := func(chart string) string { return chart + ".png" }
	for _, q := range d.Notices {
		q.markdown(&b, png)
	}
	b.WriteString("# " + d.Title + "\n\n")
	for _, p := range d.Lead {
		b.WriteString(p + "\n\n")
	}
	for _, blk := range d.Body {
		blk.markdown(&b, png)
	}
	return []byte(b.String())
}
