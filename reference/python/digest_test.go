package python

import (
	"crypto/sha256"
	"encoding/binary"
)

// hashDigest computes the last digest of hash task i from the definition
// in package workloads, written out again here so that the test does not
// take the workload's word for it: a buffer of little-endian splitmix64
// words seeded by i, and SHA-256 chained rounds times over digest ‖ buffer.
func hashDigest(size, rounds, i int) []byte {
	buf := make([]byte, 0, size+8)
	seed := uint64(i)
	for len(buf) < size {
		seed += 0x9e3779b97f4a7c15
		z := seed
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		buf = binary.LittleEndian.AppendUint64(buf, z^(z>>31))
	}
	buf = buf[:size]
	digest := make([]byte, sha256.Size)
	for range rounds {
		h := sha256.New()
		h.Write(digest)
		h.Write(buf)
		digest = h.Sum(digest[:0])
	}
	return digest
}
