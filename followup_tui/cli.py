"""The ``followup`` command: the app, the demo, and quick checks from the shell.

Heavy imports (Textual above all) happen inside the commands that need them, so that
``followup status`` stays quick.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from followup_tui import __version__
from followup_tui.clock import Clock, ClockError, clock_from_env
from followup_tui.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from followup_tui.core.board import Row
    from followup_tui.standings_cache import CachedRow, Head
    from followup_tui.storage.store import Store


DEMO_NAME = "Alex Morgan"
"""Who the demo's messages are signed by, when the user has set no name."""
DEMO_HIGHLIGHT = "last year I rebuilt our reporting pipeline and cut its run time by two thirds"
"""The demo's one-line highlight, when the user has set none."""


class CliError(Exception):
    """A problem to report in one line, with exit code 2."""


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


def inert(text: str) -> str:
    """``text`` safe to print: each character that acts on a terminal written as ``\\xNN``
    (or ``\\uNNNN``), as ``followup status`` shows them."""
    from followup_tui.terminal_text import SHELL, made_safe

    return made_safe(text, SHELL)


def inert_json(document: object) -> str:
    """``document`` as JSON that is safe to print, and reads back as the same data
    (``status_text.inert_json``)."""
    from followup_tui.status_text import inert_json as as_text

    return as_text(document)


