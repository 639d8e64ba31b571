"""The workloads of concbench in CPython, task for task the same as Go's.

Task i of each workload does the work its Go twin in package workloads does
and returns the same 64-bit value, so the batch checksum (the sum of
fold(i, v) modulo 2**64) equals Go's for the same tasks: a cross-language
correctness check that `go test ./reference/python` runs.

  sleep/d=10ms          time.sleep(d) (asyncio.sleep(d) in its async form,
                        atask); value i + d in ns
  hash/size=S/rounds=R  SHA-256 chained R times over an S-byte buffer seeded
                        by i (splitmix64 words, little-endian); value: the
                        first 8 bytes of the last digest, little-endian
  counter/incs=N/sync=  N increments of a counter shared by the batch, under
    mutex|none          a threading.Lock or none at all; value N
  pycpu/n=N             sum of number ** 2 for number in [i*N, i*N+N),
                        modulo 2**64: the tutorials' pure-Python loop
  fetch/d=D/size=S/     GET http://127.0.0.1:P/fetch?d=D&size=S&i=i from a
    client=shared/port=P  workloads.FetchServer (Go's, started by make
                        reference), which answers after D with S bytes;
                        read the whole body; value: its CRC-64 (ECMA).
                        http.client with keep-alive connections shared by
                        the workload (asyncio.open_connection and plain
                        HTTP/1.1 in its async form, atask)

The fetch task checks the body byte for byte against the one the server
sends for task i (the 8 bytes of i, then a fixed pattern) and returns the
CRC-64 of that body, computed once per task before timing: a pure-Python
CRC-64 of 16 KiB takes milliseconds, as long as the wait it stands beside,
and would measure the interpreter, not the overlap of requests. Go computes
it in the task, with package hash/crc64.

One difference, on purpose: the hash buffer of each task is generated once,
before timing, and reused by every batch. Go generates it in the task (about
10 us of 250 us); pure Python needs about 5 ms per 64 KiB for the same
splitmix64 words, so generating it inside the task would measure the
interpreter's integer loop, not hashlib, and hide the effect the comparison
is about (hashlib releases the GIL for buffers above 2 KiB).
"""

import asyncio
import hashlib
import http.client
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


def parse_wait(s):
    """Parses a Go duration that may be zero (0s) into nanoseconds."""
    if s in ("0", "0s"):
        return 0
    return parse_duration(s)


def format_wait(ns):
    return "0s" if ns == 0 else format_duration(ns)


CRC64_ECMA = 0xC96C5795D7870F42  # reversed, as Go's crc64.ECMA table


def _crc64_table():
    tab = []
    for n in range(256):
        crc = n
        for _ in range(8):
            crc = (crc >> 1) ^ CRC64_ECMA if crc & 1 else crc >> 1
        tab.append(crc)
    return tab


_CRC64 = _crc64_table()


