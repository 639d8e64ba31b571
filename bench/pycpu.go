package bench

// pycpuCases: the tutorials' number ** 2 loop (workload pycpu) under the
// core strategies, the Go counterparts of the seeds' plain loop, thread per
// task, thread pool, GIL, multiprocessing.Pool and process per task: the
// Go side of the pure-Python CPU comparison of make reference.
func pycpuCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		cs = append(cs, batch(PerScale(s, 16, 8, 4), "pycpu", "n", itoa(PerScale(s, 100000, 50000, 1000))).Case(st, h.NumCPU))
	}
	return cs
}
