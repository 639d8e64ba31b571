// Package runfile says what the lines of a run file (raw.txt) mean: the
// parts of a benchmark name (its family and its key=value parts, with
// their sizes and durations), the units of its metrics, and the
// configuration lines that carry each strategy's properties; the syntax
// of the lines is benchfmt's (golang.org/x/perf). The report (plots)
// takes what raw.txt means from this package alone; the strategies declare their
// properties in its terms (Props); the benchmarks (bench) and the driver
// that writes raw.txt (package driver) report their metrics in its
// units and write sizes and the configuration lines with it; the
// workloads read the sizes and durations of their specs with it. So the
// writer and the reader of a run file agree by construction.
//
// runfile depends on nothing beyond the standard library: a program that
// only reads run files links none of the pool libraries the strategies
// wrap.
package runfile
