package plots

import (
	"fmt"

	"github.com/concbench/concbench/runfile"
)

// HTML renders index.html: the report's document (Document) as one
// self-contained page, its charts as inline SVG, opening with the answer
// at a glance (a card per Choice and a badge per verdict).
func (rep *Report) HTML() ([]byte, error) {
	svgs := map[string][]byte{}
	for _, c := range rep.allCharts() {
		svgs[c.Name] = c.SVG
	}
	d := rep.Document()
	d.Glance = rep.glance()
	page, err := d.HTML(svgs)
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", runfile.HTMLFile, err)
	}
	return page, nil
}
