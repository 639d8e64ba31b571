"""The workloads of concbench in CPython, task for task the same as Go's.

Task i of each workload does the work its Go twin in package workloads does
and returns the same 64-bit value, so the batch checksum (the sum of
fold(i, v) modulo 2**64) equals Go's for the same tasks: a cross-language
correctness check that `go test ./reference/python` runs.

  sleep/d=10ms          time.sleep(d); value i + d in ns
  hash/size=S/rounds=R  SHA-256 chained R times over an S-byte buffer seeded
                        by i (splitmix64 words, little-endian); value: the
                        first 8 bytes of the last digest, little-endian
  counter/incs=N/sync=  N increments of a counter shared by the batch, under
    mutex|none          a threading.Lock or none at all; value N
  pycpu/n=N             sum of number ** 2 for number in [i*N, i*N+N),
                        modulo 2**64: the tutorials' pure-Python loop

One difference, on purpose: the hash buffer of each task is generated once,
before timing, and reused by every batch. Go generates it in the task (about
10 us of 250 us); pure Python needs about 5 ms per 64 KiB for the same
splitmix64 words, so generating it inside the task would measure the
interpreter's integer loop, not hashlib, and hide the effect the comparison
is about (hashlib releases the GIL for buffers above 2 KiB).
"""

import hashlib
import re
import threading
import time

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix64(z):
    """The splitmix64 finalizer, as workloads.mix64 in Go."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def fold(i, v):
    """Task i's term of the batch checksum, as workloads.Fold in Go."""
    return mix64(((i * GOLDEN) & MASK) ^ v)


def checksum(values):
    """The batch checksum of values[i] for i = 0 .. len-1."""
    return sum(fold(i, v) for i, v in enumerate(values)) & MASK


def hash_input(size, i):
    """The size-byte buffer of hash task i, byte for byte as Go fills it."""
    seed = i
    words = []
    for _ in range((size + 7) // 8):
        seed = (seed + GOLDEN) & MASK
        words.append(mix64(seed).to_bytes(8, "little"))
    return b"".join(words)[:size]


def hash_digest(buf, rounds):
    """SHA-256 chained rounds times: each round hashes the previous digest
    (32 zero bytes at first) followed by buf."""
    digest = bytes(32)
    for _ in range(rounds):
        h = hashlib.sha256()
        h.update(digest)
        h.update(buf)
        digest = h.digest()
    return digest


_UNITS = {"GiB": 1 << 30, "MiB": 1 << 20, "KiB": 1 << 10, "GB": 10**9, "MB": 10**6,
          "KB": 10**3, "kB": 10**3, "B": 1, "": 1}
_DURATIONS = {"ns": 1, "us": 10**3, "µs": 10**3, "ms": 10**6, "s": 10**9, "m": 60 * 10**9}


def parse_size(s):
    m = re.fullmatch(r"([0-9]+)(GiB|MiB|KiB|GB|MB|KB|kB|B|)", s)
    if not m or int(m.group(1)) <= 0:
        raise ValueError(f"size {s!r} is not a positive byte count such as 64B or 64KiB")
    return int(m.group(1)) * _UNITS[m.group(2)]


def format_size(n):
    for suffix in ("GiB", "MiB", "KiB"):
        if n >= _UNITS[suffix] and n % _UNITS[suffix] == 0:
            return f"{n // _UNITS[suffix]}{suffix}"
    return f"{n}B"


def parse_duration(s):
    """Parses a Go duration with one unit (10ms, 1.5s) into nanoseconds."""
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m)", s)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"duration {s!r} is not a positive duration such as 10ms")
    return round(float(m.group(1)) * _DURATIONS[m.group(2)])


def format_duration(ns):
    """Formats whole milliseconds or microseconds as Go's time.Duration does."""
    if ns % 10**6 == 0:
        return f"{ns // 10**6}ms"
    if ns % 10**3 == 0:
        return f"{ns // 10**3}µs"
    return f"{ns}ns"


