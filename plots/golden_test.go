package plots

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
)

// goldenRuns are the committed real runs the golden test renders: their
// inputs (what make bench, make bench-flood and make reference wrote) and
// their outputs (what make report wrote from them) are both in the
// repository.
var goldenRuns = []string{"../results/example", "../results/flood-example"}

// goldenInputs are the files of a run folder that the report reads and
// does not write; a run may lack all but raw.txt.
var goldenInputs = []string{runfile.RawFile, runfile.PythonFile, runfile.BenchstatFile, "warmup.txt"}

// TestGolden renders the committed runs again and compares REPORT.md,
// index.html, deps.txt and every chart's SVG with the committed files,
// byte for byte: a change of code that moves or reshapes the report
// changes none of them, and a change made on purpose shows here and is
// committed with the runs' reports regenerated (make report RUN=…).
func TestGolden(t *testing.T) {
	for _, run := range goldenRuns {
		t.Run(filepath.Base(run), func(t *testing.T) { golden(t, run) })
	}
}

// golden renders the committed run goldenRun in a folder of the same name
// and compares its outputs with the committed ones.
func golden(t *testing.T, goldenRun string) {
	dir := filepath.Join(t.TempDir(), filepath.Base(goldenRun))
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range goldenInputs {
		data, err := os.ReadFile(filepath.Join(goldenRun, name))
		if os.IsNotExist(err) && name != runfile.RawFile {
			continue
		}
		if err != nil {
			t.Fatalf("the golden run's input: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Generate(dir); err != nil {
		t.Fatalf("Generate(%s): %v", goldenRun, err)
	}
	want, err := filepath.Glob(filepath.Join(goldenRun, "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || len(got) != len(want) {
		t.Errorf("%d charts rendered, %d committed", len(got), len(want))
	}
	files := []string{runfile.ReportFile, runfile.HTMLFile, runfile.DepsFile, runfile.SummaryFile, runfile.RowsFile}
	for _, p := range want {
		files = append(files, filepath.Base(p))
	}
	for _, name := range files {
		w, err := os.ReadFile(filepath.Join(goldenRun, name))
		if err != nil {
			t.Errorf("committed: %v", err)
			continue
		}
		g, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("rendered: %v", err)
			continue
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from the committed %s/%s at line %d; if the change is meant, run make report RUN=%s and list the change in the commit",
				name, goldenRun, name, firstDiffLine(g, w), strings.TrimPrefix(goldenRun, "../"))
		}
	}
}

// firstDiffLine returns the 1-based number of the first line where a and
// b differ.
func firstDiffLine(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}
