package strategies

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// serveFrames feeds ms to ServeWorker, with in kept open until the worker
// has answered answers frames, and returns the frames it wrote after its
// hello.
func serveFrames(t *testing.T, answers int, ms ...message) []message {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- ServeWorker(inR, outW, nil); outW.Close() }()
	go func() { inW.Write(frames(ms...)) }()
	r := bufio.NewReader(outR)
	var got []message
	for i := 0; i <= answers; i++ {
		m, err := readMessage(r)
		if err != nil {
			t.Fatalf("reply %d: %v", i, err)
		}
		if i > 0 {
			got = append(got, m)
		}
	}
	inW.Close()
	if err := <-done; err != nil {
		t.Errorf("ServeWorker: %v", err)
	}
	io.Copy(io.Discard, outR)
	return got
}

func TestServeWorkerQueuesChunks(t *testing.T) {
	w, _ := workloads.Parse("hash/size=64B/rounds=1")
	var runs []message
	var want []uint64
	for first := 0; first < 12; first += 4 {
		runs = append(runs, message{kind: frameRun, spec: w.Spec().String(), first: first, n: 4})
		b := w.Start(4, 1)
		var sum uint64
		for i := first; i < first+4; i++ {
			v, _ := b.Do(context.Background(), 0, i)
			sum += workloads.Fold(i, v)
		}
		want = append(want, sum)
	}
	got := serveFrames(t, 3, runs...)
	for i, m := range got {
		if m.kind != frameDone || m.checksum != want[i] {
			t.Errorf("reply %d = %q %#x, want done %#x", i, m.kind, m.checksum, want[i])
		}
	}
}

func TestServeWorkerCancelAnswersEveryQueuedChunk(t *testing.T) {
	got := serveFrames(t, 4,
		message{kind: frameRun, spec: "sleep/d=1h", n: 2},
		message{kind: frameRun, spec: "sleep/d=1h", first: 2, n: 2},
		message{kind: frameRun, spec: "noop", first: 4, n: 2},
		message{kind: frameCancel},
		message{kind: frameRun, spec: "noop", first: 6, n: 1})
	kinds := make([]byte, len(got))
	for i, m := range got {
		kinds[i] = m.kind
	}
	if string(kinds) != "XXXD" {
		t.Errorf("replies %q, want XXXD: the three chunks before the cancel cancelled, the one after run", kinds)
	}
}

func TestServeWorkerBoundsItsQueue(t *testing.T) {
	var ms []message
	for range maxQueued + 2 {
		ms = append(ms, message{kind: frameRun, spec: "sleep/d=1h", n: 1})
	}
	var out bytes.Buffer
	err := ServeWorker(bytes.NewReader(frames(ms...)), &out, nil)
	if err == nil {
		t.Fatalf("ServeWorker accepted %d chunks at once", len(ms))
	}
}
