package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// num formats a figure with about three significant digits.
func num(v float64) string {
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

// est formats an estimate as "v [lo, hi]".
func est(e Estimate) string {
	if !e.Valid() {
		return "—"
	}
	return fmt.Sprintf("%s [%s, %s]", num(e.V), num(e.Lo), num(e.Hi))
}

// nsSummary formats a time summary as "median [lo, hi]".
func nsSummary(s Summary) string {
	if math.IsNaN(s.Center) {
		return "—"
	}
	return fmt.Sprintf("%s [%s, %s]", ns(s.Center), ns(s.Lo), ns(s.Hi))
}

// pval formats a p-value.
func pval(p float64) string {
	if math.IsNaN(p) {
		return "—"
	}
	return fmt.Sprintf("%.3f", p)
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// percent writes a fraction as a whole percentage with a space before the
// sign, as the report writes them: 0.05 is "5 %".
func percent(f float64) string { return fmt.Sprintf("%.0f %%", 100*f) }

// slug makes a file-name-safe version of s.
func slug(s string) string {
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
