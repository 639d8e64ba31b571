package workloads_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/workloads"
)

func TestSpecRoundTrip(t *testing.T) {
	for _, text := range []string{"noop", "hash/size=65536/rounds=8", "sleep/d=10ms", "counter/incs=5/sync=atomic", "x/a=1/b=2/c=3"} {
		s, err := workloads.ParseSpec(text)
		if err != nil {
			t.Fatalf("ParseSpec(%q): %v", text, err)
		}
		if got := s.String(); got != text {
			t.Errorf("ParseSpec(%q).String() = %q", text, got)
		}
	}
}

func TestSpecSyntaxErrors(t *testing.T) {
	for _, text := range []string{"", "/size=1", "hash/size", "hash/=1", "hash/size=", "hash/size=1/size=2", "ha sh", "hash//rounds=1"} {
		if _, err := workloads.ParseSpec(text); err == nil {
			t.Errorf("ParseSpec(%q) accepted a malformed spec", text)
		}
	}
}

func TestCanonicalSpec(t *testing.T) {
	for text, want := range map[string]string{
		"hash/size=64KiB/rounds=8": "hash/size=65536/rounds=8",
		"hash":                     "hash/size=65536/rounds=8",
		"hash/rounds=2/size=64B":   "hash/size=64/rounds=2",
		"sleep/d=0.01s":            "sleep/d=10ms",
		"counter/sync=sharded":     "counter/incs=1000/sync=sharded",
		"noop":                     "noop",
	} {
		w, err := workloads.Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q): %v", text, err)
		}
		if got := w.Spec().String(); got != want {
			t.Errorf("Parse(%q).Spec() = %q, want %q", text, got, want)
		}
		again, err := workloads.New(w.Spec())
		if err != nil || again.Spec().String() != want {
			t.Errorf("New(%q) = %v, %v: the canonical spec does not rebuild the workload", want, again, err)
		}
	}
}

func TestBadSpecsListWhatIsValid(t *testing.T) {
	for text, want := range map[string]string{
		"disk":                     "valid workloads are noop, sleep, hash, counter",
		"hash/colour=red":          "hash takes size",
		"hash/size=0":              "must be positive",
		"hash/size=-5KiB":          "must be positive",
		"hash/size=lots":           "64KiB",
		"hash/size=2GiB":           "above the limit",
		"hash/rounds=0":            "must be positive",
		"sleep/d=-1ms":             "must be positive",
		"sleep/d=soon":             "10ms",
		"counter/incs=0":           "must be positive",
		"counter/sync=spinlock":    "valid variants are mutex, atomic, channel, sharded",
		"noop/x=1":                 "no parameters",
		"hash/size=99999999999GiB": "too large",
	} {
		_, err := workloads.Parse(text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", text, err, want)
		}
	}
}

// runAll runs every task of w in index order and returns the checksum.
func runAll(t *testing.T, w workloads.Workload, tasks int) (uint64, int64) {
	t.Helper()
	b := w.Start(tasks, 1)
	var sum uint64
	for i := range tasks {
		v, err := b.Do(context.Background(), 0, i)
		if err != nil {
			t.Fatal(err)
		}
		sum += workloads.Fold(i, v)
	}
	lost, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return sum, lost
}

func TestTasksAreDeterministic(t *testing.T) {
	for _, text := range []string{"noop", "sleep/d=1us", "hash/size=100/rounds=3", "counter/incs=10/sync=channel"} {
		w, err := workloads.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := runAll(t, w, 20)
		b, _ := runAll(t, w, 20)
		if a != b {
			t.Errorf("%s: checksums differ between two runs: %#x, %#x", text, a, b)
		}
	}
}

func TestHashDependsOnItsParameters(t *testing.T) {
	sums := map[uint64]string{}
	for _, text := range []string{"hash/size=64/rounds=1", "hash/size=64/rounds=2", "hash/size=72/rounds=1", "hash/size=65/rounds=1"} {
		w, _ := workloads.Parse(text)
		sum, _ := runAll(t, w, 4)
		if other, dup := sums[sum]; dup {
			t.Errorf("%s and %s have the same checksum", text, other)
		}
		sums[sum] = text
	}
}

func TestCountersEndExact(t *testing.T) {
	for _, sync := range workloads.SyncNames() {
		w, err := workloads.Parse("counter/incs=1000/sync=" + sync)
		if err != nil {
			t.Fatal(err)
		}
		const tasks, workers = 16, 4
		b := w.Start(tasks, workers)
		done := make(chan struct{})
		for worker := range workers {
			go func() {
				defer func() { done <- struct{}{} }()
				for i := worker; i < tasks; i += workers {
					if _, err := b.Do(context.Background(), worker, i); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		for range workers {
			<-done
		}
		lost, err := b.Finish()
		if sync == "none" {
			if err != nil || lost < 0 {
				t.Errorf("none: lost %d, %v", lost, err)
			}
			continue
		}
		if err != nil || lost != 0 {
			t.Errorf("%s: lost %d, %v", sync, lost, err)
		}
	}
}

func TestCounterFinishCatchesMissingUpdates(t *testing.T) {
	w, _ := workloads.Parse("counter/incs=10/sync=mutex")
	b := w.Start(3, 1)
	b.Do(context.Background(), 0, 0)
	b.Do(context.Background(), 0, 1)
	if _, err := b.Finish(); err == nil || !strings.Contains(err.Error(), "ended at 20, want 30") {
		t.Errorf("Finish after 2 of 3 tasks = %v, want a mismatch error", err)
	}
}

func TestSleepHonoursCancellation(t *testing.T) {
	w, _ := workloads.Parse("sleep/d=1h")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := w.Start(1, 1).Do(ctx, 0, 0); err != context.DeadlineExceeded {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}