def _db_path(args: argparse.Namespace) -> Path:
    from followup_tui.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _open(path: Path, *, read_only: bool) -> Store:
    from followup_tui.storage.store import Store, StoreError

    try:
        return Store.open(path, read_only=read_only)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def cmd_status(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Print the standings of the open interviews (or all), most urgent first."""
    # The collector would walk what was read again and again, and free none of it.
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _status(args, settings, clock)
    finally:
        if was_on:
            gc.enable()


def _status(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import report, status_text

    now = clock.now()
    rows: Sequence[report.Shown]
    if getattr(args, "demo", False):
        from followup_tui.core.board import rank
        from followup_tui.demo import load_demo

        calendar = settings.calendar()
        rows = rank(load_demo(now, calendar), settings.policy, now, calendar)
    else:
        path = Path(os.path.realpath(_db_path(args).expanduser()))
        cache = _StandingsCache(path, settings, now)
        head = cache.head() if args.short and not args.json else None
        if head is not None:  # the head alone answers: no row is read
            print(status_text.short_line(head.offers, head.due, head.overdue, head.next))
            return 0
        rows = cache.rows()
    if not args.all:
        rows = [r for r in rows if r.is_open]
    if args.json:
        print(inert_json(report.as_json(rows, now)))
    elif args.short:
        print(report.short(rows))
    else:
        print(report.table(rows, colour=report.use_colour(sys.stdout.isatty())))
    if not getattr(args, "demo", False):
        _say_conflict_copies(_db_path(args))
    return 0


def _say_conflict_copies(path: Path) -> None:
    """A line on stderr for each sync conflict copy beside the data file."""
    import shlex

    from followup_tui.paths import conflict_copies

    for copy in conflict_copies(path.absolute()):
        print(
            f"followup: a sync conflict copy lies beside the data file: {inert(copy.name)}; "
            f"fold it in with: followup merge {inert(shlex.quote(str(copy)))}",
            file=sys.stderr,
        )


def cmd_merge(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Fold a sync conflict copy (or an interchange file) into the data file, losing
    nothing from either, and say what it took in."""
    from followup_tui.core.codec import CodecError, document_to_interviews
    from followup_tui.storage.datafile import version_in
    from followup_tui.storage.jsonfile import read_bounded
    from followup_tui.storage.store import StoreError

    document = _read_json(args.file, "merged")
    try:
        if isinstance(document, dict) and "format" in document:
            other = {i.id: i for i in document_to_interviews(document)}
        else:
            other = version_in(read_bounded(Path(args.file)))
    except (CodecError, ValueError) as exc:
        raise CliError(f"{args.file}: {exc}; nothing was merged") from None
    store = _open(_db_path(args), read_only=False)
    try:
        newer = _mtime(Path(args.file)) > _mtime(store.path)
        before = {i.id: i.company for i in store.interviews()}
        merged = store.merge_in(other, other_is_newer=newer, at=clock.now())
    except StoreError as exc:
        raise CliError(f"{args.file}: nothing was merged: {_one_line(str(exc))}") from None
    finally:
        store.close()
    _say_notices(store)
    if not merged.added and not merged.changed:
        print(f"{args.file} holds nothing {store.path} lacks; nothing to merge.")
        return 0
    names = ", ".join(inert(other[i].company) for i in merged.added)
    print(f"Merged {args.file} into {store.path}: {inert(merged.summary())}.")
    if names:
        print(f"Added: {names}.")
    changed = ", ".join(inert(before[i]) for i in merged.changed if i in before)
    if changed:
        print(f"Changed: {changed}.")
    print(f"Nothing was lost from either; {args.file} may now be deleted.")
    return 0


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


class _StandingsCache:
    """The board of the data file at one instant: from the standings cache when it holds,
    else computed (and the cache written for next time)."""

    def __init__(self, path: Path, settings: Settings, now: datetime) -> None:
        from followup_tui import standings_cache

        self._cache = standings_cache
        self._path = path
        self._settings = settings
        self._now = now
        self._identity = standings_cache.file_identity(path)
        self._key = None if self._identity is None else _cache_key(self._identity, settings)

    def head(self) -> Head | None:
        """The counts and next step of ``status --short``, if the cache holds them."""
        if self._key is None:
            return None
        head = self._cache.load_head(self._path, self._key, self._now)
        if head is not None:
            self._restamp()
        return head

    def rows(self) -> Sequence[CachedRow | Row]:
        """Every row of the board, in board order."""
        if self._key is not None:
            cached = self._cache.load_rows(self._path, self._key, self._now)
            if cached is not None:
                self._restamp()
                return cached
        from followup_tui.core.board import rank, standing_of

        settings, now, path = self._settings, self._now, self._path
        calendar = settings.calendar()
        rows = rank(_open(path, read_only=True).interviews(), settings.policy, now, calendar)
        # Only what was read is cached: a file changed meanwhile is left for the next run.
        if self._key is not None and self._cache.file_identity(path) == self._identity:

            def countdown_at(row: Row, at: datetime) -> str:
                return standing_of(row.interview, settings.policy, at, calendar).countdown

            facts = _settings_facts(settings)
            self._cache.save(path, self._key, rows, now, calendar, countdown_at, settings=facts)
        return rows

    def _restamp(self) -> None:
        """Bring the settings facts of a cache that answered up to date, for the quick path."""
        facts = _settings_facts(self._settings)
        if facts is not None and self._key is not None:
            self._cache.restamp(self._path, self._key, facts)


def _settings_facts(settings: Settings) -> list[Any] | None:
    """What ``settings`` were read from (``standings_head.settings_facts``), for the quick
    path to check instead of reading them; None unless the settings file there now gives
    exactly ``settings`` (not so when a test passes its own, or the file changed since)."""
    from followup_tui.paths import settings_path
    from followup_tui.settings import settings_from
    from followup_tui.standings_head import settings_facts

    holidays_file = None
    if settings.country:
        # Found, not imported: a cache that answered has not needed the holidays yet.
        from importlib.util import find_spec

        spec = find_spec("holidays")
        holidays_file = None if spec is None else spec.origin
        if holidays_file is None:
            return None
    path = str(settings_path())
    try:
        facts, raw = settings_facts(path, holidays_file, os.environ)
        if settings_from(raw, path) != settings:
            return None
    except (OSError, SettingsError):
        return None
    return facts


def _cache_key(identity: list[object], settings: Settings) -> dict[str, Any] | None:
    """The standings cache's key, or None when the zone has no name to key it on."""
    from followup_tui import standings_cache as cache

    zone = getattr(settings.zone(), "key", None)
    if not isinstance(zone, str):
        return None
    country = settings.country
    if country:  # a newer holidays package may know more holidays
        from importlib.metadata import version

        country = f"{country} (holidays {version('holidays')})"
    return cache.make_key(identity, settings.policy, zone, country)


def cmd_import(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Validate a whole interchange file, then add it in one save (or nothing at all)."""
    from followup_tui.core.codec import CodecError, document_to_interviews
    from followup_tui.storage.store import StoreError

    document = _read_json(args.file, "imported")
    try:
        interviews = document_to_interviews(document)
    except CodecError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    except RecursionError:
        raise CliError(f"{args.file}: nested too deeply; nothing was imported") from None
    store = _open(_db_path(args), read_only=False)
    try:
        count = store.import_interviews(interviews)
    except StoreError as exc:
        raise CliError(f"{args.file}: nothing was imported: {_one_line(str(exc))}") from None
    finally:
        store.close()
    _say_notices(store)
    print(f"Imported {count} interview{'s' if count != 1 else ''} into {store.path}.")
    return 0


def _read_json(file: str, what: str) -> object:
    """The JSON document in ``file``; any problem is one line naming the file."""
    from followup_tui.storage import jsonfile

    try:
        return jsonfile.loads(jsonfile.read_bounded(Path(file)))
    except OSError as exc:
        raise CliError(f"{file}: can't be read ({exc.strerror}); nothing was {what}") from None
    except jsonfile.JsonFileError as exc:
        raise CliError(f"{file}: {exc}; nothing was {what}") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _say_notices(store: Store) -> None:
    """Tell the user what the store merged from another program's change, if anything."""
    for notice in store.take_notices():
        print(f"followup: {inert(notice)}", file=sys.stderr)


def cmd_export(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Write every interview in the interchange format."""
    from followup_tui.core.codec import interviews_to_document

    store = _open(_db_path(args), read_only=True)
    text = inert_json(interviews_to_document(store.interviews()))
    if args.output is None:
        print(text)
        return 0
    from followup_tui.storage.atomic import write_atomic

    try:
        write_atomic(Path(args.output), (text + "\n").encode("utf-8"))
    except OSError as exc:
        raise CliError(f"{args.output}: can't be written ({exc.strerror})") from None
    print(f"Exported {len(store.interviews())} interviews to {args.output}.", file=sys.stderr)
    return 0


def cmd_paths(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Show where everything lives."""
    from followup_tui import paths

    path = _db_path(args)
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
        return cmd_status(args, settings, clock)
    return _run_app(store, settings, clock)


def cmd_app(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Open the app on the user's data file (read-only if another window has it)."""
    from followup_tui.storage.store import StoreLocked

    path = _db_path(args)
    if not _interactive() and not _in_browser():
        raise CliError("the app needs a terminal; try `followup status` or `followup --help`")
    try:
        store = _open_writer(path)
    except StoreLocked as exc:
        print(f"followup: {exc}\nOpening read-only.", file=sys.stderr)
        store = _open(path, read_only=True)
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


def _run_app(store: Store, settings: Settings, clock: Clock) -> int:
    from followup_tui.app.app import FollowupApp

    app = FollowupApp(store, settings, clock)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0  # 1 after a crash, 128 + N after stop signal N


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


def _export_ics(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import ics

    store = _open(_db_path(args), read_only=True)
    try:
        count = ics.export(store.interviews(), args.output, settings, clock)
    except ics.ExportError as exc:
        raise CliError(str(exc)) from None
    if args.output is not None:
        print(f"Wrote {count} step{'s' if count != 1 else ''} to {args.output}.", file=sys.stderr)
    return 0


def _import_csv(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import spreadsheet

    store = _open(_db_path(args), read_only=args.dry_run)
    try:
        order = "day" if args.day_first else "month" if args.month_first else ""
        options = spreadsheet.Options(spreadsheet.parse_mapping(args.map), order)
        lines = spreadsheet.import_file(
            Path(args.file), store, options, clock.now(), settings.zone(), dry_run=args.dry_run
        )
    except spreadsheet.SheetError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    finally:
        store.close()
    print("\n".join(lines))
    return 0


def _remind(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import remind
    from followup_tui.core.agenda import agenda

    path = _db_path(args)
    now = clock.now()
    entries = agenda(
        _open(path, read_only=True).interviews(), settings.policy, now, settings.calendar()
    )
    channels = () if args.print else remind.CHANNELS
    try:
        remind.remind(entries, path, now, settings.zone(), channels=channels)
    except OSError as exc:
        raise CliError(f"{remind.state_path(path)}: can't be written ({exc.strerror})") from None
    return 0


def _completion(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui.shell import completion

    print(completion(build_parser(), args.shell), end="")
    return 0


def _man(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui.shell import man_page

    print(man_page(build_parser(), __version__), end="")
    return 0


def _serve(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import serve

    path = _db_path(args)
    _open(path, read_only=True).close()  # a data file that can't be read is said here, once
    try:
        serve.serve(path.absolute(), args.port)
    except OSError as exc:
        raise CliError(f"can't serve on {serve.HOST}:{args.port} ({exc.strerror or exc})") from None
    return 0


def _message(args: argparse.Namespace, settings: Settings, clock: Clock) -> Any:
    """The composition for ``args.interview`` (compose, or tone --interview)."""
    from followup_tui import messages
    from followup_tui.user_templates import load_user_templates

    now, calendar = clock.now(), settings.calendar()
    store = _open(_db_path(args), read_only=True)
    try:
        rows = messages.standings(store.interviews(), settings.policy, now, calendar)
    finally:
        store.close()
    try:
        return messages.composition(
            messages.find_row(rows, args.interview),
            settings,
            step=args.step,
            to=args.to,
            wording=getattr(args, "wording", None),
            now=now,
            calendar=calendar,
            default_policy=settings.policy,
            library=load_user_templates().library(),
        )
    except messages.MessageError as exc:
        raise CliError(str(exc)) from None


def _compose(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import messages

    print(messages.as_mail(_message(args, settings, clock)), end="")
    return 0


def _tone(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from followup_tui import messages

    if args.interview is not None:
        tone = _message(args, settings, clock).tone
    else:
        try:
            tone = messages.plain_context(args.step, args.to)
        except messages.MessageError as exc:
            raise CliError(str(exc)) from None
    text = _draft(args.file, messages.MAX_DRAFT)
    findings = messages.check(messages.Draft.read(text), tone)
    if args.json:
        print(inert_json(messages.findings_json(text, findings)))
    else:
        print(inert(messages.findings_text(findings)))
    return 1 if findings else 0


def _draft(name: str, limit: int) -> str:
    """The draft in the file ``name`` ("-": standard input), as text worth checking."""
    where = "the draft on standard input" if name == "-" else name
    try:
        source = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        with source:
            raw = source.read(limit * 4 + 1)  # UTF-8: at most four bytes a character
        text = raw.decode("utf-8")
    except OSError as exc:
        raise CliError(f"{where}: can't be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CliError(f"{where}: not UTF-8 text") from None
    if not text.strip():
        raise CliError(f"{where}: empty: nothing to check")
    if "\x00" in text:
        raise CliError(f"{where}: not text: nothing to check")
    if len(text) > limit:
        raise CliError(f"{where}: longer than {limit:,} characters: not a message")
    return text


_COMMANDS = {
    "app": cmd_app,
    "demo": cmd_demo,
    "status": cmd_status,
    "import": cmd_import,
    "export": cmd_export,
    "export-ics": _export_ics,
    "import-csv": _import_csv,
    "remind": _remind,
    "paths": cmd_paths,
    "tone": _tone,
    "compose": _compose,
    "merge": cmd_merge,
    "completion": _completion,
    "man": _man,
    "serve": _serve,
}
