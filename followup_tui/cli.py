"""The ``followup`` command: the app, the demo, and quick checks from the shell.

Here: reading the command line, running the command it names, and turning every failure
into one line and an exit code. The commands live by what they do: ``cli_status``,
``cli_data`` (import, export, merge), ``cli_messages`` (compose, tone) and ``cli_shell``
(completion, man); opening the app stays here, the one module that imports it.

Heavy imports (Textual above all) happen inside the commands that need them, so that
``followup status`` stays quick.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from followup_tui import cli_data, cli_messages, cli_shell, cli_status, collector
from followup_tui.cli_common import CliError, db_path, inert, inert_json, open_store
from followup_tui.clock import Clock, ClockError, clock_from_env
from followup_tui.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    import argparse

    from followup_tui.app.early import EarlyStart
    from followup_tui.storage.store import Store

__all__ = ["CliError", "build_parser", "inert", "inert_json", "main", "parse_args"]


APP_COMMANDS = (None, "demo")
"""The commands that open the app (``followup`` and ``followup demo``, as
:func:`parse_args` reads them without argparse)."""
DEMO_NAME = "Alex Morgan"
"""Who the demo's messages are signed by, when the user has set no name."""
DEMO_HIGHLIGHT = "last year I rebuilt our reporting pipeline and cut its run time by two thirds"
"""The demo's one-line highlight, when the user has set none."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``followup`` command."""
    from followup_tui.cli_parser import build_parser as build

    return build()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """``argv`` read as ``build_parser().parse_args`` reads it (help and errors included).

    Opening the app (``followup``, ``followup demo``, either after ``--db PATH``) is read
    here without argparse: building the whole parser is most of the command line's cost,
    and the app's first frame waits for it.
    """
    args = list(argv)
    db: Path | None = None
    if args[:1] == ["--db"] and len(args) >= 2 and not args[1].startswith("-"):
        db, args = Path(args[1]), args[2:]
    elif args[:1] and args[0].startswith("--db="):
        db, args = Path(args[0].removeprefix("--db=")), args[1:]
    if args in ([], ["demo"]):
        from types import SimpleNamespace

        # argparse's Namespace is a plain attribute holder too; this one needs no argparse.
        return cast("argparse.Namespace", SimpleNamespace(db=db, command=args[0] if args else None))
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # Opening the app: no collection until its first frame (FollowupApp.on_ready).
    with collector.paused(args.command in APP_COMMANDS):
        try:
            clock = clock_from_env()
            settings = load_settings()
            handler = _COMMANDS[_command_of(args)]
            code = handler(args, settings, clock)
            sys.stdout.flush()  # a closed pipe is met here, where it can end quietly
            return code
        except (CliError, ClockError, SettingsError) as exc:
            print(f"followup: {inert(str(exc))}", file=sys.stderr)  # it may quote a record
            return 2
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            from followup_tui.quick_status import reader_gone

            return reader_gone()
        except Exception as exc:  # the last guard: never a traceback full of user data
            from followup_tui.crashlog import record_crash

            where = record_crash(exc)
            print(
                f"followup: unexpected error ({type(exc).__name__}); details in {where}",
                file=sys.stderr,
            )
            return 1


