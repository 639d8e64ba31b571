//go:build race

package workloads

// racySyncs returns nothing under -race: counter/sync=none is a data race by
// design and the race detector would rightly fail it.
func racySyncs() []syncVariant { return nil }

// racyAdd is never reached under -race, because New refuses sync=none.
func racyAdd(n *int64, incs int64) {
	panic("workloads: counter/sync=none is not available in -race builds")
}
