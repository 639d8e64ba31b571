"""The seeds' strategies in CPython, each with its Go counterpart.

  sequential  a plain loop                        Go: sequential
  threads     threading.Thread per task           Go: spawn, and gil as its model
  threadpool  ThreadPoolExecutor(W).map           Go: pool
  mppool      multiprocessing.Pool(W).map         Go: process
  mpprocess   multiprocessing.Process per task,   Go: exec
              at most W at a time
  asyncio     one asyncio event loop in one       Go: spawn, and gil as its model
              thread, a coroutine per task        (one OS thread; goroutines wait
                                                  in the netpoller and timers)

asyncio runs only the workloads that have an async form (an atask
coroutine: sleep, fetch); is_async tells the matrix which strategies need
one. Its event loop is made when the strategy is built, outside the timer, and
runs every batch of the benchmark, as one program's loop would; a batch
is one run_until_complete over a coroutine per task.

W is the number of CPUs the process may run on, as Go's default
GOMAXPROCS. A strategy is built once per benchmark (pools and worker
processes start then, outside the timer) and closed after it;
close(ok=False), after a failure, stops what is still running first. No
thread or process outlives close. run returns
the task values in task order; the first task error is raised.

Worker processes are forked (the "fork" start method) where the platform
has it, so that they inherit the workload, including the hash buffers
generated before timing; elsewhere they are spawned and rebuild it.
"""

import asyncio
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import workloads

# The workload of a multiprocessing worker, set by _init_worker.
_worker_workload = None


def _init_worker(w):
    global _worker_workload
    _worker_workload = w


def _worker_task(i):
    return _worker_workload.task(None, i)


def _one_task(w, i, conn):
    """Body of an mpprocess child: runs task i and sends ("ok", value) or
    ("error", text) back."""
    try:
        conn.send(("ok", w.task(None, i)))
    except BaseException as e:  # the parent raises it with the task index
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def mp_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Sequential:
    name = "sequential"
    shares_memory = True

    def __init__(self, workers):
        pass

    def run(self, w, state, tasks):
        return [w.task(state, i) for i in range(tasks)]

    def close(self, ok=True):
        pass


