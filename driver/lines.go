package driver

import (
	"bytes"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// lineWriter is an io.Writer that hands each complete line (without its
// newline) to handle as soon as it arrives. A trailing partial line is kept
// until the next write or returned by rest.
type lineWriter struct {
	handle  func(line string) error
	partial []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	n := len(p)
	for {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			w.partial = append(w.partial, p...)
			return n, nil
		}
		line := string(append(w.partial, p[:i]...))
		w.partial = w.partial[:0]
		p = p[i+1:]
		if err := w.handle(line); err != nil {
			return n, err
		}
	}
}

// rest returns the partial line left at the end, if any.
func (w *lineWriter) rest() string { return string(w.partial) }

// resultName returns the benchmark name of a result line
// ("BenchmarkX/a=1 \t 5 \t 100 ns/op …") and whether line is one.
func resultName(line string) (string, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
		return "", false
	}
	for _, x := range f[1:] {
		if x == runfile.UnitNsPerOp {
			return f[0], true
		}
	}
	return "", false
}

// failures collects what go test prints about failed benchmarks:
// "--- FAIL: name" lines and the indented messages below them, and panics.
type failures struct {
	names    []string
	messages map[string][]string
	current  string
	panic    []string
}

// line looks at one output line.
func (f *failures) line(s string) {
	switch {
	case strings.HasPrefix(s, "--- FAIL: "):
		name := strings.Fields(strings.TrimPrefix(s, "--- FAIL: "))[0]
		f.names = append(f.names, name)
		f.current = name
	case f.current != "" && strings.HasPrefix(s, "    "):
		if f.messages == nil {
			f.messages = map[string][]string{}
		}
		f.messages[f.current] = append(f.messages[f.current], strings.TrimSpace(s))
	case strings.HasPrefix(s, "panic: ") && f.panic == nil:
		f.panic = append(f.panic, s)
	default:
		f.current = ""
	}
}

// String describes the failures, the ones with messages first; "" if none.
func (f *failures) String() string {
	var parts []string
	for _, n := range f.names {
		if m := f.messages[n]; len(m) > 0 {
			parts = append(parts, n+": "+strings.Join(m, "; "))
		}
	}
	if len(parts) == 0 && len(f.names) > 0 {
		parts = append(parts, strings.Join(f.names, ", "))
	}
	parts = append(parts, f.panic...)
	return strings.Join(parts, "\n")
}
