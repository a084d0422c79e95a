"""The commands that move data in and out: ``followup import`` (interchange file or CSV),
``followup export`` (interchange file or calendar) and ``followup merge`` (a sync conflict
copy folded in)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.cli_common import CliError, db_path, inert, inert_json, open_store

if TYPE_CHECKING:
    import argparse

    from followup_tui.clock import Clock
    from followup_tui.settings import Settings
    from followup_tui.storage.store import Store


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
    store = open_store(db_path(args), read_only=False)
    try:
        count = store.import_interviews(interviews)
    except StoreError as exc:
        raise CliError(f"{args.file}: nothing was imported: {_one_line(str(exc))}") from None
    finally:
        store.close()
    _say_notices(store)
    print(f"Imported {count} interview{'s' if count != 1 else ''} into {store.path}.")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Write every interview in the interchange format."""
    from followup_tui.core.codec import interviews_to_document

    store = open_store(db_path(args), read_only=True)
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


def cmd_export_ics(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Write the steps of every interview as an iCalendar file (or to stdout)."""
    from followup_tui import ics

    store = open_store(db_path(args), read_only=True)
    try:
        count = ics.export(store.interviews(), args.output, settings, clock)
    except ics.ExportError as exc:
        raise CliError(str(exc)) from None
    if args.output is not None:
        print(f"Wrote {count} step{'s' if count != 1 else ''} to {args.output}.", file=sys.stderr)
    return 0


def cmd_import_csv(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Add the interviews of a spreadsheet (CSV), or only say what it would add."""
    from followup_tui import spreadsheet

    store = open_store(db_path(args), read_only=args.dry_run)
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
    store = open_store(db_path(args), read_only=False)
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
    print(f"Nothing from either file was lost; {args.file} may now be deleted.")
    return 0


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
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
