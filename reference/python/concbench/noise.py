"""Noise re-runs of the CPython reference, as the Go driver's (go doc
./bench/cmd/benchrun, "Noise re-runs"): after the counted rounds, the
configurations whose ns/op interval is still wider than +-5 % of the
median (or that have fewer than 6 samples, and so no interval yet) run
again, one interleaved round at a time, the cheapest first, each up to
max_samples samples, until none is left or the budget is spent. Each
re-run round is numbered on a "round: k" line after the counted ones, so
that the report can still pair two configurations of one round. No
sample is ever dropped."""

import math
import re
import time

import bench

# The report's rule (package plots: NoisyWidth, MinSamples, Confidence).
NOISY_WIDTH = 0.05
MIN_SAMPLES = 6
CONFIDENCE = 0.95

# The least a round may take when the budget allows it: a round of one
# short configuration would spend its time in the round's own set-up.
MIN_ROUND_S = 4.0

_NS_PER_OP = re.compile(r"\s([0-9.eE+-]+) ns/op(\s|$)")


def ns_per_op(line):
    """The ns/op value of a result line, or None."""
    m = _NS_PER_OP.search(line)
    return float(m.group(1)) if m else None


def median_interval(xs):
    """The median of xs and its distribution-free 95 % interval: the order
    statistics [x_k, x_(n-k+1)] with the largest k whose binomial tail
    keeps the confidence; [min, max] when no k does."""
    xs = sorted(xs)
    n = len(xs)
    mid = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
    k, tail = 0, 0.0
    for i in range(n // 2):
        tail += math.comb(n, i) / 2 ** n
        if 2 * tail > 1 - CONFIDENCE:
            break
        k = i + 1
    if k == 0:
        return mid, xs[0], xs[-1]
    return mid, xs[k - 1], xs[n - k]


def half_width(xs):
    """The relative half-width of the interval of the median of xs."""
    mid, lo, hi = median_interval(xs)
    if mid <= 0:
        return math.inf
    return max(mid - lo, hi - mid) / mid


def noisy(xs):
    """Whether a configuration with samples xs needs more: no interval
    yet, or one wider than +-NOISY_WIDTH."""
    return len(xs) < MIN_SAMPLES or half_width(xs) > NOISY_WIDTH


def pick_round(cs, samples, cost, max_samples, left):
    """The configurations of the next re-run round: the noisy ones below
    max_samples, the cheapest first (cost: what one sample took last), as
    many as fit in an eighth of left or MIN_ROUND_S, never more than left."""
    cand = [c for c in cs if len(samples.get(c.name(), [])) < max_samples and noisy(samples.get(c.name(), []))]
    cand.sort(key=lambda c: cost.get(c.name(), 0.0))
    limit = min(left, max(left / 8, MIN_ROUND_S))
    out, used = [], 0.0
    for c in cand:
        if used + cost.get(c.name(), 0.0) > limit:
            continue
        used += cost.get(c.name(), 0.0)
        out.append(c)
    return out


def run_one(c, benchtime, checksums, out, samples, cost, stop):
    """Runs case c once, writes its result line to out, and records what
    it took (cost) and its ns/op (samples)."""
    t0 = time.monotonic()
    line = bench.run_case(c, benchtime, checksums)
    cost[c.name()] = time.monotonic() - t0
    if stop.is_set():
        raise KeyboardInterrupt
    out.write(line + "\n")
    out.flush()
    v = ns_per_op(line)
    if v is not None:
        samples.setdefault(c.name(), []).append(v)


def rerun(cs, benchtime, checksums, out, samples, cost, first_round, budget_s, max_samples, stop):
    """Runs the noise re-run rounds after round first_round-1, writing each
    result line to out and adding its ns/op to samples; returns the number
    of rounds."""
    start = time.monotonic()
    rounds, rerun_names = 0, set()
    while True:
        left = budget_s - (time.monotonic() - start)
        pick = pick_round(cs, samples, cost, max_samples, left)
        if not pick:
            break
        out.write(f"round: {first_round + rounds}\n")
        rounds += 1
        bench.progress(f"noise re-run {rounds}: {len(pick)} configurations wider than ±{NOISY_WIDTH * 100:.0f} % or below {MIN_SAMPLES} samples, {left:.0f}s of the budget left")
        for c in pick:
            run_one(c, benchtime, checksums, out, samples, cost, stop)
            rerun_names.add(c.name())
    still = [c.name() for c in cs if noisy(samples.get(c.name(), []))]
    bench.progress(f"noise re-runs: {rounds} rounds in {time.monotonic() - start:.0f}s (budget {budget_s:.0f}s); "
                   f"{len(rerun_names)} configurations re-run, {len(rerun_names - set(still))} of them now within ±{NOISY_WIDTH * 100:.0f} %; "
                   f"{len(still)} still wider")
    return rounds
