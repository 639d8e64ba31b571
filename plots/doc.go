// Package plots reads the results of a concbench run and writes its charts
// and REPORT.md. It is the manual of that report: what each figure and
// verdict means and how it is computed. Longer notes (the measurements
// behind some choices, the full rules of some claims) are in
// plots/NOTES.md.
//
// # Input
//
// A run folder holds raw.txt, the benchmark output in the Go benchmark
// format, read with golang.org/x/perf/benchfmt and grouped by full
// benchmark name with a golang.org/x/perf/benchproc projection. Names are
// key=value parts ending in /procs=N (the GOMAXPROCS of that benchmark):
//
//	Sleep/d=10ms/tasks=64/strategy=S/procs=2
//	SleepWorkers/d=10ms/tasks=64/strategy=S/workers=W/procs=2
//	Hash/size=64KiB/rounds=8/tasks=64/strategy=S/procs=2      (coarse)
//	Hash/size=64B/rounds=1/tasks=4096/strategy=S/procs=2      (fine)
//	HashWorkers/…/strategy=S/workers=W/procs=2
//	HashProcs/…/strategy=S/procs=P
//	Counter/incs=1000/tasks=64/sync=V/strategy=S/procs=2
//
// Each strategy's properties (runfile.Props: how many tasks it runs at
// once, whether it keeps one core busy, its simplicity rank, whether it is
// a model) come from the run's "strategy-<name>: <properties>"
// configuration lines (older runs and unknown strategies: plots/NOTES.md,
// "Strategy properties"). The baseline of every speedup is the strategy
// that runs one task at a time and models nothing (sequential). So the
// report names no strategy in its figures, charts and tables; only the
// seed lessons (Verdicts) name the strategies their claims are about.
//
// Units are read as written (ns/op, ns/task, tasks/s, cpu-ns/op, p50-ns,
// p99-ns, lost-updates/op, …), undoing benchfmt's tidying of ns to sec.
// The folder may also hold benchstat.txt (embedded in the report) and
// INCOMPLETE (written by the driver when a run was interrupted; the report
// then says so at the very top and quotes the file). raw.txt that is
// missing, empty, binary or has no results is an error naming the file; a
// syntax error is an error naming file:line, except in an INCOMPLETE run,
// where malformed lines are skipped and listed as warnings; a file that ends
// in the middle of a line is said to be cut short. Data that is merely
// absent (a narrowed run, no sequential baseline) is reported as missing,
// never an error.
//
// Values are checked where they are read, like syntax, in raw.txt and
// python.txt alike, by ReadRun, which the report, the driver's noise re-runs
// and report -check (run by make compare) all go through. A small table of
// the units concbench writes (values.go) says what each can be; an
// impossible value is an error of one line naming file:LINE, the
// benchmark, the metric and what is wrong, even in a run marked
// INCOMPLETE; a surprising one is a warning naming the line. The rules,
// and the limits downstream that do not rely on them, are in plots/NOTES.md
// ("Checking values").
//
// Outputs replace the old ones only once all are written (Generate): a
// full disk or a name taken by a folder replaces nothing.
//
// A workload is the family's kind (sleep, hash, counter) plus every name
// part except strategy, workers and procs, so SleepWorkers and Sleep runs of
// the same d and tasks share a workload. A hash workload is coarse when a
// task hashes at least CoarseBytes (size × rounds), fine otherwise.
//
// # Statistics: the rule
//
// One rule decides every verdict and every ranking, and REPORT.md states it
// at its top (Rule):
//
//   - A configuration needs at least MinSamples (6) samples for an interval
//     or a test. Below that, every verdict that depends on it is
//     INCONCLUSIVE with the note "too few samples: n=3, need 6", and the
//     answer table says "too few samples to rank" for its workload.
//   - Intervals: each configuration's samples are summarized with
//     golang.org/x/perf/benchmath.AssumeNothing, the median with a 95 %
//     distribution-free confidence interval. Below 6 samples the report
//     shows the sample range for orientation only (MinSamples says why 6).
//   - Tests: the Mann-Whitney U test (AssumeNothing.Compare) at α = 0.05;
//     no test is run below 6 samples.
//   - Ratios of two configurations measured in the same rounds (the
//     driver's "round: k" lines, RoundKey) are paired: the median of the
//     per-round ratios with its own 95 % distribution-free interval, so
//     that a round the machine ran slow slows both sides and cancels
//     (plots/NOTES.md, "Paired ratios"). Where two rows share fewer than
//     6 rounds, the ratio's interval is [num.lo / den.hi, num.hi / den.lo]
//     of the two intervals.
//   - A claim that two figures differ needs p < α and the whole interval of
//     the figure on the claimed side of its threshold.
//   - A claim that two figures are the same ("within 10 %") needs the whole
//     interval inside the band; it fails only when the interval is wholly
//     outside and the difference is significant.
//   - Anything else is INCONCLUSIVE.
//
// A row whose interval extends more than NoisyWidth (5 %) from its median
// is marked noisy. make bench re-runs such rows within a time budget
// (NOISE_BUDGET, DEADLINE; see bench/cmd/benchrun). The report's second
// line states the precision reached (Run.RunPrecision) and the steal the
// machine suffered (Run.RunSteal); its Noise section (NoiseRows) lists the
// configurations that took more samples or stayed noisy. No sample is ever
// dropped. plots/NOTES.md ("Noise") says what each of these gives.
//
// A strategy measured on a smaller batch of a workload than the others
// (exec on the fine hash: 64 tasks, not 4,096) is ranked per task (ns/task)
// in that workload's answer row, and feeds lessons 6 and 8 per task; it
// has no answer row or chart of its own.
//
// # Derived figures
//
// For each benchmark, against the sequential benchmark of the same workload
// (same family and procs if present, else same family at the lowest procs,
// else Sleep or Hash at the same, then lowest, procs):
//
//   - Speedup = median(sequential ns/op) / median(ns/op), paired by round
//     where the two share 6 rounds, else with the conservative interval
//     [seq.lo / hi, seq.hi / lo] from the two confidence intervals.
//   - Efficiency against the ideal. Sleep: ideal batch time
//     ⌈tasks / concurrency⌉ · d divided by ns/op, where concurrency is 1,
//     tasks or workers (default procs) as the strategy's properties say
//     (sequential; spawn and gil; pool, process and exec). Hash: speedup /
//     min(procs, cores, tasks, workers), taken as 1 for a strategy that keeps
//     one core busy (sequential, gil); cores is numcpu from the
//     configuration lines, lowered by a numeric cgroup-cpus quota.
//   - Parallelism = median(cpu-ns/op) / median(ns/op): CPUs busy on average,
//     worker processes included.
//   - Amdahl fit over the HashProcs sweep, per strategy: S(p) =
//     1/(f + (1−f)/p) with p = min(procs, cores), f by least squares
//     (plots/NOTES.md, "Amdahl fit"); the residual is the RMS of S − S_fit.
//
// # Which strategy for which work
//
// For each workload of a main family (every family but the …Workers and
// …Procs sweeps and Crash: Sleep, Hash, Counter, Pycpu, Alloc, Flood,
// Overhead, Fetch, FetchClient, File, a user's own) at each procs, the
// answer table (Choose; make bench ends in the terminal with one line per
// workload of it, WriteAnswer) compares every strategy with the fastest by the time ratio
// median(ns/op) / median(fastest ns/op), with the interval
// [lo / fastest.hi, hi / fastest.lo], and the Mann-Whitney p:
//
//   - avoid: significantly slower, p < α and the whole interval above 1.1
//     (more than 10 % slower), shown as "pool workers=2: 31× slower [30, 32]";
//   - as good: the whole interval at most 1.1;
//   - undecided: neither.
//
// It recommends ("use") the simplest strategy that is not significantly
// slower than the fastest, simplicity being Props.Rank (sequential, spawn,
// pool, errgroup, semaphore, conc, ants, pond, process, exec), with its
// speedup over sequential. Models (Props.Model: gil) take no part: the
// verdicts and charts show them as the GIL model, and they are never
// recommended. The same workloads fill the overview; every main family
// but Counter has time and latency charts.
//
// # Charts
//
// Each chart is a PNG and an SVG in the run folder (gonum.org/v1/plot).
// A strategy has one colour and marker in every chart of a run
// (NewPalette), legends sit right of the plot, never on the data, and
// error bars and whiskers show the interval of the median; the style
// rules are in plots/NOTES.md ("Chart style").
//
//   - overview: the heatmap of every workload of the main families at its
//     highest procs (rows) × every strategy but sequential (columns),
//     coloured by the speedup over sequential (purple faster, orange
//     slower); the cell gives the figure, "≈" when it does not differ
//     significantly from sequential and "±" when it is noisy;
//   - time-<workload>: the batch time (time/op, as in the answer table) by
//     strategy as horizontal bars, fastest on top, with the interval, every
//     sample as a small ring (the distribution: clusters, outliers) and a
//     dashed line at sequential's median, log scale;
//   - speedup-procs: speedup against GOMAXPROCS with the ideal
//     min(procs, cores) and the Amdahl fits;
//   - speedup-workers-sleep and speedup-workers-hash: speedup against the
//     pool and process worker count, with the ideal
//     tasks/⌈tasks/workers⌉ (sleep) or min(workers, cores, tasks) (hash);
//   - counter-throughput: increments per second by sync variant and
//     strategy, log scale; counter-lost: lost updates per batch;
//   - latency-<workload>: p50 (filled) and p99 (hollow) task completion
//     time, measured from the start of the batch;
//   - alloc: wall and CPU time per task by strategy on the Alloc family,
//     log scale: the CPU spent on the garbage collector and page faults.
//
// # Report files
//
// REPORT.md answers first: the title, one line about the machine, the
// recommendation table (within its first 15 lines), the verdicts (each
// linked to the chart behind it), the overview, then the charts and the
// details; the machine's configuration lines come last. The dependency
// versions (dep-* lines of raw.txt) go to deps.txt and the benchstat
// tables stay in benchstat.txt, both linked, so that no fenced block is
// longer than 20 lines. index.html holds the same report as one
// self-contained page, REPORT.md rendered by github.com/yuin/goldmark
// with the charts as inline SVG, a table of contents and no script: it
// opens from disk and fetches nothing (plots/browser checks it in
// chromium).
//
// # Verdicts
//
// Each seed lesson is restated as a claim and judged PASS, FAIL or
// INCONCLUSIVE by the rule above. A figure compared with a threshold passes
// only if its whole interval is on the passing side and fails only if its
// whole interval is on the failing side; a pass or fail that amounts to a
// difference between two strategies also needs p < 0.05 (lessons 2, 3 and
// 5 fail, lessons 4, 5 and 6 pass, only then). A part with fewer than 6
// samples behind it is INCONCLUSIVE. A claim with several parts fails if
// any part fails and passes only if every part passes. Missing data gives
// INCONCLUSIVE with "no data: …"; an INCONCLUSIVE verdict names the noisy
// rows behind it with their sample counts: more samples of those would
// settle it. The main families are judged at their highest procs.
//
//  1. Sleep: spawn, and pool with workers ≥ tasks (the smallest such pool
//     in Sleep or SleepWorkers), reach efficiency ≥ 0.8.
//  2. Sleep: median(gil) / median(spawn) lies within [0.9, 1.1].
//  3. Coarse hash: median(gil) / median(sequential) lies within [0.9, 1.1].
//  4. Coarse hash: pool, spawn and process reach speedup ≥ 0.85 ×
//     min(procs, cores, tasks).
//     A table under the verdicts sets process beside the HashCeiling
//     probe, the speedup this machine gave (Ceilings).
//  5. HashWorkers pool: time at workers = cores (the smallest count ≥ cores)
//     is at most 1.1 × the fastest larger pool; SleepWorkers pool: the
//     largest pool is ≥ 1.1× faster than the smallest, significantly.
//  6. Fine hash ns/task: exec ≥ 10× spawn and exec ≥ 10× process, each
//     significantly (on fine hash the work is tiny, so ns/task is mostly
//     per-task overhead).
//  7. Counter: sync=none has a median lost-updates/op above 0 for spawn or
//     pool at procs > 1, and every other variant lost no update in any
//     sample; the note ranks the synchronized variants by throughput.
//  8. Fine hash: at least one strategy is significantly slower than
//     sequential; the figure names each, with its per-task overhead
//     (ns/task − sequential ns/task) next to the work (sequential ns/task).
//
// Runs with Fetch, FetchClient or File rows get three claims about real
// I/O, numbered after the lessons (plots/io.go):
//
//  9. Fetch (client=shared): spawn reaches efficiency ≥ 0.8 against the
//     ideal ⌈tasks/concurrency⌉·d, as on sleep; the note gives the CPU
//     floor of the batch (plots/NOTES.md, "Verdicts: what the notes say").
//  10. FetchClient (d=0s): under sequential and under pool, the time with
//     a new connection per task is ≥ 1.1× the time with one shared client,
//     each significantly.
//  11. File sync=fsync: pool is ≥ 1.1× faster than sequential,
//     significantly; the notes give what fsync costs and pool's speedup
//     without it.
//
// Runs with Flood rows (bench's flood: many more waiting tasks than
// workers) get two claims of the pool libraries, numbered after those
// (plots/flood.go), each bounded row (pool and the library adapters, at
// each worker count) compared with the unbounded one (spawn) by the ratio
// of medians, its interval and the Mann-Whitney p:
//
//   - A pool bounds memory: every bounded row's peak-stack-B is below the
//     unbounded row's (the whole interval of the ratio under 1, p < α).
//     FAIL names the rows significantly above it, with their ratios.
//   - ants' README, "a pool may achieve higher performance than unlimited
//     goroutines": PASS if some bounded row's time is significantly below
//     the unbounded row's, FAIL if every one is significantly above it;
//     the figure names the fastest bounded row and the best ants row.
//
// The flood also has the chart flood-pareto: batch time against peak RSS
// growth, with the Pareto front of the medians as a dashed line.
//
// Runs with Crash rows (bench's crash: a task kills its process in a way
// no recover catches) get one claim, numbered last (plots/crash.go):
// processes contain a crash; in-process strategies lose the program. It
// reads each row's survived, next-batch and delivered metrics, not its
// time; its chart is crash-isolation. The rule is in plots/NOTES.md
// ("Crash isolation").
//
// A run with two flood sizes (make bench-flood) has its flood claims and
// chart on the largest, and a section of its own, "The flood at two
// sizes" (plots/flood_sizes.go, CompareFloodSizes): whether each bounded
// row's time ratio to the unbounded row carried over from the small flood
// to the large one, within CarryBand. The rule is in plots/NOTES.md ("The
// flood at two sizes").
//
// # Go vs CPython
//
// When the run folder also holds python.txt (make reference: the same tasks
// under the tutorials' strategies in CPython, see reference/python), the
// report has a "Go vs CPython" section. python.txt is read as a run of its
// own; each CPython row (lang=python, or lang=python-ft) is lined up with
// the Go rows of the same workload at the same procs and default workers,
// as its configuration lines say (plots/NOTES.md, "python.txt").
// Speedups are over each language's own sequential: a Go task is far
// faster, so only speedups compare across languages.
//
//   - P1…: for each workload, the model predicts CPython: the ratio of
//     CPython threads' speedup to Go gil's, with the interval
//     [py.lo / go.hi, py.hi / go.lo], lies within 1 ± GILAgree (15 %);
//     then the same for asyncio and gil on the workloads asyncio runs
//     (what to expect: plots/NOTES.md, "Go vs CPython").
//   - Go's process is at least as fast as multiprocessing.Pool on the
//     coarse hash: the interval of median(Go) / median(CPython) at most 1,
//     and the difference significant.
//   - The last: an event loop in one thread overlaps I/O as well as
//     threads do: on every workload asyncio runs, the interval of the time
//     ratio asyncio / threads at most 1 + SameWithin (PASS), or wholly
//     above it with p < 0.05 (FAIL); a ratio wholly below 1 − SameWithin
//     is noted as asyncio faster, and the notes give asyncio's time
//     against Go's gil and spawn.
//
// One chart per workload (python-<workload>) shows the Go and the CPython
// speedups side by side, per pair of strategies. A python.txt without
// results gives a note; a malformed one is an error naming file:line.
package plots
