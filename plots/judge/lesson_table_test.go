package judge

import (
	"slices"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/stat"
)

// A new lesson is one entry of the table: its claim, its chart and its
// judge function. The fake lesson here is added that way alone, and is
// judged and numbered by its place in the table, the others keeping
// theirs. (The report renders every verdict the same way; the golden
// reports pin that.)
func TestFakeLessonIsOneEntry(t *testing.T) {
	run, rows := testrows.ReadFixture(t)
	fake := lesson{
		Claim:  "A fake claim: the fixture's sleep has a spawn row.",
		Charts: []string{ChartCounterLost, ChartTime},
		On:     isFamily("Sleep"),
		Judge: func(j *judge, ev *evidence) {
			sp := find(ev.seed.sleep, "spawn", 0)
			if sp == nil {
				j.missing = append(j.missing, "Sleep strategy=spawn")
				return
			}
			j.part(stat.Pass, say("spawn %s", nsTime(sp.Time.Center)), sp)
			j.p("spawn vs sequential", sp.P)
		},
	}
	table := append(LessonTable(), fake)
	vs := JudgeLessons(table, rows, run.Cores())
	v := vs[len(vs)-1]
	// Its charts: the kinds of its entry, a time chart for the workload
	// of the row it rests on.
	wantCharts := []ChartID{{Kind: ChartCounterLost}, {Kind: ChartTime, Workload: "sleep d=10ms tasks=64"}}
	if v.Lesson != len(table) || v.Claim != fake.Claim || v.Outcome != stat.Pass || !slices.Equal(v.Charts, wantCharts) {
		t.Fatalf("last verdict %d %q %s %v, want %d %q PASS %v", v.Lesson, v.Claim, v.Outcome, v.Charts, len(table), fake.Claim, wantCharts)
	}
	// The lessons before it keep their numbers.
	for i, v := range vs[:len(vs)-1] {
		if v.Lesson != i+1 {
			t.Errorf("verdict %d numbered %d", i+1, v.Lesson)
		}
	}
}

// Every entry of the table is complete: a claim of its own, the families
// it is judged on, a judge function and well-formed chart patterns.
func TestLessonTable(t *testing.T) {
	var claims []string
	for i, l := range LessonTable() {
		if l.Claim == "" || l.On == nil || l.Judge == nil || len(l.Charts) == 0 {
			t.Errorf("lesson %d is incomplete: %+v", i+1, l)
		}
		if slices.Contains(claims, l.Claim) {
			t.Errorf("lesson %d repeats the claim %q", i+1, l.Claim)
		}
		claims = append(claims, l.Claim)
		for _, k := range l.Charts {
			if !slices.Contains([]string{ChartTime, ChartWorkersHash, ChartCounterLost, ChartCounterThroughput, FloodChart, CrashChart}, k) {
				t.Errorf("lesson %d: chart kind %q is none of the kinds a lesson links", i+1, k)
			}
		}
	}
}

// A lesson's number is its place in the table whichever lessons a run
// has: a run of the flood alone numbers the flood's claims as a full run
// does.
func TestLessonNumbersStable(t *testing.T) {
	run := floodRun(t, map[string][2]float64{
		"strategy=spawn":             {100e6, 50e6},
		"strategy=pool/workers=1000": {60e6, 4e6},
	})
	vs := Verdicts(run, run.Derive())
	table := LessonTable()
	if len(vs) != 2 {
		t.Fatalf("%d verdicts, want the 2 flood claims", len(vs))
	}
	for _, v := range vs {
		if v.Lesson < 1 || v.Lesson > len(table) || table[v.Lesson-1].Claim != v.Claim {
			t.Errorf("verdict %d %q is not lesson %d of the table", v.Lesson, v.Claim, v.Lesson)
		}
	}
}
