package runfile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
)

// The constants spell what raw.txt holds: every family, key and unit
// occurs, spelt so, in the committed example run (raw.txt, and python.txt
// for the lang key), so that renaming one here breaks this test rather
// than the reading of every run already written.
func TestConstantsInCommittedRun(t *testing.T) {
	var text strings.Builder
	for _, name := range []string{"raw.txt", "python.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "results", "example", name))
		if err != nil {
			t.Fatalf("the committed example run: %v", err)
		}
		text.Write(data)
	}
	run := text.String()
	families := []string{
		runfile.FamilySleep, runfile.FamilySleepWorkers, runfile.FamilyHash, runfile.FamilyHashWorkers,
		runfile.FamilyHashProcs, runfile.FamilyCounter, runfile.FamilyPycpu, runfile.FamilyAlloc,
		runfile.FamilyHashCeiling, runfile.FamilyFlood, runfile.FamilyOverhead, runfile.FamilyFetch,
		runfile.FamilyFetchClient, runfile.FamilyFile, runfile.FamilyCrash,
	}
	for _, f := range families {
		if !strings.Contains(run, "\nBenchmark"+f+"/") {
			t.Errorf("family %q: no result line Benchmark%s/… in results/example", f, f)
		}
	}
	keys := []string{
		runfile.KeyStrategy, runfile.KeyWorkers, runfile.KeyProcs, runfile.KeyTasks, runfile.KeyDelay,
		runfile.KeySize, runfile.KeyRounds, runfile.KeyIncs, runfile.KeySync, runfile.KeyClient,
		runfile.KeyProbe, runfile.KeyLang,
	}
	for _, k := range keys {
		if !strings.Contains(run, "/"+k+"=") {
			t.Errorf("key %q: no name part /%s= in results/example", k, k)
		}
	}
	units := []string{
		runfile.UnitNsPerOp, runfile.UnitNsPerTask, runfile.UnitTasksPerSec, runfile.UnitCPUNsPerOp,
		runfile.UnitP50Ns, runfile.UnitP99Ns, runfile.UnitPeakRoutines, runfile.UnitPeakStack,
		runfile.UnitPeakHeap, runfile.UnitPeakRSS, runfile.UnitLostUpdates, runfile.UnitStealPct,
		runfile.UnitOtherPct, runfile.UnitSurvived, runfile.UnitDelivered, runfile.UnitNextBatch,
		runfile.UnitFaultsPerOp,
	}
	for _, u := range units {
		if !strings.Contains(run, " "+u+"\t") && !strings.Contains(run, " "+u+"\n") {
			t.Errorf("unit %q: no value in it in results/example", u)
		}
	}
	if !strings.Contains(run, "\n"+runfile.ConfigKey("sequential")+": concurrency=one ") {
		t.Errorf("no %s line in results/example", runfile.ConfigKey("sequential"))
	}
}
