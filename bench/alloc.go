package bench

// allocCases: the alloc workload (each task allocates and touches a fresh
// buffer) at the default worker count. In-process strategies share one
// heap and one garbage collector; process and exec give each worker its
// own.
func allocCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		cs = append(cs, batch(PerScale(s, 16, 8, 4), "alloc", "size", size(PerScale[int64](s, 1<<20, 1<<20, 64<<10))).Case(st, h.NumCPU))
	}
	return cs
}
