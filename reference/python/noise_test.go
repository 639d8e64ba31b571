package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoiseReruns: with a noise budget, the reference re-runs after its
// counted rounds the configurations without an interval yet (here every
// one: one counted round), each re-run round numbered after the counted
// ones, no configuration beyond -max-samples samples or twice in a round,
// and it says what it did.
func TestNoiseReruns(t *testing.T) {
	run := runFolder(t, "scale: tiny\n")
	stderr, err := referenceStderr(t, "-run", run, "-count", "1", "-benchtime", "1ms", "-bench", "Pycpu", "-ft", "none",
		"-noise-budget", "30s", "-max-samples", "3")
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	data, err := os.ReadFile(filepath.Join(run, "python.txt"))
	if err != nil {
		t.Fatal(err)
	}
	samples := map[string]int{}
	var rounds []string
	inRound := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if r, ok := strings.CutPrefix(l, "round: "); ok {
			rounds = append(rounds, r)
			inRound = map[string]bool{}
			continue
		}
		if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(f[0], "BenchmarkPycpu/") {
			name := f[0]
			if inRound[name] {
				t.Errorf("%s twice in round %s", name, rounds[len(rounds)-1])
			}
			inRound[name] = true
			samples[name]++
		}
	}
	if strings.Join(rounds, ",") != "1,2,3" {
		t.Errorf("rounds %v, want 1,2,3 (one counted, two re-runs up to -max-samples 3)", rounds)
	}
	if len(samples) == 0 {
		t.Fatal("no Pycpu results")
	}
	for name, n := range samples {
		if n != 3 {
			t.Errorf("%s: %d samples, want 3", name, n)
		}
	}
	for _, want := range []string{"noise-budget: 30s\n", "max-samples: 3\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("python.txt lacks the configuration line %q", want)
		}
	}
	if !strings.Contains(stderr, "noise re-runs: 2 rounds") {
		t.Errorf("the reference did not say what it re-ran:\n%s", stderr)
	}
}

// TestNoiseBudgetBad: a budget that is not a duration stops the reference
// before anything is written, naming the option.
func TestNoiseBudgetBad(t *testing.T) {
	run := runFolder(t, "scale: tiny\n")
	stderr, err := referenceStderr(t, "-run", run, "-count", "1", "-noise-budget", "soon")
	if err == nil || !strings.Contains(stderr, "-noise-budget (REF_NOISE_BUDGET)") {
		t.Errorf("%v: %s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(run, "python.txt")); err == nil {
		t.Error("python.txt was written")
	}
}
