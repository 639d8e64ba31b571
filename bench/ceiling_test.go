package bench

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

func TestHashCeilingCases(t *testing.T) {
	cs := casesOf(t, "HashCeiling", fullScale(t))
	if len(cs) != 1 || cs[0].Name() != "size=64KiB/rounds=8/tasks=64/probe=processes/workers=2/procs=2" {
		t.Errorf("HashCeiling cases %+v", cs)
	}
	coarse := coarseBatch(fullScale(t)).Params()
	hash := Case{Params: coarse, Strategy: "process", Procs: 2}
	prefix, _, _ := strings.Cut(hash.Name(), "strategy=")
	if !strings.HasPrefix(cs[0].Name(), prefix) {
		t.Errorf("HashCeiling name %q does not start with the coarse hash's keys %q", cs[0].Name(), prefix)
	}
}

func TestServeCeilingSharesAddUp(t *testing.T) {
	const spec = "hash/size=1KiB/rounds=2"
	w, _ := workloads.Parse(spec)
	want, _ := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: 10})
	var out bytes.Buffer
	if err := ServeCeiling(strings.NewReader(spec+" 0 3\n"+spec+" 3 7\n"), &out); err != nil {
		t.Fatal(err)
	}
	var sum uint64
	for _, line := range strings.Fields(out.String()) {
		v, err := strconv.ParseUint(line, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if sum != want.Checksum {
		t.Errorf("shares sum to %#x, sequential %#x", sum, want.Checksum)
	}
}

func TestServeCeilingBadRequests(t *testing.T) {
	for in, want := range map[string]string{
		"hash 0\n":           `is not "spec first n"`,
		"hash x 3\n":         "bad task range",
		"disk 0 1\n":         "valid workloads are",
		"hash/size=0 0 1\n":  "must be positive",
		"hash/size=1 -1 2\n": "bad task range",
		"hash 0 1 extra\n":   `is not "spec first n"`,
	} {
		err := ServeCeiling(strings.NewReader(in), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ServeCeiling(%q) = %v, want an error containing %q", in, err, want)
		}
	}
}
