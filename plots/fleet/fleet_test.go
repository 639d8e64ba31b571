package fleet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/stat"
)

func TestScalesRefused(t *testing.T) {
	parent := t.TempDir()
	full := twoCores("20261202T060000Z-a", "abc1234").write(t, parent)
	quick := twoCores("20261202T070000Z-b", "abc1234")
	quick.scale = "quick"
	q := quick.write(t, parent)
	_, err := Build([]string{full, q})
	want := full + " is a full-scale run and " + q + " a quick-scale one: the scales measure different workload sizes"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want one starting %q", err, want)
	}
}

func TestSingleRun(t *testing.T) {
	dir := twoCores("20261202T060000Z-a", "abc1234").write(t, t.TempDir())
	f, err := Build([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	md := string(f.Markdown())
	for _, want := range []string{"# concbench fleet report: 1 machine\n", "**One machine:** nothing to compare.", "| workload | a (2 cores) |\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("FLEET.md lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "across machines") || len(f.Warnings) != 0 {
		t.Errorf("one machine: a comparison column or warnings %q:\n%s", f.Warnings, md)
	}
}

func TestRefusedFolders(t *testing.T) {
	dir := twoCores("a", "abc1234").write(t, t.TempDir())
	for _, tc := range []struct {
		dirs []string
		want string
	}{
		{nil, "no run folder given"},
		{[]string{dir, dir + "/"}, dir + " and " + dir + "/ are the same run folder"},
		{[]string{dir, filepath.Join(dir, "missing")}, "run folder " + filepath.Join(dir, "missing") + ": no such file or directory"},
	} {
		if _, err := Build(tc.dirs); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Build(%q): %v, want an error with %q", tc.dirs, err, tc.want)
		}
	}
}

func TestCommitsFlagged(t *testing.T) {
	parent := t.TempDir()
	a := twoCores("20261202T060000Z-a", "abc1234").write(t, parent)
	b := oneCore("20261202T070000Z-b", "def5678").write(t, parent)
	c := oneCore("20261202T080000Z-c", "abc1234").write(t, parent)
	f, err := Build([]string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	want := "> **Warning:** the runs come from different commits (a (2 cores): abc1234, b (1 core): def5678): a difference between machines below may come from the code, not the machine.\n\n# "
	if md := string(f.Markdown()); !strings.HasPrefix(md, want) {
		t.Errorf("FLEET.md starts\n%.300s\nwant\n%s", md, want)
	}
	if f, err = Build([]string{a, c}); err != nil || len(f.Warnings) != 0 {
		t.Errorf("one commit: warnings %q, %v", f.Warnings, err)
	}
}

func TestDifferingAnswersMarked(t *testing.T) {
	parent := t.TempDir()
	a := twoCores("20261202T060000Z-a", "abc1234").write(t, parent)
	b := oneCore("20261202T070000Z-b", "abc1234").write(t, parent)
	f, err := Build([]string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Answers) != 1 || !f.Answers[0].Differs {
		t.Fatalf("answers %+v, want one that differs", f.Answers)
	}
	md := string(f.Markdown())
	want := "| hash (coarse) size=64KiB rounds=8 tasks=64 | **spawn** ×1.98 [1.98, 1.98] | **sequential** | **differs** |\n"
	if !strings.Contains(md, want) {
		t.Errorf("FLEET.md lacks\n%s\n%s", want, md)
	}
	// The same machine twice over agrees with itself.
	a2 := twoCores("20261202T080000Z-a", "abc1234").write(t, parent)
	if f, err = Build([]string{a, a2}); err != nil || f.Answers[0].Differs {
		t.Errorf("two alike machines: %+v, %v", f.Answers, err)
	}
}

func TestDuplicateLabels(t *testing.T) {
	parent := t.TempDir()
	a := twoCores("20261202T060000Z-node", "abc1234").write(t, parent)
	b := twoCores("20261202T070000Z-node", "abc1234").write(t, parent)
	c := oneCore("20261202T080000Z-node", "abc1234").write(t, parent)
	f, err := Build([]string{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"node (2 cores) #1", "node (2 cores) #2", "node (1 core)"}
	for i, m := range f.Machines {
		if m.Label != want[i] {
			t.Errorf("machine %d: label %q, want %q", i, m.Label, want[i])
		}
	}
}

func TestGenerateWritesTheReport(t *testing.T) {
	parent := t.TempDir()
	a := twoCores("20261202T060000Z-a", "abc1234").write(t, parent)
	b := oneCore("20261202T070000Z-b", "abc1234").write(t, parent)
	out := filepath.Join(parent, "fleet")
	f, err := Generate([]string{a, b}, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Charts) != 1 {
		t.Fatalf("%d charts, want 1", len(f.Charts))
	}
	for _, name := range []string{ReportFile, HTMLFile, chart.CoresChart + ".png", chart.CoresChart + ".svg"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	page, _ := os.ReadFile(filepath.Join(out, HTMLFile))
	if !strings.Contains(string(page), `id="chart-`+chart.CoresChart+`"`) || !strings.Contains(string(page), "<td><strong>differs</strong></td>") {
		t.Errorf("index.html lacks the chart inline or the differs mark")
	}
}

func TestIncompleteFlagged(t *testing.T) {
	parent := t.TempDir()
	a := twoCores("20261202T060000Z-a", "abc1234").write(t, parent)
	if err := os.WriteFile(filepath.Join(a, "INCOMPLETE"), []byte("interrupted in round 8 of 15\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Build([]string{a})
	if err != nil {
		t.Fatal(err)
	}
	want := "> **Warning:** a (2 cores) (" + a + ") is an INCOMPLETE run: its tables cover only what was measured before the driver was interrupted (interrupted in round 8 of 15).\n"
	if md := string(f.Markdown()); !strings.HasPrefix(md, want) {
		t.Errorf("FLEET.md starts\n%.300s\nwant\n%s", md, want)
	}
}

// TestCommittedRuns builds the fleet of the committed example run alone,
// and refuses it beside the published flood's, a run of another scale.
func TestCommittedRuns(t *testing.T) {
	example, flood := filepath.Join("..", "..", "results", "example"), filepath.Join("..", "..", "results", "flood-example")
	f, err := Build([]string{example})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Answers) == 0 || len(f.Verdicts) == 0 || len(f.Scalings) == 0 {
		t.Errorf("%d answers, %d verdicts, %d scalings: want some of each", len(f.Answers), len(f.Verdicts), len(f.Scalings))
	}
	for _, sc := range f.Scalings {
		if sc.Fit.Law != stat.Amdahl || sc.Fit.MaxN != 2 {
			t.Errorf("%s: %s up to N=%g, want Amdahl on a 2-core machine", sc.Strategy, sc.Fit.Law, sc.Fit.MaxN)
		}
	}
	_, err = Build([]string{example, flood})
	if want := example + " is a full-scale run and " + flood + " a flood-scale one"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want one starting %q", err, want)
	}
}
