package plots

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// samples writes one benchfmt line per ns/op value for name.
func samples(name string, vals ...float64) string {
	var b strings.Builder
	for _, v := range vals {
		b.WriteString("Benchmark" + name + " \t1\t" + strconv.FormatFloat(v, 'f', -1, 64) + " ns/op\n")
	}
	return b.String()
}

func TestNoiseSection(t *testing.T) {
	raw := "count: 6\nnoise-budget: 1m30s\n" +
		lines("Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", 640e6) +
		// re-run to 8 samples, now within ±5 %
		samples("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10e6, 10.1e6, 10.2e6, 10.3e6, 10.2e6, 10.1e6, 10.2e6, 10.2e6) +
		// re-run to 9 samples, still ±50 %
		samples("Sleep/d=10ms/tasks=64/strategy=exec/procs=2", 300e6, 450e6, 600e6, 300e6, 450e6, 600e6, 300e6, 450e6, 600e6)
	dir := writeRun(t, raw)
	if _, err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	text := string(md)
	for _, want := range []string{
		"Each configuration ran 6 times; then, for up to 1m30s, the driver re-ran",
		"| Sleep/d=10ms/tasks=64/strategy=spawn/procs=2 | 8 | 10.2ms [",
		"| within ±5 % after re-runs |",
		"| Sleep/d=10ms/tasks=64/strategy=exec/procs=2 | 9 | 450ms [300ms, 600ms] | ±33.3 % | **still noisy** after the re-runs |",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("REPORT.md lacks %q", want)
		}
	}
	section := text[strings.Index(text, "## Noise"):]
	section = section[:strings.Index(section[1:], "\n## ")+1]
	if strings.Contains(section, "strategy=sequential") {
		t.Errorf("the noise section lists sequential, neither re-run nor noisy")
	}
}
