"""concbench reference: the seeds' strategies in CPython on concbench's tasks.

  python3 reference/python/concbench [-run results/<run>] [-count 10]
          [-scale full|quick|tiny] [-benchtime 200ms] [-bench REGEX]
          [-o python.txt] [-ft auto|none|PATH] [-fetch-server CMD]
  python3 reference/python/concbench list [-scale S] [-fetch-port P]
  python3 reference/python/concbench digests -workload SPEC -tasks N [-strategy S]

The first form measures the matrix COUNT times, interleaved (every case of
run 1, then of run 2, ...), and writes the Go benchmark format to
<run>/python.txt: configuration lines (Python version, implementation, GIL
on or off, start method, the Go run's commit), then one line per case and
run. -run defaults to the newest run folder under results/; -scale to that
run's scale, so that the names match its Go rows. An existing python.txt is
never overwritten. With -ft auto (the default), a free-threaded CPython
found on the PATH (python3.13t, python3.14t, ...) runs sequential, threads
and threadpool too, as lang=python-ft rows. With -fetch-server CMD (make
reference passes Go's fetch server, reference/python/cmd/fetchserver), CMD
runs for the whole run and Fetch is measured against it; -fetch-port P
uses a server already running on 127.0.0.1:P instead.

list prints the case names; digests prints task i's value (and, for hash,
its digest) and the batch checksum, for the cross-language test, with the
batch run by -strategy (default sequential; asyncio for the async form).
Stdlib only, Python 3.9 or later.
"""

import argparse
import math
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import bench
import noise
import strategies
import workloads

FT_STRATEGIES = ("sequential", "threads", "threadpool")


def gil_enabled():
    f = getattr(sys, "_is_gil_enabled", None)
    return True if f is None else bool(f())


def newest_run(results):
    """The newest run folder under results: the latest <UTC time>-<host> name
    that holds a raw.txt."""
    try:
        names = sorted(n for n in os.listdir(results)
                       if re.match(r"^[0-9]{8}T[0-9]{6}Z-", n) and os.path.isfile(os.path.join(results, n, "raw.txt")))
    except OSError as e:
        raise SystemExit(f"reference: cannot list {results}: {e.strerror}")
    if not names:
        raise SystemExit(f"reference: no run folder under {results}/; run make bench-quick (or make bench) first, or pass RUN=results/<run>")
    return os.path.join(results, names[-1])


def raw_config(run):
    """The configuration lines of run/raw.txt (key: value before the first
    result). A result value that is not a finite number (NaN, Inf) stops
    the reference with the line, as it would stop make report on this run:
    no point measuring CPython beside it."""
    cfg = {}
    path = os.path.join(run, "raw.txt")
    try:
        with open(path, encoding="utf-8") as f:
            results = False
            for lineno, line in enumerate(f, 1):
                if line.startswith("Benchmark"):
                    results = True
                    check_values(path, lineno, line)
                    continue
                m = re.match(r"^([a-z][^\s:]*):\s*(.*)$", line)
                if m and not results:
                    cfg.setdefault(m.group(1), m.group(2).strip())
    except (OSError, UnicodeDecodeError):
        pass
    return cfg


def check_values(path, lineno, line):
    """Fails, naming path:lineno, the benchmark and the metric, if a value
    of the result line is not a finite number. Lines that are not results
    (a name alone, prose) are left to the report."""
    f = line.split()
    for v, unit in zip(f[2::2], f[3::2]):
        try:
            x = float(v)
        except ValueError:
            return
        if math.isnan(x) or math.isinf(x):
            fail(f"{path}:{lineno}: {f[0]}: {unit} = {v}: not a finite number")


def find_ft(choice):
    if choice == "none":
        return None
    if choice != "auto":
        path = shutil.which(choice)
        if not path:
            raise SystemExit(f"reference: -ft {choice}: not found or not executable")
        return path
    for minor in range(13, 20):
        path = shutil.which(f"python3.{minor}t")
        if path:
            return path
    return None


def ft_info(path):
    out = subprocess.run([path, "-c", "import sys,platform; print(platform.python_version()); "
                          "f=getattr(sys,'_is_gil_enabled',None); print('on' if f is None or f() else 'off')"],
                         capture_output=True, text=True, check=True).stdout.split()
    return out[0], out[1]


