package plots

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

func TestNoiseSection(t *testing.T) {
	raw := "count: 6\nnoise-budget: 1m30s\n" +
		testrun.Lines("Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", 640e6) +
		// re-run to 8 samples, now within ±5 %
		testrun.Samples("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10e6, 10.1e6, 10.2e6, 10.3e6, 10.2e6, 10.1e6, 10.2e6, 10.2e6) +
		// re-run to 9 samples, still ±50 %
		testrun.Samples("Sleep/d=10ms/tasks=64/strategy=exec/procs=2", 300e6, 450e6, 600e6, 300e6, 450e6, 600e6, 300e6, 450e6, 600e6)
	dir := testrun.Write(t, raw)
	if _, err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, runfile.ReportFile))
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

// A run whose re-runs came between its count runs (round 7 holds only the
// re-run row) says so; rounds numbered after the count runs do not.
func TestNoiseSectionSpread(t *testing.T) {
	const seq, spawn = "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", "Sleep/d=10ms/tasks=64/strategy=spawn/procs=2"
	build := func(rerunAt int) string {
		var b strings.Builder
		b.WriteString("count: 7\nnoise-budget: 1m30s\nmax-samples: 60\n")
		for k := 1; k <= 9; k++ {
			b.WriteString("round: " + strconv.Itoa(k) + "\n")
			if k != rerunAt && k != rerunAt+1 {
				b.WriteString(testrun.Samples(seq, 640e6))
			}
			b.WriteString(testrun.Samples(spawn, 10e6+float64(k)*1e5))
		}
		return b.String()
	}
	for _, c := range []struct {
		rerunAt int
		want    string
	}{
		{7, "Each configuration ran 7 times; between those runs from the 6th on, and after the last, for up to 1m30s in all, the driver re-ran"},
		{8, "Each configuration ran 7 times; then, for up to 1m30s, the driver re-ran"},
	} {
		dir := testrun.Write(t, build(c.rerunAt))
		rep, err := Build(dir)
		if err != nil {
			t.Fatal(err)
		}
		var b body
		rep.writeNoise(&b)
		md := string((&document.Doc{Body: b.blocks}).Markdown())
		if !strings.Contains(md, c.want) {
			t.Errorf("re-runs in rounds %d and %d: the noise section lacks %q:\n%s", c.rerunAt, c.rerunAt+1, c.want, md)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 6: "6th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 112: "112th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}
