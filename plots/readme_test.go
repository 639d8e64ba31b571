package plots

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated blocks of README.md from the committed runs")

// TestREADMEQuotesExample holds every figure README.md quotes from a run
// to that run: its answer table and printed answer are results/example's,
// and its own-task answer is examples/decode's committed run's, as the
// report renders them now. With -update it rewrites the blocks.
func TestREADMEQuotesExample(t *testing.T) {
	const readme = "../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	example, err := Build(filepath.Join("..", "results", "example"))
	if err != nil {
		t.Fatal(err)
	}
	decodeRuns, err := filepath.Glob(filepath.Join("..", "examples", "decode", "results", "*"))
	if err != nil || len(decodeRuns) != 1 {
		t.Fatalf("examples/decode/results: %v, %v; want one run", decodeRuns, err)
	}
	decode, err := Build(decodeRuns[0])
	if err != nil {
		t.Fatal(err)
	}
	answer := func(rep *Report, dir string) string {
		var b strings.Builder
		if err := rep.WriteAnswer(&b); err != nil {
			t.Fatal(err)
		}
		text := strings.TrimPrefix(b.String(), "\n")
		return "```\n" + strings.ReplaceAll(text, rep.Run.Dir, dir) + "```\n"
	}
	text := string(data)
	for _, blk := range []struct{ name, want string }{
		{"answer table", example.DecisionTable()},
		{"printed answer", answer(example, "results/example")},
		{"own task answer", answer(decode, "results/"+filepath.Base(decodeRuns[0]))},
	} {
		begin := "<!-- generated: " + blk.name + " (go test ./plots -run TestREADME -update) -->\n"
		end := "<!-- end: " + blk.name + " -->"
		i, j := strings.Index(text, begin), strings.Index(text, end)
		if i < 0 || j < i {
			t.Errorf("README.md has no block %q between %q and %q", blk.name, begin, end)
			continue
		}
		if got := text[i+len(begin) : j]; got != blk.want {
			if *update {
				text = text[:i+len(begin)] + blk.want + text[j:]
				continue
			}
			t.Errorf("README.md's %s differs from its run's (go test ./plots -run TestREADME -update rewrites it):\n%s\nwant\n%s", blk.name, got, blk.want)
		}
	}
	if *update && text != string(data) {
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if lines := bytes.Count([]byte(text), []byte("\n")); lines > 260 {
		t.Errorf("README.md has %d lines; the rest belongs in docs/", lines)
	}
}
