package strategies

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/workloads"
)

// frames concatenates the encodings of ms.
func frames(ms ...message) []byte {
	var b []byte
	for _, m := range ms {
		b = m.encode(b)
	}
	return b
}

// wireSeeds are valid and broken streams for the fuzz targets.
func wireSeeds() [][]byte {
	huge := binary.AppendUvarint(nil, 1<<62)
	return [][]byte{
		nil,
		{0},
		{1, 'C'},
		{1, 'Z'},
		{40, 'D', 1, 2},
		[]byte("\x05garbage and more garbage"),
		append(huge, 'H'),
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		frames(message{kind: frameHello, text: protocolMagic}),
		frames(message{kind: frameRun, spec: "noop", first: 3, n: 5}),
		frames(message{kind: frameRun, spec: "noop", first: 0, n: 1 << 30}, message{kind: frameCancel}),
		frames(message{kind: frameRun, spec: "sleep/d=1h", first: 0, n: 4}),
		frames(message{kind: frameRun, spec: "noop", n: 2}, message{kind: frameRun, spec: "noop", n: 2}),
		frames(message{kind: frameRun, spec: "sleep/d=1h", n: 2}, message{kind: frameRun, spec: "noop", n: 2}, message{kind: frameCancel}, message{kind: frameRun, spec: "noop", first: 2, n: 1}),
		frames(message{kind: frameRun, spec: "disk/x=1", n: 2}, message{kind: frameRun, spec: "noop", n: 2}),
		frames(message{kind: frameRun, spec: "not a spec", n: 2}),
		frames(message{kind: frameDone, checksum: 1<<64 - 1, lost: -7}),
		frames(message{kind: frameError, task: -1, panicked: true, text: "boom", stack: "goroutine 1"}),
		frames(message{kind: frameCancelled}, message{kind: frameCancel}, message{kind: frameHello}),
	}
}

// FuzzReadMessage feeds arbitrary bytes to the frame decoder: it must
// return a message or an error, never panic, and every message it returns
// must survive an encode and decode unchanged.
func FuzzReadMessage(f *testing.F) {
	for _, s := range wireSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		for {
			m, err := readMessage(r)
			if err == io.EOF {
				return
			}
			if err != nil {
				if !errors.Is(err, errProtocol) {
					t.Fatalf("error %v does not wrap errProtocol", err)
				}
				return
			}
			if len(m.text) > maxText || len(m.stack) > maxStack {
				continue // encode would truncate them
			}
			again, err := readMessage(bufio.NewReader(bytes.NewReader(frames(m))))
			if err != nil || again != m {
				t.Fatalf("decoded %+v; encoded again it decodes as %+v, %v", m, again, err)
			}
		}
	})
}

// FuzzDecodeMessage feeds arbitrary payloads to decodeMessage directly.
func FuzzDecodeMessage(f *testing.F) {
	for _, s := range wireSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		if _, err := decodeMessage(p); err != nil && !errors.Is(err, errProtocol) {
			t.Fatalf("error %v does not wrap errProtocol", err)
		}
	})
}

