//go:build !race

package workloads

// racySyncs returns the deliberately unsynchronized variant, which a -race
// binary leaves out.
func racySyncs() []syncVariant {
	return []syncVariant{{"none", "a plain n++ on the shared counter: a data race that loses updates"}}
}

// racyAdd adds 1 to *n incs times with plain loads and stores: concurrent
// callers overwrite each other's increments.
//
//go:noinline
func racyAdd(n *int64, incs int64) {
	for range incs {
		*n++
	}
}