def crc64(data, crc=0):
    """CRC-64 (ECMA) of data, as Go's crc64.Checksum(data, crc64.MakeTable(crc64.ECMA))."""
    crc ^= MASK
    tab = _CRC64
    for b in data:
        crc = tab[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ MASK


def fetch_pattern():
    """The 32 KiB the fetch server repeats after a body's first 8 bytes:
    little-endian splitmix64 words from the seed 0x5eed."""
    x = 0x5EED
    words = []
    for _ in range((32 << 10) // 8):
        x = mix64((x + GOLDEN) & MASK)
        words.append(x.to_bytes(8, "little"))
    return b"".join(words)


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

    async def atask(self, state, i):
        """Task i as a coroutine, for strategy asyncio: the same wait and value."""
        await asyncio.sleep(self.d_ns / 1e9)
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


class FetchError(RuntimeError):
    pass


class Fetch:
    CLIENTS = ("shared",)
    TIMEOUT = 40  # seconds: the server's longest wait (10 s) and a margin, as in Go

    def __init__(self, d_ns, size, client, port):
        if d_ns > 10 * 10**9:
            raise ValueError(f"parameter d: {format_wait(d_ns)} is not between 0s and the server's limit of 10s")
        if size > 64 << 20:
            raise ValueError(f"parameter size: {format_size(size)} is more than the server's limit of 64MiB")
        self.d_ns, self.size, self.client, self.port = d_ns, size, client, port
        pattern = fetch_pattern()
        self._head = min(8, size)
        self._tail = (pattern * (size // len(pattern) + 1))[:size - self._head]
        self._values = []
        self._lock = threading.Lock()
        self._idle = []  # http.client connections, kept alive across tasks and batches
        self._aidle = {}  # event loop -> its idle (reader, writer) pairs

    def spec(self):
        return f"fetch/d={format_wait(self.d_ns)}/size={format_size(self.size)}/client={self.client}/port={self.port}"

    def path(self, i):
        return f"/fetch?d={format_wait(self.d_ns)}&size={self.size}&i={i}"

    def prepare(self, tasks):
        """Computes the value of tasks 0 .. tasks-1 (see the module doc)."""
        for i in range(len(self._values), tasks):
            self._values.append(crc64(self.body(i)))

    def body(self, i):
        """The body the server sends for task i."""
        return (i.to_bytes(8, "little")[:self._head]) + self._tail

    def value(self, i, status, body):
        """Task i's value from the response: the CRC-64 of the body, which
        must be the one the server sends for i."""
        if status != 200:
            raise FetchError(f"fetch: GET {self.path(i)}: status {status}: {body[:512]!r}")
        if len(body) != self.size:
            raise FetchError(f"fetch: GET {self.path(i)}: body has {len(body)} bytes, want {self.size}")
        h = self._head
        if body[:h] != i.to_bytes(8, "little")[:h] or body[h:] != self._tail:
            raise FetchError(f"fetch: GET {self.path(i)}: the body is not the server's for task {i}")
        if i < len(self._values):
            return self._values[i]
        return crc64(body)

    def start(self, tasks):
        return None

    def finish(self, state, tasks):
        return 0

    def task(self, state, i):
        """GETs task i's body with http.client on an idle connection of the
        workload, or a new one; a reused connection that the server closed
        meanwhile is replaced once."""
        for attempt in (0, 1):
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            reused = conn is not None
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.TIMEOUT)
            try:
                conn.request("GET", self.path(i))
                resp = conn.getresponse()
                body = resp.read()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.IncompleteRead) as e:
                conn.close()
                if reused and attempt == 0:
                    continue
                raise FetchError(f"fetch: GET {self.path(i)}: {e}") from e
            except BaseException:
                conn.close()
                raise
            if resp.will_close:
                conn.close()
            else:
                with self._lock:
                    self._idle.append(conn)
            return self.value(i, resp.status, body)

    async def atask(self, state, i):
        """Task i as a coroutine, for strategy asyncio: the same GET with
        asyncio.open_connection and plain HTTP/1.1 on an idle connection of
        the running loop, or a new one, within the same time limit."""
        if hasattr(asyncio, "timeout"):  # 3.11: one timer, no extra task
            async with asyncio.timeout(self.TIMEOUT):
                return await self._aget(i)
        return await asyncio.wait_for(self._aget(i), self.TIMEOUT)

    async def _aget(self, i):
        idle = self._aidle.setdefault(asyncio.get_running_loop(), [])
        req = f"GET {self.path(i)} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode()
        for attempt in (0, 1):
            conn = idle.pop() if idle else None
            reused = conn is not None
            if conn is None:
                conn = await asyncio.open_connection("127.0.0.1", self.port)
            reader, writer = conn
            try:
                writer.write(req)
                await writer.drain()
                status, length, close = _parse_head(await reader.readuntil(b"\r\n\r\n"))
                body = await (reader.readexactly(length) if length >= 0 else reader.read(512))
            except (ConnectionError, asyncio.IncompleteReadError) as e:
                writer.close()
                if reused and attempt == 0:
                    continue
                raise FetchError(f"fetch: GET {self.path(i)}: {e!r}") from e
            except BaseException:
                writer.close()
                raise
            if close or length < 0:
                writer.close()
            else:
                idle.append(conn)
            return self.value(i, status, body)

    async def aclose(self):
        """Closes the idle connections of the running loop."""
        for _, writer in self._aidle.pop(asyncio.get_running_loop(), []):
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass


def _parse_head(head):
    """The status, Content-Length (-1 if absent) and whether the server
    closes the connection, from an HTTP/1.1 response head."""
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise FetchError(f"fetch: bad status line {lines[0]!r}")
    length, close = -1, parts[0] == "HTTP/1.0"
    for line in lines[1:]:
        k, _, v = line.partition(":")
        k, v = k.strip().lower(), v.strip()
        if k == "content-length":
            length = int(v)
        elif k == "connection" and v.lower() == "close":
            close = True
        elif k == "transfer-encoding":
            raise FetchError(f"fetch: transfer-encoding {v!r}: the fetch server sends a Content-Length")
    return int(parts[1]), length, close


def _port(s):
    if not re.fullmatch(r"[0-9]+", s) or not 1 <= int(s) <= 65535:
        raise ValueError(f"parameter port: {s!r} is not the port of a fetch server on 127.0.0.1 (make reference starts one)")
    return int(s)


def _client(s):
    if s not in Fetch.CLIENTS:
        raise ValueError(f"parameter client: {s!r} is not one of {', '.join(Fetch.CLIENTS)}")
    return s


_KINDS = {
    "sleep": ({"d": "10ms"}, lambda v: Sleep(parse_duration(v["d"]))),
    "hash": ({"size": "64KiB", "rounds": "8"},
             lambda v: Hash(parse_size(v["size"]), parse_count("rounds", v["rounds"]))),
    "counter": ({"incs": "1000", "sync": "mutex"},
                lambda v: Counter(parse_count("incs", v["incs"]), _sync(v["sync"]))),
    "pycpu": ({"n": "100000"}, lambda v: Pycpu(parse_count("n", v["n"]))),
    "fetch": ({"d": "5ms", "size": "16KiB", "client": "shared", "port": "0"},
              lambda v: Fetch(parse_wait(v["d"]), parse_size(v["size"]), _client(v["client"]), _port(v["port"]))),
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
