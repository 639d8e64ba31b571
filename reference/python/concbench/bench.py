"""The reference matrix and its measurement, in the Go benchmark format.

Each case is named as its Go twin in package bench (asyncio's as spawn's),
with the Python strategy and a lang key before procs:

  Sleep/d=10ms/tasks=64/strategy=threads/lang=python/procs=2
  Fetch/d=5ms/size=16KiB/client=shared/tasks=16/strategy=asyncio/lang=python/procs=2

so that `go tool benchstat -col /strategy python.txt` reads it, and the
report lines each row up with the Go row of the same workload. procs is the
number of CPUs the process may run on (Go's NumCPU); W, the pools' size,
is the same number.

A case runs like a Go benchmark: the strategy is built (pools start), the
checksum every batch must reproduce is computed with sequential, and a
pool runs one batch to start its workers, all outside the timer; then
batches run with n = 1, then n predicted to fill
benchtime, and the last n is reported. A batch whose checksum differs from
sequential's, or a mutex counter that does not end exact, fails the run.
"""

import math
import os
import resource
import sys
import time

import strategies
import workloads


class Scale:
    def __init__(self, name, sleep, sleep_tasks, coarse, fine, incs, counter_tasks, pycpu_n, pycpu_tasks, fetch):
        self.name = name
        self.sleep, self.sleep_tasks = sleep, sleep_tasks
        self.coarse, self.fine = coarse, fine  # (size, rounds, tasks)
        self.incs, self.counter_tasks = incs, counter_tasks
        self.pycpu_n, self.pycpu_tasks = pycpu_n, pycpu_tasks
        self.fetch = fetch  # (d, size, tasks)


# The scales of bench.Scales in Go, value for value.
SCALES = {
    "full": Scale("full", "10ms", 64, (64 << 10, 8, 64), (64, 1, 4096), 1000, 64, 100000, 16, ("5ms", 16 << 10, 16)),
    "quick": Scale("quick", "5ms", 16, (64 << 10, 4, 16), (64, 1, 512), 1000, 32, 50000, 8, ("2ms", 16 << 10, 8)),
    "tiny": Scale("tiny", "1ms", 4, (32 << 10, 1, 4), (64, 1, 16), 10, 4, 1000, 4, ("1ms", 1 << 10, 4)),
    # make bench-flood's scales: full's and tiny's values (Go adds a second
    # flood to them, which has no Python twin).
    "flood": Scale("flood", "10ms", 64, (64 << 10, 8, 64), (64, 1, 4096), 1000, 64, 100000, 16, ("5ms", 16 << 10, 16)),
    "flood-tiny": Scale("flood-tiny", "1ms", 4, (32 << 10, 1, 4), (64, 1, 16), 10, 4, 1000, 4, ("1ms", 1 << 10, 4)),
}

# The strategies of Fetch: the in-process ones. A fetch task is a wait, as
# a sleep task is; processes would add their start cost, which Sleep and
# Hash show already, and each its own connections.
FETCH_STRATEGIES = ("sequential", "threads", "threadpool", "asyncio")


class Case:
    def __init__(self, family, params, spec, tasks, strategy, lang, procs):
        self.family, self.params, self.spec = family, params, spec
        self.tasks, self.strategy, self.lang, self.procs = tasks, strategy, lang, procs

    def name(self):
        parts = [self.family] + [f"{k}={v}" for k, v in self.params]
        parts += [f"strategy={self.strategy}", f"lang={self.lang}", f"procs={self.procs}"]
        return "/".join(parts)


