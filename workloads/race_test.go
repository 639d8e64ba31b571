//go:build race

package workloads_test

// raceEnabled reports a -race build, in which sync.Pool drops a random
// share of what is put in it (to shake out races), so a test that counts
// allocations cannot hold a pool's reuse to a number.
const raceEnabled = true
