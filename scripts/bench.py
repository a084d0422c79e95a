"""The performance benchmark: what a user feels, at 100, 1,000 and 10,000 interviews.

Run from the repository root::

    .venv/bin/python scripts/bench.py                 # 100, 1,000, 10,000 (a few minutes)
    .venv/bin/python scripts/bench.py --sizes 1000    # one size
    .venv/bin/python scripts/bench.py --smoke         # tiny and quick (what CI runs)

Everything happens in a fresh temporary folder: the data files are generated there, the
settings file named by ``FOLLOWUP_CONFIG`` does not exist, and the user's own data is never
opened. Prints a markdown table with the project's targets and a verdict beside each measure;
``--json FILE`` also saves every sample.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench_support import disk, screen, taskwarrior
from bench_support.dataset import write_data_file
from bench_support.table import SizeResult, markdown

from followup_tui.core.board import rank
from followup_tui.settings import Settings
from followup_tui.standings_cache import cache_path_for

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = Path(__file__).resolve().parent / "bench_support" / "bare_app.py"
COLUMNS, LINES = 120, 40


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated sizes")
    parser.add_argument("--repeats", type=int, default=7, help="processes per side")
    parser.add_argument(
        "--starts",
        type=int,
        default=21,
        help="starts per side for first paint (it moves most with the machine's load)",
    )
    parser.add_argument("--moves", type=int, default=40, help="selection moves timed")
    parser.add_argument("--rounds", type=int, default=8, help="composer and save-probe rounds")
    parser.add_argument("--saves", type=int, default=21, help="saves timed per side")
    parser.add_argument("--idle-seconds", type=float, default=10.0, help="idle CPU window")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, few repeats (CI)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every sample")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.repeats, args.moves, args.rounds, args.saves = "20", 2, 3, 1, 3
        args.starts = 2
        args.idle_seconds = 1.0
    args.sizes = [int(s.replace("_", "")) for s in str(args.sizes).split(",") if s.strip()]
    return args


def child_env(db: Path, config: Path, now: str | None) -> dict[str, str]:
    """The environment of every program measured: our files, a fixed terminal, no overrides."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FOLLOWUP_", "TEXTUAL")) and k not in ("COLUMNS", "LINES")
    }
    env.update(TERM="xterm-256color", FOLLOWUP_DB=str(db), FOLLOWUP_CONFIG=str(config))
    if now is not None:
        env["FOLLOWUP_NOW"] = now
    return env


def followup_command() -> list[str]:
    """The ``followup`` command as the user runs it (the venv's script), else ``-m``."""
    script = Path(sys.executable).with_name("followup")
    return [str(script)] if script.exists() else [sys.executable, "-m", "followup_tui"]


def composer_available() -> bool:
    """True once the composer screen exists (its key is "n/a" until then)."""
    return (ROOT / "followup_tui" / "app" / "screens" / "composer.py").exists()


def measure_size(size: int, folder: Path, args: argparse.Namespace, now: datetime) -> SizeResult:
    """Every measure at one size."""
    result = SizeResult(size, idle_seconds=args.idle_seconds)
    db = folder / f"followup-{size}.json"
    config = folder / "settings.toml"  # a user past the first run: the composer opens at once
    config.write_text('name = "Alex Morgan"\n', encoding="utf-8")
    calendar = Settings().calendar()
    interviews = write_data_file(db, size, now, calendar)
    open_rows = [r for r in rank(interviews, "standard", now, calendar) if r.is_open]
    markers = [r.interview.company.encode() for r in open_rows[:3]]
    pinned = now.isoformat()
    app = screen.Program(followup_command(), child_env(db, config, pinned), markers)
    bare_argv = [sys.executable, str(BARE_APP)]
    bare = screen.Program(bare_argv, child_env(db, config, pinned), [b"bare-textual-ready"])
    say = _progress(size)

    say("first paint and memory")
    # As a user's earlier `followup status` (or shell prompt) would: the standings cache
    # the app's first frame is drawn from.
    subprocess.run([*followup_command(), "status"], env=app.env, capture_output=True, check=True)
    screen.start_once(app), screen.start_once(bare)  # warm the disk cache and bytecode
    result.app_starts, result.bare_starts = screen.starts(app, bare, args.starts)
    # The keys are timed on the full board: from the cache's first frame, the first keys
    # would wait for the file's reading (which draws nothing new), and time that instead.
    cache_path_for(db).unlink(missing_ok=True)
    say("key presses")
    result.keys = screen.key_session(
        app,
        open_rows=len(open_rows),
        moves=args.moves,
        composer=composer_available(),
        rounds=args.rounds,
    )
    if composer_available():
        say("composer, first open in a session")
        result.composer_first = screen.composer_first_opens(app, args.repeats)
    say("edit form")
    result.form_keys = screen.form_session(app, args.rounds)
    say("idle countdown tick (real clock)")
    live = screen.Program(app.argv, child_env(db, config, None), markers)
    live_bare = screen.Program(bare.argv, child_env(db, config, None), bare.markers)
    result.idle_pct = [screen.idle_cpu(live, args.idle_seconds)]
    result.bare_idle_pct = [screen.idle_cpu(live_bare, args.idle_seconds)]
    say("save")
    result.save_store, result.save_floor = disk.save(db, folder, args.saves)
    say("followup status")
    env = child_env(db, config, pinned)
    task_env = None
    if taskwarrior.available():
        say("taskwarrior: importing as many tasks")
        rows = rank(interviews, "standard", now, calendar)
        task_env = taskwarrior.prepare(folder, rows, calendar, now)
    times = disk.status(followup_command(), sys.executable, db, env, args.repeats, task_env)
    result.status_app, result.status_floor = times.status, times.floor
    result.status_short, result.status_cold = times.short, times.cold
    result.task_next, result.task_count = times.task_next, times.task_count
    return result


def _progress(size: int) -> Callable[[str], None]:
    started = time.perf_counter()

    def say(what: str) -> None:
        print(f"[{size:>6,}] {time.perf_counter() - started:6.1f}s  {what}", file=sys.stderr)

    return say


def header(args: argparse.Namespace) -> str:
    """What the table was measured on."""
    cpus = os.cpu_count()
    return (
        f"{platform.system()} {platform.release()}, {cpus} CPUs, Python "
        f"{platform.python_version()}; terminal {COLUMNS}x{LINES} (pty, xterm-256color); "
        f"{args.starts} starts and {args.repeats} processes per side, {args.moves} moves, "
        f"{args.saves} saves per side; medians."
    )


def compile_package() -> None:
    """Byte-compile followup as ``pip install`` does, so that no measured run pays for it.

    From a source checkout with ``PYTHONDONTWRITEBYTECODE`` set, every run would otherwise
    recompile the package (~15 ms), a cost no installed copy has.
    """
    import compileall

    import followup_tui

    compileall.compile_dir(Path(followup_tui.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    args = parse_args(argv)
    compile_package()
    folder = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    now = datetime.now(UTC).replace(microsecond=0)
    results = []
    try:
        for size in args.sizes:
            work = folder / str(size)
            work.mkdir()
            results.append(measure_size(size, work, args, now))
    finally:
        if args.keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(header(args))
    print()
    print(markdown(results))
    notes = sorted({note for r in results if r.keys for note in r.keys.notes})
    for note in notes:
        print(f"\nnote: {note}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