def cases(scale, procs, lang, only=None, fetch_port=None):
    """The matrix: Sleep, Hash (coarse, fine), Counter (mutex, none) and Pycpu
    under the five thread and process strategies (only those in `only` when
    given), and Sleep under asyncio too, a workload with an async form;
    with the port of a fetch server, Fetch (the other one) under
    FETCH_STRATEGIES. Counter has no multiprocessing rows (processes share
    no counter), and the fine hash no mpprocess row: 4096 process starts
    per batch would take most of the budget to show what the coarse row
    shows already."""
    s = scale
    every = strategies.names()
    all_ = [st for st in every if not strategies.is_async(st)]
    keep = (lambda st: st in only) if only else (lambda st: True)
    out = []

    def add(family, params, spec, tasks, strats):
        for st in strats:
            if keep(st):
                out.append(Case(family, params, spec, tasks, st, lang, procs))

    add("Sleep", [("d", s.sleep), ("tasks", s.sleep_tasks)], f"sleep/d={s.sleep}", s.sleep_tasks, every)
    for (size, rounds, tasks), strats in ((s.coarse, all_), (s.fine, [st for st in all_ if st != "mpprocess"])):
        sz = workloads.format_size(size)
        add("Hash", [("size", sz), ("rounds", rounds), ("tasks", tasks)],
            f"hash/size={sz}/rounds={rounds}", tasks, strats)
    for sync in workloads.Counter.SYNCS:
        add("Counter", [("incs", s.incs), ("tasks", s.counter_tasks), ("sync", sync)],
            f"counter/incs={s.incs}/sync={sync}", s.counter_tasks, ["sequential", "threads", "threadpool"])
    add("Pycpu", [("n", s.pycpu_n), ("tasks", s.pycpu_tasks)], f"pycpu/n={s.pycpu_n}", s.pycpu_tasks, all_)
    if fetch_port:
        d, size, tasks = s.fetch
        sz = workloads.format_size(size)
        add("Fetch", [("d", d), ("size", sz), ("client", "shared"), ("tasks", tasks)],
            f"fetch/d={d}/size={sz}/client=shared/port={fetch_port}", tasks, FETCH_STRATEGIES)
    return out


def _cpu_ns(pids):
    """CPU time (user+system, ns) of this process, its reaped children and
    the live processes pids (from /proc, where there is one)."""
    t = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        t += r.ru_utime + r.ru_stime
    ns = t * 1e9
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ns += (int(fields[11]) + int(fields[12])) * 1e9 / tick
        except (OSError, IndexError, ValueError):
            pass
    return ns


class Failure(Exception):
    """A case that failed: wrong checksum, a counter that is not exact, an error."""


def _batch(w, strat, tasks):
    state = w.start(tasks)
    values = strat.run(w, state, tasks)
    lost = w.finish(state, tasks) if strat.shares_memory else 0
    return workloads.checksum(values), lost


def run_case(case, benchtime_s, cache):
    """Measures case and returns its result line (without a newline).
    cache keeps, across cases and runs, each workload (with its generated
    hash buffers) and the sequential checksum of each batch. Any error is
    a Failure naming the case."""
    try:
        return _run_case(case, benchtime_s, cache)
    except Failure:
        raise
    except (RuntimeError, ValueError, OSError) as e:
        raise Failure(f"{case.name()}: {e}") from e


def _run_case(case, benchtime_s, cache):
    w = cache.get(case.spec)
    if w is None:
        w = cache[case.spec] = workloads.parse(case.spec)
    if hasattr(w, "prepare"):
        w.prepare(case.tasks)
    key = (case.spec, case.tasks)
    if key not in cache:
        cache[key], _ = _batch(w, strategies.Sequential(case.procs), case.tasks)
    want = cache[key]
    strat = strategies.new(case.strategy, case.procs, w)
    ok = False
    try:
        pids = strat.pids if hasattr(strat, "pids") else (lambda: [])
        if getattr(strat, "pool", None) is not None or getattr(strat, "ex", None) is not None:
            _batch(w, strat, case.tasks)  # untimed: the pool's workers start
        n, elapsed, cpu, lost = 1, 0.0, 0.0, 0
        while True:
            lost = 0
            c0, t0 = _cpu_ns(pids()), time.perf_counter_ns()
            for _ in range(n):
                got, l = _batch(w, strat, case.tasks)
                if got != want:
                    raise Failure(f"{case.name()}: checksum {got:#x}, want {want:#x} (sequential's)")
                lost += l
            elapsed = time.perf_counter_ns() - t0
            cpu = max(_cpu_ns(pids()) - c0, 0.0)  # a worker gone between the readings must not make it negative
            if elapsed >= benchtime_s * 1e9 or n >= 10**9:
                break
            per_op = max(elapsed / n, 1)
            n = int(min(max(math.ceil(benchtime_s * 1e9 * 1.2 / per_op), n + 1), 100 * n))
        ok = True
    finally:
        strat.close(ok)
    ns_op = elapsed / n
    line = (f"Benchmark{case.name()}\t{n}\t{ns_op:.0f} ns/op\t{cpu / n:.0f} cpu-ns/op\t"
            f"{ns_op / case.tasks:.0f} ns/task\t{case.tasks / (ns_op / 1e9):.4g} tasks/s")
    if case.family == "Counter":
        line += f"\t{lost / n:.4g} lost-updates/op"
    return line


def parse_benchtime(s):
    try:
        return workloads.parse_duration(s) / 1e9
    except ValueError:
        raise ValueError(f"-benchtime {s!r} is not a duration such as 200ms") from None


def procs():
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def progress(msg):
    print(f"reference: {msg}", file=sys.stderr, flush=True)
