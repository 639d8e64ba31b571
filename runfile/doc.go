// Package runfile says what the lines of a run file (raw.txt) mean: the
// parts of a benchmark name (its family and its key=value parts, with
// their sizes and durations), the units of its metrics, and the
// configuration lines that carry each strategy's properties. The
// benchmarks (bench), the driver that writes raw.txt (bench/cmd/benchrun),
// the strategies that declare their properties and the report that reads
// raw.txt (plots) all spell these through this package, so that the
// writer and the reader agree by construction.
//
// runfile depends on nothing beyond the standard library: a program that
// only reads run files links none of the pool libraries the strategies
// wrap.
package runfile
