package runfile

import (
	"fmt"
	"strings"
)

// A Param is one key=value part of a benchmark name, or one configuration
// line (key: value) of a run file.
type Param struct {
	Key, Value string
}

// FormatName writes a benchmark name, without "Benchmark": the family,
// then each part as /key=value, in order:
//
//	FormatName("Hash", Param{"size", "64KiB"}, Param{"procs", "2"}) == "Hash/size=64KiB/procs=2"
//
// An empty family writes the parts alone, without a leading "/", as a
// sub-benchmark's name (b.Run) is written. FormatName does not check the
// parts; the writers check their values where they make them (no "/", no
// space, no ":").
func FormatName(family string, params ...Param) string {
	var b strings.Builder
	b.WriteString(family)
	for i, p := range params {
		if i > 0 || family != "" {
			b.WriteByte('/')
		}
		b.WriteString(p.Key + "=" + p.Value)
	}
	return b.String()
}

// ParseName splits a benchmark name as benchfmt gives it
// ("Sleep/d=10ms/procs=2", without "Benchmark") into its family ("Sleep")
// and its key=value parts, in order. A part without "=" or with an empty
// key is an error: concbench writes none.
func ParseName(name string) (family string, params []Param, err error) {
	parts := strings.Split(name, "/")
	family = parts[0]
	if family == "" {
		return "", nil, fmt.Errorf("benchmark name %q has no base name", name)
	}
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return "", nil, fmt.Errorf("benchmark name %q: part %q is not key=value", name, p)
		}
		params = append(params, Param{k, v})
	}
	return family, params, nil
}
