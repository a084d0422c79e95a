"""Where the app's first paint goes: a timeline of its start, without a profiler's overhead.

::

    .venv/bin/python scripts/bench_support/timeline.py DATA_FILE [--now ISO] [--runs 5]

Starts ``followup`` in a pty (as the benchmark does) through a small runner that wraps the
start-up steps — imports, opening the store, building the board, mounting the screen, each
frame Textual writes — and notes when each began and ended. ``time.perf_counter`` is the
system's monotonic clock on Linux, so the runner's notes and this process's fork time are on
one time line. Prints the median of each mark over the runs, in ms since the fork.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_support.screen import Program, start_once

RUNNER = r"""
import time, atexit, functools, gc, json, sys
marks = [("python started", time.perf_counter())]
def note(what):
    marks.append((what, time.perf_counter()))

gc_started = [0.0, 0]
def on_gc(phase, info):
    # Full collections only: with 10,000 interviews in memory one takes a while.
    if info["generation"] != 2:
        return
    if phase == "start":
        gc_started[0] = time.perf_counter()
        gc_started[1] += 1
    else:
        marks.append((f"full garbage collection {gc_started[1]} begins", gc_started[0]))
        note(f"full garbage collection {gc_started[1]} ends")
gc.callbacks.append(on_gc)
out = sys.argv[1]
atexit.register(lambda: open(out, "w").write(json.dumps(marks)))

def wrap(owner, name, label):
    original = getattr(owner, name)
    if getattr(original, "_timed", False):
        return
    @functools.wraps(original)  # Textual counts a handler's parameters
    def timed(*args, **kwargs):
        note(label + " begins")
        try:
            return original(*args, **kwargs)
        finally:
            note(label + " ends")
    timed._timed = True
    setattr(owner, name, timed)

import textual.app
note("textual.app imported")
import followup_tui.cli as cli
from followup_tui.storage import datafile
from followup_tui.storage.store import Store
from followup_tui.app.app import FollowupApp
from followup_tui.app.live import LiveBoard
from followup_tui.app.screens.main import MainScreen
note("followup modules imported")
wrap(datafile, "parse", "data file parsed and checked")
wrap(LiveBoard, "load", "board standings and order")
wrap(FollowupApp, "on_mount", "app on_mount")
wrap(FollowupApp, "on_app_focus", "look for another program's change")
wrap(MainScreen, "on_mount", "main screen on_mount")
frames = 0
original_display = textual.app.App._display
def display(self, screen, renderable):
    global frames
    original_display(self, screen, renderable)
    # The conditions under which Textual really writes the frame (App._display).
    writes = renderable is not None and not self._batch_count and self._running
    if writes and not self._closed and self._driver is not None and frames < 3:
        frames += 1
        note(f"frame {frames} written")
textual.app.App._display = display
sys.argv = ["followup"]
cli.main()
"""


def main() -> int:
    """Print the median timeline of the app's start on a data file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--now", default="", help="FOLLOWUP_NOW for the app")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="followup-timeline-"))
    runner = folder / "runner.py"
    runner.write_text(RUNNER)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "TEXTUAL"))}
    env.update(TERM="xterm-256color", FOLLOWUP_DB=str(args.db.resolve()))
    env.update(FOLLOWUP_CONFIG=str(folder / "none.toml"), FOLLOWUP_NOW=args.now)
    from followup_tui.core.board import rank
    from followup_tui.settings import Settings
    from followup_tui.storage.store import Store

    calendar = Settings().calendar()
    from followup_tui.clock import clock_from_env

    now = clock_from_env(env).now()
    with Store.open(args.db, read_only=True) as store:
        rows = [r for r in rank(store.interviews(), "standard", now, calendar) if r.is_open]
    markers = [r.interview.company.encode() for r in rows[:3]] or [b"No interviews yet"]
    timeline: dict[str, list[float]] = defaultdict(list)
    try:
        for run in range(args.runs):
            out = folder / f"marks-{run}.json"
            program = Program([sys.executable, str(runner), str(out)], env, markers)
            started = start_once(program)
            for what, at in json.loads(out.read_text()):
                timeline[what].append((at - started.started_at) * 1000)
            shown = "first frame with interviews read by the terminal"
            timeline[shown].append(started.paint * 1000)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for what, values in sorted(timeline.items(), key=lambda kv: statistics.median(kv[1])):
        print(f"{statistics.median(values):8.1f} ms  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
