package plots

import (
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/unitfmt"
)

// writeFloodSizes writes the section that compares the flood's ratios at
// its two sizes, in a run that has both.
func (rep *Report) writeFloodSizes(b *body) {
	fs := answer.CompareFloodSizes(rep.Rows)
	if fs == nil {
		return
	}
	b.h(2, "The flood at two sizes")
	b.p("The claim: the ratios between strategies measured on the small flood carry over to the big one, though the times do not. Each bounded strategy's time per batch is divided by %s's at each size (paired by round), and a ratio carried over when it lies on the same side of 1 at both sizes and the big flood's ratio is within %.2f× to %.2f× of the small one's, the whole interval of the change (paired by round across the four rows) inside that band; it did not carry over when the two ratios lie significantly on opposite sides of 1 or the whole interval of the change is outside the band.",
		fs.Base, 1/answer.CarryBand, answer.CarryBand)
	b.p("**Carried over: %s.** %s. %s per batch: %s on %s, %s on %s.",
		fs.Outcome, strings.ToUpper(fs.Note[:1])+fs.Note[1:], fs.Base, unitfmt.Ns(fs.BaseSmall), fs.Small, unitfmt.Ns(fs.BaseBig), fs.Big)
	t := document.Table{Head: []string{"strategy", "time ÷ " + fs.Base + ", " + fs.Small, "time ÷ " + fs.Base + ", " + fs.Big, "change (big ÷ small)", "carried over", "why"}}
	for _, cr := range fs.Ratios {
		t.Rows = append(t.Rows, document.Texts(cr.Name, answer.Times(cr.Small), answer.Times(cr.Big), answer.Times(cr.Change), string(cr.Outcome), cr.Why))
	}
	b.add(t)
}
