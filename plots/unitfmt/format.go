package unitfmt

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/stat"
)

// Num formats a figure with about three significant digits.
func Num(v float64) string {
	switch a := math.Abs(v); {
	case math.IsNaN(v):
		return "—"
	case math.IsInf(v, 0):
		return "∞"
	case a == 0:
		return "0"
	case a >= 1e6:
		return fmt.Sprintf("%.3g", v)
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	case a >= 0.01:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.2g", v)
}

// Est formats an estimate as "v [lo, hi]".
func Est(e stat.Estimate) string {
	if !e.Valid() {
		return "—"
	}
	return fmt.Sprintf("%s [%s, %s]", Num(e.V), Num(e.Lo), Num(e.Hi))
}

// NsSummary formats a time summary as "median [lo, hi]".
func NsSummary(s stat.Summary) string {
	if math.IsNaN(s.Center) {
		return "—"
	}
	return fmt.Sprintf("%s [%s, %s]", Ns(s.Center), Ns(s.Lo), Ns(s.Hi))
}

// Pval formats a p-value.
func Pval(p float64) string {
	if math.IsNaN(p) {
		return "—"
	}
	return fmt.Sprintf("%.3f", p)
}

// SortedKeys returns the keys of m in order.
func SortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Percent writes a fraction as a whole percentage with a space before the
// sign, as the report writes them: 0.05 is "5 %".
func Percent(f float64) string { return fmt.Sprintf("%.0f %%", 100*f) }

// Slug makes a file-name-safe version of s.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
