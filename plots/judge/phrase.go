package judge

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

// A Phrase is a verdict's figure or note in words, with the figures in it
// kept as numbers: String writes them as the report does, and a reader of
// the model takes them as they are.
type Phrase []Term

// A Term is words, or one figure of a Phrase.
type Term struct {
	// Kind says how the figure is written; Words is text alone.
	Kind FigureKind
	// Text is the words of a Words term.
	Text string
	// Value is the figure: V, with Lo and Hi for an Interval.
	Value stat.Estimate
}

// A FigureKind says how a Term's figure is written.
type FigureKind string

// The kinds of Term.
const (
	Words      FigureKind = ""            // Text as it is
	Number     FigureKind = "number"      // about three significant digits: "1.95"
	Interval   FigureKind = "interval"    // with its interval: "1.95 [1.90, 1.99]"
	Time       FigureKind = "time"        // V nanoseconds: "10.2ms"
	SpacedTime FigureKind = "time-spaced" // V nanoseconds in a sentence: "10.2 ms"
	MiB        FigureKind = "mib"         // V bytes in MiB: "3.21 MiB"
)

// String writes the phrase as the report shows it.
func (p Phrase) String() string {
	var b strings.Builder
	for _, t := range p {
		b.WriteString(t.String())
	}
	return b.String()
}

// String writes the term as the report shows it.
func (t Term) String() string {
	switch t.Kind {
	case Number:
		return unitfmt.Num(t.Value.V)
	case Interval:
		return unitfmt.Est(t.Value)
	case Time:
		return unitfmt.Ns(t.Value.V)
	case SpacedTime:
		return unitfmt.FormatTime(t.Value.V, unitfmt.TimeSpaced)
	case MiB:
		return fmt.Sprintf("%.3g MiB", t.Value.V/(1<<20))
	}
	return t.Text
}

// joinPhrases joins phrases with sep between them.
func joinPhrases(ps []Phrase, sep string) Phrase {
	var out Phrase
	for i, p := range ps {
		if i > 0 {
			out = out.add(Term{Text: sep})
		}
		for _, t := range p {
			out = out.add(t)
		}
	}
	return out
}

// add appends t, merging words with words.
func (p Phrase) add(t Term) Phrase {
	if t.Kind == Words {
		if t.Text == "" {
			return p
		}
		if n := len(p); n > 0 && p[n-1].Kind == Words {
			p[n-1].Text += t.Text
			return p
		}
	}
	return append(p, t)
}

// The figures say takes as arguments of a %s verb: a stat.Estimate is an
// Interval; these types are the other kinds.
type (
	number     float64 // a Number
	nsTime     float64 // a Time
	spacedTime float64 // a SpacedTime
	mib        float64 // MiB
)

// verb finds the verbs of a format.
var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// say formats like fmt.Sprintf, but an argument that is a figure (a
// stat.Estimate, number, nsTime, spacedTime, mib), given to a %s verb,
// stays a number in the phrase; every other argument becomes words.
func say(format string, args ...any) Phrase {
	var p Phrase
	rest := format
	for len(rest) > 0 {
		loc := verb.FindStringIndex(rest)
		if loc == nil {
			p = p.add(Term{Text: rest})
			break
		}
		p = p.add(Term{Text: rest[:loc[0]]})
		v := rest[loc[0]:loc[1]]
		rest = rest[loc[1]:]
		if v == "%%" {
			p = p.add(Term{Text: "%"})
			continue
		}
		if len(args) == 0 {
			p = p.add(Term{Text: fmt.Sprintf("%%!%c(MISSING)", v[len(v)-1])})
			continue
		}
		a := args[0]
		args = args[1:]
		if t, ok := figure(a); ok && v == "%s" {
			p = p.add(t)
			continue
		}
		p = p.add(Term{Text: fmt.Sprintf(v, a)})
	}
	return p
}

// figure returns the term of an argument of say that is a figure.
func figure(a any) (Term, bool) {
	switch a := a.(type) {
	case stat.Estimate:
		return Term{Kind: Interval, Value: a}, true
	case number:
		return Term{Kind: Number, Value: stat.Estimate{V: float64(a)}}, true
	case nsTime:
		return Term{Kind: Time, Value: stat.Estimate{V: float64(a)}}, true
	case spacedTime:
		return Term{Kind: SpacedTime, Value: stat.Estimate{V: float64(a)}}, true
	case mib:
		return Term{Kind: MiB, Value: stat.Estimate{V: float64(a)}}, true
	}
	return Term{}, false
}