def parse_args(argv):
    p = argparse.ArgumentParser(prog="concbench-reference", description=__doc__.split("\n")[0])
    p.add_argument("-run", default="", help="the run folder (default: the newest under -results)")
    p.add_argument("-results", default="results", help="where run folders are")
    p.add_argument("-count", default="10", help="how many interleaved runs of the matrix")
    p.add_argument("-scale", default="", help="full, quick or tiny (default: the run's)")
    p.add_argument("-benchtime", default="200ms", help="each case's time per run")
    p.add_argument("-noise-budget", dest="noise_budget", default="0s",
                   help="after the -count runs, re-run the configurations wider than ±5 %% for up to this long (0s: none)")
    p.add_argument("-max-samples", dest="max_samples", default="60", help="the most samples a noise re-run brings a configuration to")
    p.add_argument("-bench", default=".", help="a regexp on the case names")
    p.add_argument("-o", default="python.txt", help="the file written in the run folder")
    p.add_argument("-ft", default="auto", help="free-threaded CPython: auto, none or a path")
    p.add_argument("-fetch-server", dest="fetch_server", default="",
                   help="a command that serves Go's fetch server and prints its port (make reference builds one); without it, Fetch has no rows")
    p.add_argument("-fetch-port", dest="fetch_port", default="", help="the port of a fetch server already running on 127.0.0.1")
    p.add_argument("-strategies", default="", help=argparse.SUPPRESS)
    p.add_argument("-lang", default="python", help=argparse.SUPPRESS)
    p.add_argument("-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("-workload", default="", help="digests: the workload spec")
    p.add_argument("-tasks", default="4", help="digests: the number of tasks")
    p.add_argument("-strategy", default="sequential", help="digests: the strategy that runs the batch")
    p.add_argument("command", nargs="?", default="run", choices=["run", "list", "digests"])
    return p.parse_args(argv)


def fail(msg):
    raise SystemExit(f"reference: {msg}")


def main(argv):
    a = parse_args(argv)
    if a.command == "digests":
        return digests(a)
    scale_name = a.scale
    run = ""
    if a.command == "run" and not a.child:
        run = a.run or newest_run(a.results)
        if not os.path.isdir(run):
            fail(f"run folder {run}: no such folder")
        scale_name = scale_name or raw_config(run).get("scale", "")
    scale_name = scale_name or "full"
    if scale_name not in bench.SCALES:
        fail(f"unknown scale {scale_name!r}; valid scales are {', '.join(bench.SCALES)}")
    try:
        pattern = re.compile(a.bench)
    except re.error as e:
        fail(f"-bench {a.bench!r}: {e}")
    only = [s for s in a.strategies.split(",") if s] or None
    for s in only or []:
        if s not in strategies.names():
            fail(f"unknown strategy {s!r}; valid strategies are {', '.join(strategies.names())}")
    if a.fetch_port and not re.fullmatch(r"[1-9][0-9]{0,4}", a.fetch_port):
        fail(f"-fetch-port {a.fetch_port!r} is not a port")
    server = None
    if a.fetch_server and a.command == "run" and not a.child:
        server = FetchServer(a.fetch_server)
        a.fetch_port = str(server.port)
    try:
        cs = [c for c in bench.cases(bench.SCALES[scale_name], bench.procs(), a.lang, only, a.fetch_port or None)
              if pattern.search(c.name())]
        return run_cases(a, run, scale_name, cs)
    finally:
        if server:
            server.close()


def run_cases(a, run, scale_name, cs):
    if a.command == "list":
        for c in cs:
            print(f"Benchmark{c.name()}")
        return 0
    if not re.fullmatch(r"[1-9][0-9]*", a.count):
        fail(f"-count (COUNT) {a.count!r} is not a positive integer")
    try:
        benchtime = bench.parse_benchtime(a.benchtime)
    except ValueError as e:
        fail(str(e))
    try:
        budget = workloads.parse_duration(a.noise_budget) / 1e9 if a.noise_budget not in ("0", "0s") else 0.0
    except ValueError as e:
        fail(f"-noise-budget (REF_NOISE_BUDGET): {e}")
    if not re.fullmatch(r"[1-9][0-9]*", a.max_samples):
        fail(f"-max-samples {a.max_samples!r} is not a positive integer")
    a.budget_s = budget
    if not cs:
        fail(f"-bench {a.bench!r} matches no case; the families are Sleep, Hash, Counter, Pycpu and, with -fetch-server, Fetch")
    if a.child:
        return measure(cs, benchtime, 1, sys.stdout, None, None, threading.Event())
    return reference(a, run, scale_name, cs, benchtime)


class FetchServer:
    """Go's fetch server (workloads.FetchServer) in a process of its own:
    cmd prints "port N" and serves until its standard input ends."""

    def __init__(self, cmd):
        try:
            self.proc = subprocess.Popen([cmd], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        except OSError as e:
            fail(f"-fetch-server {cmd}: {e.strerror}")
        line = self.proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "port" or not line[1].isdigit():
            self.close()
            fail(f"-fetch-server {cmd}: printed {' '.join(line)!r}, want \"port N\"")
        self.port = int(line[1])
        bench.progress(f"fetch server on 127.0.0.1:{self.port}")

    def close(self):
        """Ends the server and waits for it; no server outlives the run."""
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def catch_signals():
    """Makes SIGINT and SIGTERM stop the run. The handler raises
    KeyboardInterrupt and also sets the event it returns, which measure
    checks after every case: CPython ignores an exception raised inside
    some callbacks (the logging module's after-fork handler), and the event
    makes sure that such an interrupt still stops the run."""
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    return stop


def reference(a, run, scale_name, cs, benchtime):
    ft = find_ft(a.ft)
    stop = catch_signals()
    path = os.path.join(run, a.o)
    try:
        out = open(path, "x", encoding="utf-8")
    except FileExistsError:
        fail(f"{path} exists and is never overwritten: move it away, or write another file with -o NAME")
    except OSError as e:
        fail(f"creating {path}: {e.strerror}")
    go = raw_config(run)
    count = int(a.count)
    cfg = [
        ("python", platform.python_version()),
        ("python-implementation", platform.python_implementation()),
        ("python-gil", "on" if gil_enabled() else "off"),
        ("python-executable", sys.executable),
        ("mp-start-method", strategies.mp_context().get_start_method()),
        ("hash-input", "generated before timing"),
    ]
    # Which Go strategy each Python strategy stands beside in the report, and
    # which Go strategy models it (gil models CPython's threads).
    cfg += [(f"counterpart-{s}", g) for s, g in strategies.GO_COUNTERPART.items()]
    cfg += [(f"model-{s}", g) for s, g in strategies.GO_MODEL.items()]
    cfg += [(f"idiom-{s}", i) for s, i in strategies.IDIOM.items()]
    # The families a strategy runs when not all (asyncio: those with an
    # async form), and the strategy an I/O strategy is judged against.
    cfg += [(f"families-{s}", f) for s, f in strategies.FAMILIES.items()]
    cfg += [(f"overlaps-{s}", t) for s, t in strategies.OVERLAPS.items()]
    if a.fetch_port:
        cfg += [("fetch-server", f"Go's workloads.FetchServer in a process of its own, 127.0.0.1:{a.fetch_port}")]
    if ft:
        ft_version, ft_gil = ft_info(ft)
        cfg += [("python-ft", ft_version), ("python-ft-gil", ft_gil), ("python-ft-executable", ft)]
    cfg += [
        ("numcpu", str(os.cpu_count())),
        ("procs", str(bench.procs())),
        ("commit", go.get("commit", "unknown")),
        ("go-run-date", go.get("date", "unknown")),
        ("date", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ("scale", scale_name),
        ("benchtime", a.benchtime),
        ("count", str(count)),
        ("noise-budget", a.noise_budget),
        ("max-samples", a.max_samples),
    ]
    with out:
        for k, v in cfg:
            out.write(f"{k}: {v}\n")
        out.write("Unit tasks/s better=higher\n")
        out.flush()
        ftargs = None
        if ft:
            ftargs = [ft, os.path.dirname(os.path.abspath(__file__)), "-child", "-scale", scale_name,
                      "-benchtime", a.benchtime, "-bench", a.bench, "-lang", "python-ft",
                      "-strategies", ",".join(FT_STRATEGIES)]
            if a.fetch_port:
                ftargs += ["-fetch-port", a.fetch_port]
            bench.progress(f"{ft} (CPython {ft_version}, GIL {ft_gil}) runs {', '.join(FT_STRATEGIES)} too, as lang=python-ft")
        try:
            measure(cs, benchtime, count, out, ftargs, path, stop, a.budget_s, int(a.max_samples))
        except KeyboardInterrupt:
            fail(f"interrupted; what was measured stays in {path}")
        except (bench.Failure, RuntimeError, ValueError, OSError) as e:
            fail(f"{e}; what was measured before stays in {path}")
    bench.progress(f"wrote {path}")
    return 0


def measure(cs, benchtime, count, out, ftargs, path, stop, budget_s=0.0, max_samples=60):
    checksums, samples, cost = {}, {}, {}
    start = time.monotonic()
    for r in range(count):
        # Numbers the samples of this run, as the Go driver does, so the
        # report can pair two configurations of one round.
        out.write(f"round: {r + 1}\n")
        for c in cs:
            noise.run_one(c, benchtime, checksums, out, samples, cost, stop)
        if ftargs:
            res = subprocess.run(ftargs, stdout=subprocess.PIPE, text=True)
            if res.returncode != 0:
                raise RuntimeError(f"free-threaded run {' '.join(ftargs[:2])} exited with status {res.returncode}")
            out.write(res.stdout)
            out.flush()
        if path:
            done = time.monotonic() - start
            eta = done / (r + 1) * (count - r - 1)
            bench.progress(f"run {r + 1} of {count} done in {done:.0f}s; about {eta:.0f}s left")
    if budget_s > 0:
        noise.rerun(cs, benchtime, checksums, out, samples, cost, count + 1, budget_s, max_samples, stop)
    return 0


def digests(a):
    try:
        w = workloads.parse(a.workload)
        tasks = workloads.parse_count("tasks", a.tasks)
    except ValueError as e:
        fail(str(e))
    try:
        strat = strategies.new(a.strategy, bench.procs(), w)
    except ValueError as e:
        fail(str(e))
    ok = False
    try:
        state = w.start(tasks)
        values = strat.run(w, state, tasks)
        w.finish(state, tasks)
        ok = True
    except (RuntimeError, ValueError, OSError) as e:
        fail(f"{a.workload} under {a.strategy}: {e}")
    finally:
        strat.close(ok)
    for i, v in enumerate(values):
        extra = f" {w.digest(i).hex()}" if isinstance(w, workloads.Hash) else ""
        print(f"task {i} {v}{extra}")
    print(f"checksum {workloads.checksum(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
