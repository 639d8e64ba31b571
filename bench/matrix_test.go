package bench

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/workloads"
)

func fullScale(t *testing.T) Scale {
	t.Helper()
	s, err := ScaleByName("full")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNames pins the naming contract that the report parses.
func TestNames(t *testing.T) {
	s := fullScale(t)
	names := func(cs []Case) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Name())
		}
		return out
	}
	if got, want := names(casesOf(t, "Sleep", s)), []string{
		"d=10ms/tasks=64/strategy=sequential/procs=2",
		"d=10ms/tasks=64/strategy=spawn/procs=2",
		"d=10ms/tasks=64/strategy=pool/procs=2",
		"d=10ms/tasks=64/strategy=gil/procs=2",
		"d=10ms/tasks=64/strategy=process/procs=2",
		"d=10ms/tasks=64/strategy=exec/procs=2",
	}; !slices.Equal(got, want) {
		t.Errorf("Sleep names\n%q\nwant\n%q", got, want)
	}
	checks := map[string]string{
		"SleepWorkers": "d=10ms/tasks=64/strategy=process/workers=64/procs=2",
		"Hash":         "size=64B/rounds=1/tasks=64/strategy=exec/procs=2",
		"HashWorkers":  "size=64KiB/rounds=8/tasks=64/strategy=pool/workers=1/procs=2",
		"HashProcs":    "size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=4",
		"Counter":      "incs=1000/tasks=64/sync=atomic/strategy=process/procs=2",
		"Crash":        "k=4/d=1ms/tasks=8/strategy=spawn/procs=2",
	}
	families := map[string][]Case{
		"SleepWorkers": casesOf(t, "SleepWorkers", s),
		"Hash":         casesOf(t, "Hash", s),
		"HashWorkers":  casesOf(t, "HashWorkers", s),
		"HashProcs":    casesOf(t, "HashProcs", s),
		"Counter":      casesOf(t, "Counter", s),
		"Crash":        casesOf(t, "Crash", s),
	}
	wantLen := map[string]int{"SleepWorkers": 6, "Hash": 22, "HashWorkers": 10, "HashProcs": 7, "Counter": 5 * len(workloads.SyncNames()), "Crash": 11}
	for fam, cs := range families {
		if !slices.Contains(names(cs), checks[fam]) {
			t.Errorf("%s lacks %s: %q", fam, checks[fam], names(cs))
		}
		if len(cs) != wantLen[fam] {
			t.Errorf("%s has %d cases, want %d", fam, len(cs), wantLen[fam])
		}
	}
	if !slices.Contains(names(casesOf(t, "Hash", s)), "size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2") {
		t.Errorf("Hash lacks the coarse sequential case")
	}
}

// TestNamesAreWellFormed checks every name at every scale: key=value parts,
// no colon, no space, no trailing -digits, ending in procs=N, and unique.
func TestNamesAreWellFormed(t *testing.T) {
	trailing := regexp.MustCompile(`-[0-9]+$`)
	part := regexp.MustCompile(`^[a-z]+=[A-Za-z0-9.-]+$`)
	for _, s := range Scales() {
		seen := map[string]bool{}
		for _, f := range Families() {
			fam := f.Name
			for _, c := range f.CasesAt(s, Host{NumCPU: 2}) {
				name := fam + "/" + c.Name()
				if seen[name] {
					t.Errorf("%s: duplicate %s", s.Name, name)
				}
				seen[name] = true
				if strings.ContainsAny(name, ": \t") || trailing.MatchString(name) {
					t.Errorf("%s: bad name %s", s.Name, name)
				}
				parts := strings.Split(c.Name(), "/")
				for _, p := range parts {
					if !part.MatchString(p) {
						t.Errorf("%s: %s: part %q is not key=value", s.Name, name, p)
					}
				}
				if !strings.HasPrefix(parts[len(parts)-1], "procs=") {
					t.Errorf("%s: %s does not end in procs=N", s.Name, name)
				}
			}
		}
	}
}

func TestScaleByName(t *testing.T) {
	if s, err := ScaleByName(""); err != nil || s.Name != "full" || s.Base != "full" {
		t.Errorf(`ScaleByName("") = %+v, %v`, s, err)
	}
	if _, err := ScaleByName("huge"); err == nil || !strings.Contains(err.Error(), "full, quick, tiny") {
		t.Errorf("ScaleByName(huge) error %v", err)
	}
}

func TestCoarseIsCoarse(t *testing.T) {
	// The report calls a hash coarse when size × rounds ≥ 32 KiB.
	perTask := func(b Batch) int64 {
		sz, _ := b.Spec.Get("size")
		r, _ := b.Spec.Get("rounds")
		n, err1 := runfile.ParseSize(sz)
		rounds, err2 := strconv.Atoi(r)
		if err1 != nil || err2 != nil {
			t.Fatalf("hash spec %s: %v, %v", b.Spec, err1, err2)
		}
		return n * int64(rounds)
	}
	for _, s := range Scales() {
		if n := perTask(coarseBatch(s)); n < 32<<10 {
			t.Errorf("%s: coarse hash is %d bytes per task", s.Name, n)
		}
		if n := perTask(fineBatch(s)); n >= 32<<10 {
			t.Errorf("%s: fine hash is %d bytes per task", s.Name, n)
		}
	}
}

func TestFloodCases(t *testing.T) {
	s := fullScale(t)
	cs := casesOf(t, "Flood", s)
	var names []string
	for _, c := range cs {
		names = append(names, c.Name())
	}
	if len(cs) != 1+6*3 {
		t.Errorf("Flood has %d cases, want spawn and 6 strategies × 3 worker counts", len(cs))
	}
	for _, want := range []string{
		"d=1ms/tasks=20000/strategy=spawn/procs=2",
		"d=1ms/tasks=20000/strategy=ants/workers=100000/procs=2",
		"d=1ms/tasks=20000/strategy=errgroup/workers=1000/procs=2",
	} {
		if !slices.Contains(names, want) {
			t.Errorf("Flood lacks %s: %q", want, names)
		}
	}
	for _, c := range cs {
		if c.RefWorkers <= 0 || c.reference().Name() != "pool" {
			t.Errorf("%s: reference checksum by %s, want a pool (sequential would take tasks × d)", c.Name(), c.reference().Name())
		}
	}
	if r := casesOf(t, "Sleep", s)[0].reference(); r.Name() != "pool" {
		t.Errorf("Sleep's reference is %s, want a pool (sequential takes tasks × d in every round)", r.Name())
	}
	if r := casesOf(t, "Hash", s)[0].reference(); r.Name() != "sequential" {
		t.Errorf("Hash's reference is %s, want sequential", r.Name())
	}
}
