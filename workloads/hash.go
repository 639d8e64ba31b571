package workloads

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
)

// hash is the CPU-bound workload: task i fills a size-byte buffer from a
// generator seeded by i, then chains SHA-256 over it rounds times, each
// round hashing the previous digest followed by the buffer. Its work is
// about size × rounds bytes of hashing and it never blocks.
type hash struct {
	size   int64
	rounds int64
}

// maxHashSize bounds the buffer a task allocates.
const maxHashSize = 1 << 30

func buildHash(vals map[string]string) (Workload, error) {
	size, err := ParseSize(vals["size"])
	if err != nil {
		return nil, fmt.Errorf("parameter size: %w", err)
	}
	if size > maxHashSize {
		return nil, fmt.Errorf("parameter size: %s is above the limit of %s", FormatSize(size), FormatSize(maxHashSize))
	}
	rounds, err := parseCount(vals["rounds"])
	if err != nil {
		return nil, fmt.Errorf("parameter rounds: %w", err)
	}
	return hash{size, rounds}, nil
}

func (w hash) Spec() Spec {
	return Spec{Name: "hash", Params: []Param{
		{"size", strconv.FormatInt(w.size, 10)},
		{"rounds", strconv.FormatInt(w.rounds, 10)},
	}}
}

func (w hash) Start(int, int) Batch {
	return statelessBatch(func(ctx context.Context, i int) (uint64, error) {
		buf := make([]byte, w.size)
		seed := uint64(i)
		for off := 0; off < len(buf); off += 8 {
			seed += 0x9e3779b97f4a7c15
			var word [8]byte
			binary.LittleEndian.PutUint64(word[:], mix64(seed))
			copy(buf[off:], word[:])
		}
		var digest [sha256.Size]byte
		h := sha256.New()
		for range w.rounds {
			h.Reset()
			h.Write(digest[:])
			h.Write(buf)
			h.Sum(digest[:0])
		}
		return binary.LittleEndian.Uint64(digest[:]), nil
	})
}
