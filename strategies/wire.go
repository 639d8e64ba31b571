package strategies

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The worker protocol. Parent and worker exchange frames over the worker's
// stdin and stdout. A frame is a uvarint payload length followed by the
// payload, whose first byte is the frame type:
//
//	'H' hello     worker → parent, once: the protocol magic
//	'R' run       parent → worker: spec string, first task, task count
//	'C' cancel    parent → worker: stop the running chunk and the queued ones
//	'D' done      worker → parent: chunk checksum (8 bytes LE), lost (varint)
//	'E' error     worker → parent: task (varint), panicked (1 byte), message, stack
//	'X' cancelled worker → parent: the chunk stopped on cancel
//
// Strings are a uvarint length and bytes. A worker runs one chunk at a
// time and queues the run frames that arrive meanwhile; it answers every
// run frame with one D, E or X, in the order they came. A cancel stops the
// running chunk and answers every queued one with X; with no chunk running
// or queued it is ignored.
//
// Version 2 (concbench-worker/2) added the queue: a version-1 worker
// rejected a run frame while a chunk ran.
const (
	frameHello     = 'H'
	frameRun       = 'R'
	frameCancel    = 'C'
	frameDone      = 'D'
	frameError     = 'E'
	frameCancelled = 'X'

	// protocolMagic is the hello payload: it names the protocol and its
	// version, so that a binary that is not a worker fails the handshake.
	protocolMagic = "concbench-worker/2"

	// maxFrame bounds a frame, so that a corrupt length allocates nothing
	// large; maxText and maxStack bound the message and the stack a
	// worker sends with an error, so that an error frame always fits.
	maxFrame = 1 << 20
	maxText  = 64 << 10
	maxStack = 64 << 10
)

// A message is a decoded frame.
type message struct {
	kind        byte
	spec        string // run
	first, n    int    // run
	checksum    uint64 // done
	lost        int64  // done
	task        int    // error; -1 when no single task failed
	panicked    bool   // error
	text, stack string // error; hello's magic in text
}

// errProtocol wraps every decoding error.
var errProtocol = errors.New("worker protocol error")

// encode appends m's frame to dst.
func (m message) encode(dst []byte) []byte {
	p := []byte{m.kind}
	switch m.kind {
	case frameHello:
		p = appendString(p, m.text)
	case frameRun:
		p = appendString(p, m.spec)
		p = binary.AppendUvarint(p, uint64(m.first))
		p = binary.AppendUvarint(p, uint64(m.n))
	case frameDone:
		p = binary.LittleEndian.AppendUint64(p, m.checksum)
		p = binary.AppendVarint(p, m.lost)
	case frameError:
		p = binary.AppendVarint(p, int64(m.task))
		p = append(p, boolByte(m.panicked))
		p = appendString(p, truncate(m.text, maxText))
		p = appendString(p, truncate(m.stack, maxStack))
	}
	dst = binary.AppendUvarint(dst, uint64(len(p)))
	return append(dst, p...)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// readMessage reads and decodes one frame. It returns io.EOF only for a
// clean end of stream between frames; other errors wrap errProtocol and
// the reader's error (such as os.ErrDeadlineExceeded). It allocates at
// most maxFrame bytes plus the decoded strings.
func readMessage(r *bufio.Reader) (message, error) {
	size, err := binary.ReadUvarint(r)
	if err == io.EOF {
		return message{}, io.EOF
	}
	if err != nil {
		return message{}, fmt.Errorf("%w: reading frame length: %w", errProtocol, noEOF(err))
	}
	if size == 0 || size > maxFrame {
		return message{}, fmt.Errorf("%w: frame length %d out of range 1-%d", errProtocol, size, maxFrame)
	}
	p := make([]byte, size)
	if _, err := io.ReadFull(r, p); err != nil {
		return message{}, fmt.Errorf("%w: truncated frame: %w", errProtocol, noEOF(err))
	}
	return decodeMessage(p)
}

// decodeMessage decodes a frame payload.
func decodeMessage(p []byte) (message, error) {
	if len(p) == 0 {
		return message{}, fmt.Errorf("%w: empty frame", errProtocol)
	}
	d := decoder{p: p[1:]}
	m := message{kind: p[0]}
	switch m.kind {
	case frameHello:
		m.text = d.string()
	case frameRun:
		m.spec = d.string()
		m.first = d.int()
		m.n = d.int()
	case frameCancel, frameCancelled:
	case frameDone:
		m.checksum = d.uint64()
		m.lost = d.varint()
	case frameError:
		m.task = int(d.varint())
		m.panicked = d.byte() == 1
		m.text = d.string()
		m.stack = d.string()
	default:
		return message{}, fmt.Errorf("%w: unknown frame type %q", errProtocol, m.kind)
	}
	if d.err != nil {
		return message{}, fmt.Errorf("%w: frame %q: %v", errProtocol, m.kind, d.err)
	}
	if len(d.p) != 0 {
		return message{}, fmt.Errorf("%w: frame %q has %d trailing bytes", errProtocol, m.kind, len(d.p))
	}
	return m, nil
}

// decoder reads fields from a payload, remembering the first error.
type decoder struct {
	p   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = errors.New("short or malformed " + what)
	}
	d.p = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.p)
	if n <= 0 {
		d.fail("uvarint")
		return 0
	}
	d.p = d.p[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.p)
	if n <= 0 {
		d.fail("varint")
		return 0
	}
	d.p = d.p[n:]
	return v
}

// int reads a uvarint that must fit a non-negative int32, which bounds
// task indices and counts.
func (d *decoder) int() int {
	v := d.uvarint()
	if v > 1<<31-1 {
		d.fail("count")
		return 0
	}
	return int(v)
}

func (d *decoder) uint64() uint64 {
	if len(d.p) < 8 {
		d.fail("uint64")
		return 0
	}
	v := binary.LittleEndian.Uint64(d.p)
	d.p = d.p[8:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.p) < 1 {
		d.fail("byte")
		return 0
	}
	b := d.p[0]
	d.p = d.p[1:]
	return b
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.p)) {
		d.fail("string")
		return ""
	}
	s := string(d.p[:n])
	d.p = d.p[n:]
	return s
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// noEOF reports a mid-frame end of stream as io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
