// Package judge judges the suite's lessons on a run's rows: each lesson a
// claim, each verdict PASS, FAIL or INCONCLUSIVE by the rule of package
// stat. It reads rows (package rundir) and the answer (package answer),
// and draws nothing.
//
// # The lessons
//
// Each lesson of the seeds is one entry of LessonTable: its claim, the
// families it is judged on, the kinds of chart that show its evidence
// and the function that judges it; its number is its place in the table,
// so a run that lacks a lesson's families skips the number. The claims
// are stated once, by the table (ExampleLessonTable prints them). A new
// lesson is one more entry, at the end.
//
// Every verdict is assembled by one judge from its parts, so that all
// state their evidence the same way: each part is a figure judged PASS,
// FAIL or INCONCLUSIVE by the rule; a part with a row of fewer than
// MinSamples samples is INCONCLUSIVE ("too few samples: n=3, need 6");
// missing data gives INCONCLUSIVE with "no data: …"; the verdict fails if
// a part fails and passes only if every part passes. An INCONCLUSIVE
// verdict names its rows whose intervals are wider than ±5 %: more samples
// of those could decide it. The seed lessons are judged on their families
// at the highest procs.
//
// A Verdict holds numbers, not text: each part's figure is a Phrase whose
// figures stay numbers, its p-values are values, and it lists the rows it
// rests on and the charts (ChartID) that show them. Verdict.Figure, P and
// Note write them as the report does.
//
// # Go vs CPython
//
// ReadPython reads python.txt (make reference) and lines its rows up with
// the Go rows of the same workload at the same procs; its verdicts,
// numbered P1…, judge whether the gil model predicts CPython threads
// (speedups within GILAgree), whether Go's process beats
// multiprocessing.Pool, and whether asyncio overlaps waits as well as
// threads.

// Open lists the conclusions still open (an INCONCLUSIVE verdict, an
// undecided comparison of an answer or of the A/A control, a quoted
// speedup wider than ±5 %) that more samples could decide, and OpenRows
// their rows: what the driver samples after the first rounds. Twins pairs
// the rows of the A/A control. Every function reads its rows and returns new
// values; none keeps state.
package judge