def parse_count(key, s):
    if not re.fullmatch(r"[0-9]+", s) or int(s) <= 0:
        raise ValueError(f"parameter {key}: {s!r} is not a positive integer")
    return int(s)


class Sleep:
    def __init__(self, d_ns):
        self.d_ns = d_ns

    def spec(self):
        return f"sleep/d={format_duration(self.d_ns)}"

    def start(self, tasks):
        return None

    def task(self, state, i):
        time.sleep(self.d_ns / 1e9)
        return (i + self.d_ns) & MASK

    def finish(self, state, tasks):
        return 0


class Hash:
    def __init__(self, size, rounds):
        self.size, self.rounds = size, rounds
        self._inputs = []

    def spec(self):
        return f"hash/size={self.size}/rounds={self.rounds}"

    def prepare(self, tasks):
        """Generates the buffers of tasks 0 .. tasks-1 (see the module doc)."""
        for i in range(len(self._inputs), tasks):
            self._inputs.append(hash_input(self.size, i))

    def start(self, tasks):
        return None

    def digest(self, i):
        buf = self._inputs[i] if i < len(self._inputs) else hash_input(self.size, i)
        return hash_digest(buf, self.rounds)

    def task(self, state, i):
        return int.from_bytes(self.digest(i)[:8], "little")

    def finish(self, state, tasks):
        return 0


class _Count:
    """The counter a batch shares."""

    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()


class Counter:
    SYNCS = ("mutex", "none")

    def __init__(self, incs, sync):
        self.incs, self.sync = incs, sync

    def spec(self):
        return f"counter/incs={self.incs}/sync={self.sync}"

    def start(self, tasks):
        return _Count()

    def task(self, c, i):
        if self.sync == "mutex":
            for _ in range(self.incs):
                with c.lock:
                    c.n += 1
        else:
            for _ in range(self.incs):
                c.n += 1
        return self.incs

    def finish(self, c, tasks):
        """Returns the updates lost (sync=none); a mutex counter that does not
        end at tasks * incs is an error."""
        want = tasks * self.incs
        if self.sync == "none":
            return want - c.n
        if c.n != want:
            raise RuntimeError(f"counter/sync={self.sync} ended at {c.n}, want {want}")
        return 0


class Pycpu:
    def __init__(self, n):
        self.n = n

    def spec(self):
        return f"pycpu/n={self.n}"

    def start(self, tasks):
        return None

    def task(self, state, i):
        s = 0
        for number in range(i * self.n, i * self.n + self.n):
            s += number ** 2
        return s & MASK

    def finish(self, state, tasks):
        return 0


_KINDS = {
    "sleep": ({"d": "10ms"}, lambda v: Sleep(parse_duration(v["d"]))),
    "hash": ({"size": "64KiB", "rounds": "8"},
             lambda v: Hash(parse_size(v["size"]), parse_count("rounds", v["rounds"]))),
    "counter": ({"incs": "1000", "sync": "mutex"},
                lambda v: Counter(parse_count("incs", v["incs"]), _sync(v["sync"]))),
    "pycpu": ({"n": "100000"}, lambda v: Pycpu(parse_count("n", v["n"]))),
}


def _sync(s):
    if s not in Counter.SYNCS:
        raise ValueError(f"parameter sync: unknown variant {s!r}; valid variants are {', '.join(Counter.SYNCS)}")
    return s


def parse(text):
    """Builds the workload a spec such as hash/size=64KiB/rounds=8 names;
    an unknown name or parameter is an error listing what is valid."""
    name, *parts = text.split("/")
    if name not in _KINDS:
        raise ValueError(f"unknown workload {name!r}; valid workloads are {', '.join(_KINDS)}")
    defaults, build = _KINDS[name]
    vals = dict(defaults)
    for p in parts:
        k, sep, v = p.partition("=")
        if not sep or k not in defaults:
            raise ValueError(f"{text}: parameter {p!r}: {name} takes {', '.join(defaults) or 'no parameters'}")
        vals[k] = v
    try:
        return build(vals)
    except ValueError as e:
        raise ValueError(f"{text}: {e}") from None
