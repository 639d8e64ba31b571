package plots

import (
	"fmt"

	"github.com/concbench/concbench/plots/document"
)

// A body collects the blocks of the report's sections in order.
type body struct {
	blocks []document.Block
	// sub is added to every heading's level: 1 in the appendix, where
	// each section is a level-3 heading under "Appendix".
	sub int
}

// h adds a heading of level (plus sub).
func (b *body) h(level int, format string, args ...any) {
	b.blocks = append(b.blocks, document.Heading{Level: level + b.sub, Text: fmt.Sprintf(format, args...)})
}

// p adds a paragraph.
func (b *body) p(format string, args ...any) {
	b.blocks = append(b.blocks, document.Para{Text: fmt.Sprintf(format, args...)})
}

// add adds blocks as they are.
func (b *body) add(blocks ...document.Block) {
	b.blocks = append(b.blocks, blocks...)
}

// figure adds a chart with its heading of level 3 when titled.
func (b *body) figure(name, title string, titled bool) {
	if titled {
		b.h(3, "%s", title)
	}
	b.add(document.Figure{Name: name, Title: title})
}
