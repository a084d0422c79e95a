"""The results of one size, and the markdown table with the project's targets beside them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench_support.screen import FormKeys, Keys, Start
from bench_support.stats import median, p95

TIMES = "\u00d7"
"""The multiplication sign of a ratio (U+00D7)."""

# The targets, by size; sizes without a target (100) show "—".
PAINT_TARGET = {1_000: 1.3, 10_000: 1.3, 50_000: 2.0}
"""First paint: at most this many times the bare Textual app's."""
MOVE_TARGET_MS = {1_000: 8.0, 10_000: 16.0}
"""Moving the selection: median at most this many milliseconds."""
IDLE_TARGET_PCT = {1_000: 1.0, 10_000: 1.0}
"""Idle countdown tick: at most this percent of one core."""
SAVE_TARGET = {1_000: 1.5, 10_000: 1.5}
"""One saved change: at most this many times the floor."""
STATUS_TARGET = {1_000: 2.5, 10_000: 2.5}
"""``followup status``: at most this many times the floor process."""
TASKWARRIOR_TARGET = {1_000: 1.0, 10_000: 1.0}
"""``followup status`` and ``--short``: no slower than Taskwarrior's ``task next`` and
``task count`` on as many items."""
FORM_TARGET_MS = {1_000: 100.0}
"""Opening the edit form: median at most this many milliseconds."""
MEMORY_TARGET = {1_000: 1.5, 10_000: 3.0}
"""Peak memory: at most this many times the bare Textual app's."""

COLUMNS = ("measure", "interviews", "followup", "floor", "ratio", "target", "verdict")
"""The table's columns, in order."""
MEASURES = (
    "first paint",
    "key: move selection (first frame)",
    "key: move selection (screen settled)",
    "key: open composer",
    "key: open composer, first in a session",
    "key: close composer",
    "idle countdown tick (CPU, 10 s)",
    "save one event",
    "key: move selection during a save (first frame)",
    "`followup status`",
    "`followup status --short`",
    "`followup status`, no standings cache",
    "`followup status` vs `task next`",
    "`followup status --short` vs `task count`",
    "peak memory (RSS)",
    "key: open edit form",
    "key: close edit form",
)
"""Every row label, in table order (the smoke test checks each one is there)."""


@dataclass
class SizeResult:
    """Every sample taken at one size."""

    size: int
    """How many interviews the data file holds."""
    app_starts: list[Start] = field(default_factory=list)
    """First paints and peak memory of the app."""
    bare_starts: list[Start] = field(default_factory=list)
    """The same of the bare Textual app, alternated with the app's."""
    keys: Keys | None = None
    """The key-press samples."""
    idle_pct: list[float] = field(default_factory=list)
    """CPU of the idle app, percent of one core, per run."""
    bare_idle_pct: list[float] = field(default_factory=list)
    """CPU of the idle bare Textual app, percent of one core, per run."""
    save_store: list[float] = field(default_factory=list)
    """Seconds per event logged through the store."""
    save_floor: list[float] = field(default_factory=list)
    """Seconds per floor save (orjson, write, fsync) of the same data."""
    status_app: list[float] = field(default_factory=list)
    """Seconds per ``followup status`` process."""
    status_floor: list[float] = field(default_factory=list)
    """Seconds per floor process."""
    status_short: list[float] = field(default_factory=list)
    """Seconds per ``followup status --short`` process."""
    status_cold: list[float] = field(default_factory=list)
    """Seconds per ``followup status`` process with no standings cache to read."""
    task_next: list[float] = field(default_factory=list)
    """Seconds per Taskwarrior ``task next`` on as many tasks (none without ``task``)."""
    task_count: list[float] = field(default_factory=list)
    """Seconds per Taskwarrior ``task status:pending count`` (none without ``task``)."""
    idle_seconds: float = 10.0
    """How long each idle run watched the app."""
    form_keys: FormKeys | None = None
    """Opening and closing the edit form."""
    composer_first: list[float] = field(default_factory=list)
    """Seconds from ``c`` to the composer on screen, the first open of each fresh run."""


def _ms(seconds: float) -> str:
    return "n/a" if math.isnan(seconds) else f"{seconds * 1000:,.1f} ms"


def _spread(samples: Sequence[float]) -> str:
    if not samples:
        return "n/a"
    return f"{median(samples) * 1000:,.1f} · p95 {p95(samples) * 1000:,.1f} ms"


def _ratio(value: float, floor: float) -> float:
    return value / floor if floor > 0 and not math.isnan(value + floor) else math.nan


def _x(ratio: float) -> str:
    return "n/a" if math.isnan(ratio) else f"{ratio:.2f}" + TIMES


def _verdict(value: float, limit: float | None) -> str:
    if limit is None or math.isnan(value):
        return "—"
    return "pass" if value <= limit else "miss"


def _limit(targets: dict[int, float], size: int, fmt: str) -> tuple[float | None, str]:
    limit = targets.get(size)
    return limit, "—" if limit is None else fmt.format(limit)


