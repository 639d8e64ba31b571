package bench

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// tableNames returns every full benchmark name of the table at scale s on
// a machine of numCPU CPUs, in run order.
func tableNames(s Scale, numCPU int) []string {
	var names []string
	for _, f := range Families() {
		for _, c := range f.CasesAt(s, Host{NumCPU: numCPU}) {
			names = append(names, "Benchmark"+f.Name+"/"+c.Name())
		}
	}
	return names
}

// familyOf returns the family of a full benchmark name:
// "BenchmarkSleep/d=10ms/…" → "Sleep".
func familyOf(name string) string {
	f, _, _ := strings.Cut(strings.TrimPrefix(name, "Benchmark"), "/")
	return f
}

// TestNamesUnchanged compares every benchmark name of the table at every
// scale, on 2 CPUs, to testdata/names.txt, the names list mode printed
// before the families moved into one table: raw.txt must not change. A
// family the file does not name yet (a new one) is not compared: its names
// are new, not changed. A -race binary has no Counter sync=none, so those
// lines are skipped there.
func TestNamesUnchanged(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "names.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	pinned := map[string]bool{} // the families the file names
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		scale, name, _ := strings.Cut(l, " ")
		if strings.HasPrefix(name, "BenchmarkCounter/") && strings.Contains(name, "/sync=none/") && !slices.Contains(workloads.SyncNames(), "none") {
			continue
		}
		want[scale] = append(want[scale], name)
		pinned[familyOf(name)] = true
	}
	var scales []string
	for _, s := range Scales() {
		scales = append(scales, s.Name)
		got := slices.DeleteFunc(tableNames(s, 2), func(n string) bool { return !pinned[familyOf(n)] })
		if !slices.Equal(got, want[s.Name]) {
			for i := range max(len(got), len(want[s.Name])) {
				var g, w string
				if i < len(got) {
					g = got[i]
				}
				if i < len(want[s.Name]) {
					w = want[s.Name][i]
				}
				if g != w {
					t.Errorf("%s: name %d is %q, want %q (%d names, want %d)", s.Name, i, g, w, len(got), len(want[s.Name]))
					break
				}
			}
		}
	}
	if len(want) != len(scales) {
		t.Errorf("testdata/names.txt has %d scales, the package %v", len(want), scales)
	}
}

// TestEveryFamilyHasABenchmark checks that the Benchmark functions of the
// package's test files are exactly the table's families, in its order.
func TestEveryFamilyHasABenchmark(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	var got []string
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Benchmark") {
				got = append(got, strings.TrimPrefix(fn.Name.Name, "Benchmark"))
			}
		}
	}
	if want := FamilyNames(); !slices.Equal(got, want) {
		t.Errorf("Benchmark functions %v, want one per family of the table, in its order: %v", got, want)
	}
}

// TestFamilyDocs checks that every family has a one-line Doc, at least
// one case at every scale, and strategies unless it is a probe, and that
// the package documentation names it.
func TestFamilyDocs(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Families() {
		if f.Doc == "" || strings.Contains(f.Doc, "\n") {
			t.Errorf("%s: Doc %q is not one line", f.Name, f.Doc)
		}
		if f.Pick != nil && len(f.Strategies()) == 0 {
			t.Errorf("%s: Pick chooses no strategy", f.Name)
		}
		for _, s := range Scales() {
			if len(f.CasesAt(s, Host{NumCPU: 2})) == 0 {
				t.Errorf("%s: no case at scale %s", f.Name, s.Name)
			}
		}
		if !strings.Contains(string(doc), "//\t"+f.Name+"/") {
			t.Errorf("doc.go's table of the matrix lacks %s", f.Name)
		}
	}
	if _, err := FamilyByName("Nope"); err == nil || !strings.Contains(err.Error(), "Sleep, SleepWorkers") {
		t.Errorf("FamilyByName(Nope) error %v, want one listing the families", err)
	}
}

// casesOf returns the cases of the family called name at scale s on 2 CPUs.
func casesOf(t testing.TB, name string, s Scale) []Case {
	t.Helper()
	cs, err := FamilyCases(name, s, Host{NumCPU: 2})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestPerScale checks that every scale picks its base's value: flood
// full's, flood-tiny tiny's.
func TestPerScale(t *testing.T) {
	want := map[string]string{"full": "f", "quick": "q", "tiny": "t", "flood": "f", "flood-tiny": "t"}
	for _, s := range Scales() {
		if got := PerScale(s, "f", "q", "t"); got != want[s.Name] {
			t.Errorf("PerScale at %s = %q, want %q", s.Name, got, want[s.Name])
		}
	}
}