class Threads:
    name = "threads"
    shares_memory = True

    def __init__(self, workers):
        pass

    def run(self, w, state, tasks):
        values = [None] * tasks
        errors = []

        def body(i):
            try:
                values[i] = w.task(state, i)
            except BaseException as e:
                errors.append((i, e))

        threads = [threading.Thread(target=body, args=(i,)) for i in range(tasks)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            i, e = min(errors, key=lambda x: x[0])
            raise RuntimeError(f"task {i}: {e}") from e
        return values

    def close(self, ok=True):
        pass


class ThreadPool:
    name = "threadpool"
    shares_memory = True

    def __init__(self, workers):
        self.ex = ThreadPoolExecutor(max_workers=workers)

    def run(self, w, state, tasks):
        return list(self.ex.map(lambda i: w.task(state, i), range(tasks)))

    def close(self, ok=True):
        """Waits for the pool's threads; after a failure, cancels the tasks
        not yet started first."""
        self.ex.shutdown(wait=True, cancel_futures=not ok)


class MPPool:
    name = "mppool"
    shares_memory = False

    def __init__(self, workers, w):
        self.pool = mp_context().Pool(workers, initializer=_init_worker, initargs=(w,))

    def pids(self):
        return [p.pid for p in getattr(self.pool, "_pool", [])]

    def run(self, w, state, tasks):
        return self.pool.map(_worker_task, range(tasks))

    def close(self, ok=True):
        """Waits for the worker processes to exit; after a failure
        (an interrupt, a task error) kills them first. No worker outlives
        close."""
        if ok:
            self.pool.close()
        else:
            self.pool.terminate()
        self.pool.join()


class MPProcess:
    name = "mpprocess"
    shares_memory = False

    def __init__(self, workers):
        self.workers = workers
        self.ctx = mp_context()

    def run(self, w, state, tasks):
        values = [None] * tasks
        running = []  # (i, process, receiving end)
        nxt = 0
        try:
            while nxt < tasks or running:
                while nxt < tasks and len(running) < self.workers:
                    recv, send = self.ctx.Pipe(duplex=False)
                    p = self.ctx.Process(target=_one_task, args=(w, nxt, send))
                    p.start()
                    send.close()
                    running.append((nxt, p, recv))
                    nxt += 1
                i, p, recv = running.pop(0)
                try:
                    status, v = recv.recv()
                except EOFError:
                    p.join()
                    raise RuntimeError(f"task {i} in worker pid {p.pid}: exited with status {p.exitcode} before replying")
                finally:
                    recv.close()
                p.join()
                if status != "ok":
                    raise RuntimeError(f"task {i} in worker pid {p.pid}: {v}")
                values[i] = v
        finally:
            for _, p, recv in running:  # after an error: no orphan is left
                p.kill()
                p.join()
                recv.close()
        return values

    def close(self, ok=True):
        pass


class AsyncIO:
    name = "asyncio"
    shares_memory = True

    def __init__(self, workers):
        self.loop = asyncio.new_event_loop()
        self.used = []  # the workloads run, whose connections close with the loop

    def run(self, w, state, tasks):
        if not hasattr(w, "atask"):
            raise ValueError(f"{w.spec()} has no async form; asyncio runs {', '.join(ASYNC_WORKLOADS)}")
        if w not in self.used:
            self.used.append(w)
        return self.loop.run_until_complete(self._batch(w, state, tasks))

    @staticmethod
    async def _batch(w, state, tasks):
        """Runs task i as a coroutine for every i; the first error raised
        is raised again once the other coroutines are cancelled and done."""
        async def one(i):
            try:
                return await w.atask(state, i)
            except asyncio.CancelledError:
                raise
            except Exception as e:
                raise RuntimeError(f"task {i}: {e}") from e

        ts = [asyncio.ensure_future(one(i)) for i in range(tasks)]
        try:
            return await asyncio.gather(*ts)
        except BaseException:
            for t in ts:
                t.cancel()
            await asyncio.gather(*ts, return_exceptions=True)
            raise

    def close(self, ok=True):
        """Cancels the coroutines still pending (after an interrupt), lets
        them end, closes the workloads' idle connections and the loop."""
        loop = self.loop
        try:
            pending = asyncio.all_tasks(loop)
            for t in pending:
                t.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            for w in self.used:
                if hasattr(w, "aclose"):
                    loop.run_until_complete(w.aclose())
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


_ALL = {c.name: c for c in (Sequential, Threads, ThreadPool, MPPool, MPProcess, AsyncIO)}

# The strategies that run only workloads with an async form, and those
# workloads.
ASYNC = ("asyncio",)
ASYNC_WORKLOADS = ("sleep", "fetch")

# The Go strategy each Python strategy is compared with in the report.
GO_COUNTERPART = {"sequential": "sequential", "threads": "spawn", "threadpool": "pool",
                  "mppool": "process", "mpprocess": "exec", "asyncio": "spawn"}


# The Python idiom of each strategy, for the report.
IDIOM = {"sequential": "a plain loop", "threads": "threading.Thread per task",
         "threadpool": "ThreadPoolExecutor(W)", "mppool": "multiprocessing.Pool(W)",
         "mpprocess": "multiprocessing.Process per task",
         "asyncio": "an event loop in one thread, a coroutine per task"}

# The Go strategy that models a Python strategy: gil, GOMAXPROCS=1, stands
# for CPython's GIL, and for asyncio's one thread too (its goroutines
# overlap their waits as coroutines do).
GO_MODEL = {"threads": "gil", "asyncio": "gil"}

# The families a strategy runs, for strategies that do not run them all:
# the report judges its model only there.
FAMILIES = {"asyncio": "Sleep Fetch"}

# The strategy each I/O strategy is judged against: the report checks that
# asyncio overlaps waits as well as a thread per task does.
OVERLAPS = {"asyncio": "threads"}


def names():
    return list(_ALL)


def is_async(name):
    return name in ASYNC


def new(name, workers, w):
    """Builds strategy name for workload w; an unknown name is an error listing
    the valid ones."""
    if name not in _ALL:
        raise ValueError(f"unknown strategy {name!r}; valid strategies are {', '.join(_ALL)}")
    if name == "mppool":
        return MPPool(workers, w)
    return _ALL[name](workers)
