package plots

import (
	"fmt"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// isDep reports whether a configuration key is a dependency version.
func isDep(key string) bool { return strings.HasPrefix(key, "dep-") }

// deps renders runfile.DepsFile: one line per dep-* configuration line, nil when
// raw.txt has none.
func (rep *Report) deps() []byte {
	var b strings.Builder
	for _, c := range rep.Run.Config {
		if isDep(c.Key) {
			fmt.Fprintf(&b, "%s %s\n", strings.TrimPrefix(c.Key, "dep-"), c.Value)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return []byte("# module versions the benchmarks of this run were built with (from the dep-* lines of " + runfile.RawFile + ")\n" + b.String())
}