def cmd_paths(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Show where everything lives."""
    from followup_tui import paths

    path = db_path(args)
    print(f"data file:  {path}")
    print(f"backup:     {paths.backup_path_for(path)}")
    print(f"settings:   {paths.settings_path()}")
    print(f"crash log:  {paths.crash_log_path()}")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Open the app on a fresh temporary copy of the demo data, removed when it ends."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="followup-demo-"))
    try:
        return _demo(args, settings, clock, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _demo(args: argparse.Namespace, settings: Settings, clock: Clock, folder: Path) -> int:
    from followup_tui.demo import load_demo
    from followup_tui.storage.store import Store

    # The demo signs as a made-up person unless the user has set their own name.
    settings = replace(
        settings,
        name=settings.name or DEMO_NAME,
        highlight=settings.highlight or DEMO_HIGHLIGHT,
    )
    store = Store.open(folder / "demo.json")
    store.import_interviews(load_demo(clock.now(), settings.calendar()))
    if not _interactive():
        store.close()
        print("followup demo: not a terminal, so here is `followup status` instead of the app\n")
        args.db, args.json, args.short, args.all = folder / "demo.json", False, False, False
        return cli_status.cmd_status(args, settings, clock)
    return _run_app(store, settings, clock)


def cmd_app(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Open the app on the user's data file (read-only if another window has it)."""
    path = db_path(args)
    if not _interactive() and not _in_browser():
        raise CliError("the app needs a terminal; try `followup status` or `followup --help`")
    from followup_tui.app.early import early_start
    from followup_tui.cli_status import cache_key

    early = early_start(path, settings, clock.now(), cache_key)
    if early is not None:  # the first frame from the standings cache; the file read after it
        return _run_app(None, settings, clock, early=early)
    from followup_tui.storage.store import StoreLocked

    try:
        store = _open_writer(path)
    except StoreLocked as exc:
        print(f"followup: {exc}\nOpening read-only.", file=sys.stderr)
        store = open_store(path, read_only=True)
    return _run_app(store, settings, clock)


def _open_writer(path: Path) -> Store:
    from followup_tui.storage.store import Store, StoreError, StoreLocked

    try:
        return Store.open(path)
    except StoreLocked:
        raise
    except StoreError as exc:
        raise CliError(str(exc)) from None


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _in_browser() -> bool:
    """True when ``followup serve`` started this app for a browser tab."""
    from followup_tui.serve import WEB_DRIVER

    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def _run_app(
    store: Store | None, settings: Settings, clock: Clock, *, early: EarlyStart | None = None
) -> int:
    from followup_tui.app.app import FollowupApp

    app = FollowupApp(store, settings, clock, early=early)
    try:
        app.run()
    finally:
        opened: Store | None = getattr(app, "store", None)  # an early start's, if any yet
        if opened is not None:
            opened.close()
    if app.open_error is not None:
        raise CliError(str(app.open_error))
    code = app.return_code or 0  # 1 after a crash, 128 + N after stop signal N
    if code == 0 and opened is not None and opened.saved_here:
        from followup_tui.cli_status import keep_cache_for_next_time

        keep_cache_for_next_time(opened.path, settings, clock.now())
    return code


def _command_of(args: argparse.Namespace) -> str:
    """Which entry of the command table runs: a subcommand, or one of its variants."""
    command: str = args.command or "app"
    if command == "export" and args.ics:
        return "export-ics"
    if command == "import":
        if args.csv or Path(args.file).suffix.lower() == ".csv":
            return "import-csv"
        if args.map or args.day_first or args.month_first or args.dry_run:
            raise CliError(
                "--map, --day-first, --month-first and --dry-run are for CSV (add --csv)"
            )
    return command


def _remind(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import remind
    from followup_tui.core.agenda import agenda

    path = db_path(args)
    now = clock.now()
    entries = agenda(
        open_store(path, read_only=True).interviews(), settings.policy, now, settings.calendar()
    )
    channels = () if args.print else remind.CHANNELS
    try:
        remind.remind(entries, path, now, settings.zone(), channels=channels)
    except BrokenPipeError:
        raise  # the reader of standard output went away, not the state file: main ends quietly
    except OSError as exc:
        raise CliError(f"{remind.state_path(path)}: can't be written ({exc.strerror})") from None
    return 0


def _serve(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import serve

    path = db_path(args)
    open_store(path, read_only=True).close()  # a data file that can't be read is said here, once
    try:
        serve.serve(path.absolute(), args.port)
    except OSError as exc:
        raise CliError(f"can't serve on {serve.HOST}:{args.port} ({exc.strerror or exc})") from None
    return 0


_COMMANDS = {
    "app": cmd_app,
    "demo": cmd_demo,
    "status": cli_status.cmd_status,
    "import": cli_data.cmd_import,
    "export": cli_data.cmd_export,
    "export-ics": cli_data.cmd_export_ics,
    "import-csv": cli_data.cmd_import_csv,
    "remind": _remind,
    "paths": cmd_paths,
    "tone": cli_messages.cmd_tone,
    "compose": cli_messages.cmd_compose,
    "merge": cli_data.cmd_merge,
    "completion": cli_shell.cmd_completion,
    "man": cli_shell.cmd_man,
    "serve": _serve,
}
