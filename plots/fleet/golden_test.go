package fleet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden renders the committed example fleet again from its two run
// folders and compares FLEET.md, index.html and the chart's SVG with the
// committed files, byte for byte: a change made on purpose shows here and
// is committed with the fleet report regenerated (make fleet-report RUNS=…
// OUT=results/fleet-example). It runs from the repository's root, as make
// does, because the report names the folders as it was given them.
func TestGolden(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	const example = "results/fleet-example"
	runs, err := filepath.Glob(filepath.Join(example, "*", "raw.txt"))
	if err != nil || len(runs) < 2 {
		t.Fatalf("want at least two run folders in %s, got %v (%v)", example, runs, err)
	}
	var dirs []string
	for _, r := range runs {
		dirs = append(dirs, filepath.Dir(r))
	}
	out := t.TempDir()
	if _, err := Generate(dirs, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{ReportFile, HTMLFile, "fleet-speedup-cores.svg"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(example, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed %s/%s: if the change is meant, regenerate it with make fleet-report RUNS=\"%s\" OUT=%s", name, example, name, strings.Join(dirs, " "), example)
		}
	}
}
