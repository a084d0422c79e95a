"""Small statistics for noisy machines: alternation, medians and percentiles."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def alternate(
    first: Callable[[], T], second: Callable[[], T], repeats: int
) -> tuple[list[T], list[T]]:
    """Run two measures ``repeats`` times each, alternating which goes first."""
    a: list[T] = []
    b: list[T] = []
    for index in range(repeats):
        if index % 2:
            b.append(second())
            a.append(first())
        else:
            a.append(first())
            b.append(second())
    return a, b


def rotate(measures: Sequence[Callable[[], T]], repeats: int) -> list[list[T]]:
    """Run several measures ``repeats`` times each, round-robin, each round starting one
    further along, so that none always runs first (or just after the same neighbour)."""
    out: list[list[T]] = [[] for _ in measures]
    for index in range(repeats):
        for step in range(len(measures)):
            which = (index + step) % len(measures)
            out[which].append(measures[which]())
    return out


def median(samples: Sequence[float]) -> float:
    """The median (NaN for no samples)."""
    return statistics.median(samples) if samples else math.nan


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile, nearest-rank (the largest sample below 20 samples)."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]