def rows(result: SizeResult) -> list[tuple[str, ...]]:
    """The table rows of one size, in :data:`MEASURES` order."""
    n = f"{result.size:,}"
    out: list[tuple[str, ...]] = []

    app_paint = median([s.paint for s in result.app_starts])
    bare_paint = median([s.paint for s in result.bare_starts])
    ratio = _ratio(app_paint, bare_paint)
    limit, text = _limit(PAINT_TARGET, result.size, "≤ {:g}" + TIMES)
    out.append(
        (
            MEASURES[0],
            n,
            _ms(app_paint),
            f"{_ms(bare_paint)} (bare Textual)",
            _x(ratio),
            text,
            _verdict(ratio, limit),
        )
    )

    keys = result.keys or Keys()
    move = median(keys.move_first)
    limit, text = _limit(MOVE_TARGET_MS, result.size, "median ≤ {:g} ms")
    out.append(
        (MEASURES[1], n, _spread(keys.move_first), "—", "—", text, _verdict(move * 1000, limit))
    )
    cpu = f"{keys.move_cpu * 1000:.0f} ms CPU per move" if keys.move_settled else "—"
    out.append((MEASURES[2], n, _spread(keys.move_settled), "—", "—", cpu, "—"))
    out.append((MEASURES[3], n, _spread(keys.composer_open), "—", "—", "—", "—"))
    out.append((MEASURES[4], n, _spread(result.composer_first), "—", "—", "—", "—"))
    out.append((MEASURES[5], n, _spread(keys.composer_close), "—", "—", "—", "—"))

    idle = median(result.idle_pct)
    bare_idle = median(result.bare_idle_pct)
    limit, text = _limit(IDLE_TARGET_PCT, result.size, "≤ {:g} % of a core")
    idle_text = "n/a" if math.isnan(idle) else f"{idle:.2f} % of a core"
    bare_text = "n/a" if math.isnan(bare_idle) else f"{bare_idle:.2f} % (bare Textual)"
    label = MEASURES[6].replace("10 s", f"{result.idle_seconds:g} s")
    out.append((label, n, idle_text, bare_text, "—", text, _verdict(idle, limit)))

    store = median(result.save_store)
    floor = median(result.save_floor)
    ratio = _ratio(store, floor)
    limit, text = _limit(SAVE_TARGET, result.size, "≤ {:g}" + TIMES)
    out.append(
        (
            MEASURES[7],
            n,
            _ms(store),
            f"{_ms(floor)} (orjson + write + fsync)",
            _x(ratio),
            text,
            _verdict(ratio, limit),
        )
    )

    # "The UI never waits on disk": a move typed while a save runs still meets the move target.
    saving = median(keys.move_saving)
    idle_key = median(keys.move_idle)
    slower = "n/a" if math.isnan(saving + idle_key) else f"{(saving - idle_key) * 1000:+,.1f} ms"
    limit, text = _limit(MOVE_TARGET_MS, result.size, "median ≤ {:g} ms: UI never waits on disk")
    out.append(
        (
            MEASURES[8],
            n,
            _spread(keys.move_saving),
            f"{_ms(idle_key)} (same move, no save)",
            slower,
            text,
            _verdict(saving * 1000, limit),
        )
    )

    app_status = median(result.status_app)
    floor_status = median(result.status_floor)
    ratio = _ratio(app_status, floor_status)
    limit, text = _limit(STATUS_TARGET, result.size, "≤ {:g}" + TIMES)
    out.append(
        (
            MEASURES[9],
            n,
            _ms(app_status),
            f"{_ms(floor_status)} (import + json.load)",
            _x(ratio),
            text,
            _verdict(ratio, limit),
        )
    )

    short = median(result.status_short)
    ratio = _ratio(short, floor_status)
    out.append(
        (
            MEASURES[10],
            n,
            _ms(short),
            f"{_ms(floor_status)} (import + json.load)",
            _x(ratio),
            text,
            _verdict(ratio, limit),
        )
    )
    cold = median(result.status_cold)
    ratio = _ratio(cold, floor_status)
    out.append(
        (
            MEASURES[11],
            n,
            _ms(cold),
            f"{_ms(floor_status)} (import + json.load)",
            _x(ratio),
            text,
            _verdict(ratio, limit),
        )
    )
    limit, text = _limit(TASKWARRIOR_TARGET, result.size, "≤ {:g}" + TIMES)
    for label, ours, theirs, name in (
        (MEASURES[12], app_status, result.task_next, "task next"),
        (MEASURES[13], short, result.task_count, "task count"),
    ):
        other = median(theirs)
        ratio = _ratio(ours, other)
        floor_text = f"{_ms(other)} ({name})" if theirs else "n/a (no `task` on PATH)"
        out.append((label, n, _ms(ours), floor_text, _x(ratio), text, _verdict(ratio, limit)))

    app_rss = median([s.peak_rss_kib for s in result.app_starts]) / 1024
    bare_rss = median([s.peak_rss_kib for s in result.bare_starts]) / 1024
    ratio = _ratio(app_rss, bare_rss)
    limit, text = _limit(MEMORY_TARGET, result.size, "≤ {:g}" + TIMES)
    out.append(
        (
            MEASURES[14],
            n,
            f"{app_rss:,.1f} MiB",
            f"{bare_rss:,.1f} MiB (bare Textual)",
            _x(ratio),
            text,
            _verdict(ratio, limit),
        )
    )
    form = result.form_keys or FormKeys()
    limit, text = _limit(FORM_TARGET_MS, result.size, "median ≤ {:g} ms")
    verdict = _verdict(median(form.open) * 1000, limit)
    out.append((MEASURES[15], n, _spread(form.open), "—", "—", text, verdict))
    out.append((MEASURES[16], n, _spread(form.close), "—", "—", "—", "—"))
    return out


def markdown(results: Sequence[SizeResult]) -> str:
    """One table: each measure, size by size."""
    per_size = [rows(result) for result in results]
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for index in range(len(MEASURES)):
        for table in per_size:
            lines.append("| " + " | ".join(table[index]) + " |")
    return "\n".join(lines)
