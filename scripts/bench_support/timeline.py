"""Where the app's first paint goes: a timeline of its start, without a profiler's overhead.

::

    .venv/bin/python scripts/bench_support/timeline.py DATA_FILE [--now ISO] [--runs 5]

Starts ``followup`` in a pty (as the benchmark does) through a small runner that wraps the
start-up steps — imports, opening the store, building the board, mounting the screen, each
frame Textual writes — and notes when each began and ended. ``time.perf_counter`` is the
system's monotonic clock on Linux, so the runner's notes and this process's fork time are on
one time line. Prints the median of each mark over the runs, in ms since the fork; with
``--cpu``, the CPU time the process had used at each mark (steadier on a shared machine);
with ``--floor``, bare Textual's marks too (the benchmark's floor, started after each run).
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

from bench_support.bare_app import MARKER as BARE_TEXT
from bench_support.screen import Program, start_once

MARKER = BARE_TEXT.encode()
"""What bare Textual's first frame shows."""

RUNNER = r"""
import time, atexit, functools, gc, json, os, sys
clock = time.process_time if os.environ.get("TIMELINE_CLOCK") == "cpu" else time.perf_counter
marks = [("python started", clock())]
def note(what):
    marks.append((what, clock()))

gc_started = [0.0, 0]
def on_gc(phase, info):
    # Full collections only: with 10,000 interviews in memory one takes a while.
    if info["generation"] != 2:
        return
    if phase == "start":
        gc_started[0] = clock()
        gc_started[1] += 1
    else:
        marks.append((f"full garbage collection {gc_started[1]} begins", gc_started[0]))
        note(f"full garbage collection {gc_started[1]} ends")
gc.callbacks.append(on_gc)
out = sys.argv[1]
modules = {}
atexit.register(lambda: open(out, "w").write(json.dumps({"marks": marks, "modules": modules})))

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
modules["textual"] = sorted(sys.modules)
BARE = os.environ.get("TIMELINE_BARE")  # the floor: bare Textual, on the same marks
if not BARE:
    import followup_tui.cli as cli
    from followup_tui.storage import datafile
    from followup_tui.storage.store import Store
    from followup_tui.app.app import FollowupApp
    from followup_tui.app.live import LiveBoard
    from followup_tui.app.screens.main import MainScreen
    note("followup modules imported")
    wrap(datafile, "parse", "data file parsed and checked")
    wrap(Store, "open", "store open")
    wrap(FollowupApp, "__init__", "app construction")
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
        if frames == 1:
            modules["first frame"] = sorted(sys.modules)
textual.app.App._display = display
if BARE:
    sys.path.insert(0, os.path.dirname(BARE))
    import bare_app
    bare_app.BareApp().run()
else:
    sys.argv = ["followup"]
    cli.main()
"""


def main() -> int:
    """Print the median timeline of the app's start on a data file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--now", default="", help="FOLLOWUP_NOW for the app")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="the CPU the process had used at each mark (time.process_time), not the wall clock",
    )
    parser.add_argument(
        "--modules",
        action="store_true",
        help="also list the modules imported after textual.app and before the first frame",
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also start bare Textual (the benchmark's floor) after each run, on the same marks",
    )
    args = parser.parse_args()
    import compileall

    import followup_tui

    # As the benchmark does: with PYTHONDONTWRITEBYTECODE set, each start would recompile.
    compileall.compile_dir(Path(followup_tui.__file__).parent, quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="followup-timeline-"))
    runner = folder / "runner.py"
    runner.write_text(RUNNER)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "TEXTUAL"))}
    env.update(TERM="xterm-256color", FOLLOWUP_DB=str(args.db.resolve()))
    env.update(FOLLOWUP_CONFIG=str(folder / "none.toml"), FOLLOWUP_NOW=args.now)
    if args.cpu:
        env["TIMELINE_CLOCK"] = "cpu"
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
    late: list[str] = []
    try:
        for run in range(args.runs):
            out = folder / f"marks-{run}.json"
            program = Program([sys.executable, str(runner), str(out)], env, markers)
            if args.floor:
                bare_env = dict(env, TIMELINE_BARE=str(Path(__file__).with_name("bare_app.py")))
                bare = Program([sys.executable, str(runner), str(out)], bare_env, [MARKER])
                floor = start_once(bare)
                origin = 0.0 if args.cpu else floor.started_at
                for what, at in json.loads(out.read_text())["marks"]:
                    timeline[f"bare Textual: {what}"].append((at - origin) * 1000)
            started = start_once(program)
            noted = json.loads(out.read_text())
            origin = 0.0 if args.cpu else started.started_at
            for what, at in noted["marks"]:
                timeline[what].append((at - origin) * 1000)
            if not args.cpu:  # the terminal's clock is the wall's
                shown = "first frame with interviews read by the terminal"
                timeline[shown].append(started.paint * 1000)
            seen = noted["modules"]  # the bare runs note none
            late = sorted(set(seen.get("first frame", [])) - set(seen.get("textual", [])))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for what, values in sorted(timeline.items(), key=lambda kv: statistics.median(kv[1])):
        print(f"{statistics.median(values):8.1f} ms  {what}")
    if args.modules:
        print(f"\n{len(late)} modules imported after textual.app, before the first frame:")
        print("\n".join(f"  {name}" for name in late))
    return 0


if __name__ == "__main__":
    sys.exit(main())
