package compare

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/concbench/concbench/plots/unitfmt"
)

// WriteText writes the comparison for a person, in order: the warnings,
// the answers and the verdicts that changed, then every configuration's
// time ratio new/old with its interval, "slower" or "faster" where the
// change is significant.
func (c *Comparison) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "comparing %s (old) with %s (new)\n", c.Old.Dir, c.New.Dir)
	for _, x := range c.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", x)
	}
	if len(c.Answers) == 0 {
		fmt.Fprintf(&b, "\nAnswers: none changed\n")
	} else {
		fmt.Fprintf(&b, "\nAnswers that changed (%d):\n", len(c.Answers))
		for _, a := range c.Answers {
			fmt.Fprintf(&b, "  %s procs=%d: %s → %s\n", a.Workload, a.Procs, a.Old, a.New)
		}
	}
	if len(c.Verdicts) == 0 {
		fmt.Fprintf(&b, "Verdicts: none changed\n")
	} else {
		fmt.Fprintf(&b, "Verdicts that changed (%d):\n", len(c.Verdicts))
		for _, v := range c.Verdicts {
			fmt.Fprintf(&b, "  %s %s → %s: %s\n", v.Label, v.Old, v.New, firstSentence(v.Claim))
		}
	}
	fmt.Fprintf(&b, "\nTime per batch, new/old [95 %% CI] (%d configurations both runs measured):\n", len(c.Rows))
	for _, r := range c.Rows {
		mark := ""
		switch {
		case r.Significant && r.Ratio > 1:
			mark = "  slower"
		case r.Significant:
			mark = "  faster"
		}
		fmt.Fprintf(&b, "  %s  %s → %s  %s×%s\n", r.Name, unitfmt.Ns(r.OldNs), unitfmt.Ns(r.NewNs), ratioText(r), mark)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ratioText is a row's ratio with its interval: "1.30 [1.27, 1.33]".
func ratioText(r Row) string {
	return fmt.Sprintf("%s [%s, %s]", unitfmt.Num(r.Ratio), unitfmt.Num(r.Lo), unitfmt.Num(r.Hi))
}

// Describe names a failing row for a message: its name and its ratio with
// the interval.
func Describe(r Row) string { return r.Name + ": " + ratioText(r) + "×" }

func firstSentence(s string) string {
	if i := strings.IndexAny(s, ":."); i > 0 {
		return s[:i]
	}
	return s
}

// jsonRow is a Row as JSON has it: a figure that is not finite (no test
// below six samples, an interval without bound) is null.
type jsonRow struct {
	Name        string   `json:"name"`
	OldNs       float64  `json:"oldNs"`
	NewNs       float64  `json:"newNs"`
	Ratio       *float64 `json:"ratio"`
	Lo          *float64 `json:"lo"`
	Hi          *float64 `json:"hi"`
	P           *float64 `json:"p"`
	Significant bool     `json:"significant"`
}

// JSON is the comparison for machines: the runs, the warnings, the
// changed answers and verdicts, and every row; a figure that is not
// finite is null.
func (c *Comparison) JSON() ([]byte, error) {
	rows := make([]jsonRow, len(c.Rows))
	for i, r := range c.Rows {
		rows[i] = jsonRow{Name: r.Name, OldNs: r.OldNs, NewNs: r.NewNs, Ratio: finite(r.Ratio), Lo: finite(r.Lo), Hi: finite(r.Hi), P: finite(r.P), Significant: r.Significant}
	}
	v := struct {
		Old      Run             `json:"old"`
		New      Run             `json:"new"`
		Warnings []string        `json:"warnings"`
		Answers  []AnswerChange  `json:"answers"`
		Verdicts []VerdictChange `json:"verdicts"`
		Rows     []jsonRow       `json:"rows"`
	}{c.Old, c.New, append([]string{}, c.Warnings...), c.Answers, c.Verdicts, rows}
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("writing the comparison as JSON: %w", err)
	}
	return append(data, '\n'), nil
}

func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