// FuzzMessageRoundTrip encodes valid messages of every kind: each must
// decode to itself, its long error text and stack cut to their bounds.
func FuzzMessageRoundTrip(f *testing.F) {
	f.Add(byte(0), "concbench-worker/2", 0, 0, uint64(0), int64(0), false, "")
	f.Add(byte(1), "hash/size=64/rounds=1", 12, 100, uint64(0), int64(0), false, "")
	f.Add(byte(3), "", 0, 0, uint64(1<<64-1), int64(-1<<63), false, "")
	f.Add(byte(4), "boom", -1, 0, uint64(0), int64(0), true, "goroutine 7 [running]:")
	kinds := []byte{frameHello, frameRun, frameCancel, frameDone, frameError, frameCancelled}
	f.Fuzz(func(t *testing.T, k byte, text string, a, b int, checksum uint64, lost int64, panicked bool, stack string) {
		m := message{kind: kinds[int(k)%len(kinds)]}
		switch m.kind {
		case frameHello:
			m.text = text
		case frameRun:
			m.spec, m.first, m.n = text, a&(1<<31-1), b&(1<<31-1)
		case frameDone:
			m.checksum, m.lost = checksum, lost
		case frameError:
			m.task, m.panicked, m.text, m.stack = a, panicked, text, stack
		}
		enc := frames(m)
		got, err := readMessage(bufio.NewReader(bytes.NewReader(enc)))
		if m.kind == frameError {
			m.text, m.stack = truncate(m.text, maxText), truncate(m.stack, maxStack)
		}
		if len(enc) > maxFrame { // only a huge spec or hello text
			if err == nil {
				t.Fatalf("a %d-byte frame decoded", len(enc))
			}
			return
		}
		if err != nil || got != m {
			t.Fatalf("encoded %+v; decoded %+v, %v", m, got, err)
		}
	})
}

func TestErrorFrameBoundsTextAndStack(t *testing.T) {
	m := message{kind: frameError, task: 1 << 40, text: strings.Repeat("x", maxFrame), stack: strings.Repeat("y", maxFrame)}
	got, err := readMessage(bufio.NewReader(bytes.NewReader(frames(m))))
	if err != nil {
		t.Fatal(err)
	}
	if got.task != m.task || got.text != m.text[:maxText] || got.stack != m.stack[:maxStack] {
		t.Errorf("decoded task %d, %d bytes of text, %d of stack; want %d, %d, %d", got.task, len(got.text), len(got.stack), m.task, maxText, maxStack)
	}
}

func TestReadMessageBoundsAllocation(t *testing.T) {
	// Frame lengths past maxFrame are refused before any allocation; a
	// length within it allocates that much at most, however short the
	// stream behind it.
	for _, size := range []uint64{maxFrame + 1, 1 << 40, 1<<64 - 1, maxFrame} {
		stream := binary.AppendUvarint(nil, size)
		stream = append(stream, "Hxx"...)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := readMessage(bufio.NewReader(bytes.NewReader(stream)))
		runtime.ReadMemStats(&after)
		if err == nil || !errors.Is(err, errProtocol) {
			t.Errorf("length %d: err = %v, want a protocol error", size, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 2*maxFrame {
			t.Errorf("length %d: allocated %d bytes", size, grew)
		}
	}
}

// fuzzLookup builds the workloads whose tasks stop when cancelled (noop,
// sleep); any other name is an error, so that no input can start an
// endless uncancellable task.
func fuzzLookup(spec workloads.Spec) (workloads.Workload, error) {
	if spec.Name != "noop" && spec.Name != "sleep" {
		return nil, errors.New("only noop and sleep in this test")
	}
	return workloads.New(spec)
}

// FuzzServeWorker serves arbitrary bytes as a worker's stdin: ServeWorker
// must return (nil or an error) once they end, without panicking, and
// write only well-formed frames: a hello, then replies.
func FuzzServeWorker(f *testing.F) {
	for _, s := range wireSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		done := make(chan error, 1)
		go func() { done <- ServeWorker(bytes.NewReader(in), &out, fuzzLookup) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("ServeWorker did not return 10 s after its input ended")
		}
		r := bufio.NewReader(&out)
		for i := 0; ; i++ {
			m, err := readMessage(r)
			if err == io.EOF {
				if i == 0 {
					t.Fatal("no hello")
				}
				return
			}
			if err != nil {
				t.Fatalf("frame %d of the output: %v", i, err)
			}
			if hello := m.kind == frameHello && m.text == protocolMagic; hello != (i == 0) {
				t.Fatalf("frame %d of the output is %q %q", i, m.kind, m.text)
			}
			if i > 0 && !strings.ContainsRune("DEX", rune(m.kind)) {
				t.Fatalf("frame %d of the output is a %q, not a reply", i, m.kind)
			}
		}
	})
}
