package bench

import (
	"slices"

	"github.com/concbench/concbench/strategies"
)

// libraryStrategies are the adapters over pool libraries (errgroup,
// semaphore, ants, pond, conc). They run in Hash (coarse: do they reach
// pool's parallel speedup; fine: what each costs per tiny task) and in
// Flood (a million-task I/O batch, where their memory differs), not in
// Sleep, whose 64 tasks at two workers would only repeat pool's row five
// times, nor in Counter, which is about synchronization, not scheduling.
func libraryStrategies() []string {
	return []string{"errgroup", "semaphore", "ants", "pond", "conc"}
}

// coreStrategies are the registered strategies that are not library
// adapters: sequential, spawn, pool, gil, process and exec.
func coreStrategies() []string {
	return slices.DeleteFunc(strategies.Names(), func(s string) bool {
		return slices.Contains(libraryStrategies(), s)
	})
}
