// Package answer answers the question a run is made for: for each kind of
// work, which strategy to use and which to avoid (Choose), each strategy
// compared with the fastest by the rule of package stat. Beside it, it
// says whether the answer carries over between two sizes of the flood
// (CompareFloodSizes), and how far process is from the most the machine
// gave (Ceilings).
//
// Choose compares, for each workload of a main family at each procs (every
// family but the …Workers and …Procs sweeps and Crash), every strategy
// with the fastest by the time ratio to it, paired by round where it can
// be, and the Mann-Whitney p: a strategy is to avoid when it is
// significantly more than stat.SameWithin (10 %) slower, as good when the whole
// interval of its ratio is at most 1 + stat.SameWithin, undecided otherwise.
// The recommended strategy is the simplest (the lowest Props.Rank) shown
// as good as the fastest, else the fastest: a simpler strategy is
// recommended only when the whole interval of its ratio lies within the
// band. While a strategy simpler than the recommended one is undecided,
// so is the answer (Choice.Decided); Choice.Open names those strategies
// and MoreSamples estimates how many more samples would decide. A model
// (Props.Model: gil) is never ranked; a workload with a row of fewer than
// stat.MinSamples samples is not ranked at all. A strategy measured on a smaller batch of
// a workload (exec on the fine hash) is ranked per task in that
// workload's answer.
//
// # Beside the answer
//
//   - CompareFloodSizes judges, in a run with two flood sizes, whether
//     each bounded strategy's time ratio to spawn carried over from the
//     small flood to the large one: on the same side of 1 at both sizes,
//     and the whole interval of the change (paired by round across the
//     four rows) within CarryBand; it did not when the ratios lie
//     significantly on opposite sides of 1 or the change is wholly
//     outside the band.
//   - Ceilings sets process beside the HashCeiling probe, one process per
//     CPU hashing its share of the same batch with no protocol: process
//     over the probe is the strategy's cost, the probe over the ideal the
//     machine's.
//
// Every function reads its rows and returns new values; none keeps state.
package answer
