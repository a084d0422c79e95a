"""The measures that need no terminal: ``followup status`` and saving one change.

Both are compared with a floor that does the least the job could possibly do:

- ``followup status`` (the whole process) against a process that imports what the data
  needs (``json``, ``tinydb``, ``dateutil``) and parses the data file, nothing more;
- one event logged through the real :class:`~followup_tui.storage.store.Store` (validated,
  serialised, written to a temporary file, fsynced, renamed over the data file, folder
  fsynced) against serialising the same data with orjson, writing it to a new file and
  fsyncing it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

if __package__ in (None, ""):  # run as a program: the save measure's own process
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_support.stats import alternate, rotate
from followup_tui.core.model import Event, EventKind
from followup_tui.standings_cache import cache_path_for
from followup_tui.storage.store import Store

FLOOR_CODE = "import json, tinydb, dateutil.rrule, dateutil.tz; json.load(open({db!r}))"
"""The floor process of ``followup status`` (Python's start, the imports and reading the file)."""


def run_timed(argv: Sequence[str], env: Mapping[str, str]) -> float:
    """Seconds a process takes from start to exit, its output read through a pipe."""
    started = time.perf_counter()
    done = subprocess.run(list(argv), env=dict(env), capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv)} exited with {done.returncode}: {done.stderr.decode()[-500:]}"
        )
    return elapsed


@dataclass
class StatusTimes:
    """Seconds per process of ``followup status``, its floor, ``--short`` and Taskwarrior."""

    status: list[float] = field(default_factory=list)
    """``followup status``."""
    floor: list[float] = field(default_factory=list)
    """The floor process."""
    short: list[float] = field(default_factory=list)
    """``followup status --short``."""
    cold: list[float] = field(default_factory=list)
    """``followup status`` with no standings cache (deleted before each run)."""
    task_next: list[float] = field(default_factory=list)
    """Taskwarrior's ``task next`` on as many tasks (empty without ``task``)."""
    task_count: list[float] = field(default_factory=list)
    """Taskwarrior's ``task status:pending count`` (empty without ``task``)."""


def status(
    followup: Sequence[str],
    python: str,
    db: Path,
    env: Mapping[str, str],
    repeats: int,
    task_env: Mapping[str, str] | None = None,
) -> StatusTimes:
    """``followup status`` (its standings cache warm, as after any earlier run), its floor,
    ``--short``, ``status`` with the cache cold, and (with ``task_env``) Taskwarrior's
    ``task next`` and ``task count``, ``repeats`` times each, round-robin."""
    floor = [python, "-c", FLOOR_CODE.format(db=str(db))]

    def cold() -> float:
        # The cache written by the last run goes first: this run computes every standing
        # (and writes the cache again, as a first run after a change does).
        cache_path_for(db).unlink(missing_ok=True)
        return run_timed([*followup, "status"], env)

    measures: list[Callable[[], float]] = [
        lambda: run_timed([*followup, "status"], env),
        lambda: run_timed(floor, env),
        lambda: run_timed([*followup, "status", "--short"], env),
        cold,
    ]
    if task_env is not None:
        from bench_support.taskwarrior import COUNT, NEXT

        tw = {**env, **task_env}
        measures += [lambda: run_timed(NEXT, tw), lambda: run_timed(COUNT, tw)]
    # The first of each warms the disk cache and the bytecode; it is not kept.
    for measure in measures:
        measure()
    samples = rotate(measures, repeats)
    return StatusTimes(*samples)


def _floor_save(data: object, target: Path) -> float:
    """Serialise ``data`` with orjson, write it to a new file and fsync it."""
    started = time.perf_counter()
    blob = orjson.dumps(data)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(blob)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - started


def save(db: Path, work: Path, repeats: int) -> tuple[list[float], list[float]]:
    """One note logged through the real store, and the floor on the same data, alternated.

    Runs in a fresh process holding nothing but the store, as the app's save thread does
    (this process's own objects would make the garbage collector's pauses longer). Works
    on a copy of ``db`` in the folder ``work``.
    """
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), str(db), str(work), str(repeats)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the save measure failed: {done.stderr[-1000:]}")
    timings = json.loads(done.stdout)
    return timings["store"], timings["floor"]


def _save_here(db: Path, work: Path, repeats: int) -> tuple[list[float], list[float]]:
    copy = work / "save.json"
    shutil.copyfile(db, copy)
    floor_file = work / "floor.json"
    with Store.open(copy) as store:
        ids = [interview.id for interview in store.interviews()]
        count = 0

        def one_log() -> float:
            nonlocal count
            count += 1
            event = Event(EventKind.NOTE, datetime.now(UTC), text=f"benchmark note {count}")
            started = time.perf_counter()
            store.log(ids[count % len(ids)], event)
            return time.perf_counter() - started

        one_log()  # the first save of a session also writes the backup: once, not per change
        # The floor serialises what the store holds (read once: it differs from the store's
        # by a few short notes as the store's grows, which is nothing against the file).
        data = orjson.loads(copy.read_bytes())

        def one_floor() -> float:
            floor_file.unlink(missing_ok=True)
            return _floor_save(data, floor_file)

        return alternate(one_log, one_floor, repeats)


if __name__ == "__main__":
    store_times, floor_times = _save_here(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps({"store": store_times, "floor": floor_times}))
