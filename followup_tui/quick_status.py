"""``followup status`` answered from the standings cache before the rest of the package is
imported: the shell-prompt case, where starting Python and importing the command line
cost more than the answer.

Only the plain forms are answered here (``status``, ``--short``, ``--json``, ``--all``,
on the data file of ``FOLLOWUP_DB`` or the default one), and only when the cache fits exactly as
the full path would check it (``standings_head``), its settings facts included. Any doubt
— no cache, a stale one, other arguments, a sync conflict copy to mention (even for the
one line of ``--short``: the notice on standard error is the same either way), an
unreadable or damaged file — returns None, and the full command line answers as ever: it
stays the one source of truth, and prints the same bytes.
"""

from __future__ import annotations

import os
import sys
import time

from followup_tui import standings_head, status_text
from followup_tui.sync_conflicts import is_conflict_copy

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime
    from typing import Any

_FLAGS = {"--json": "json", "--short": "short", "--all": "all"}


def status(argv: Sequence[str], environ: Mapping[str, str], *, tty: bool) -> str | None:
    """What ``followup ARGV`` prints (newline included) when it is a status the standings
    cache answers; None otherwise. ``tty``: whether standard output is a terminal."""
    if not argv or argv[0] != "status" or any(arg not in _FLAGS for arg in argv[1:]):
        return None
    flags = {_FLAGS[arg] for arg in argv[1:]}
    instant = _now(environ)
    if instant is None:
        return None
    now_us, pinned = instant
    data_path = _data_path(environ)
    data_file = os.path.realpath(data_path)
    identity = standings_head.file_identity(data_file)
    if identity is None:
        return None
    expected = standings_head.code_and_file_key(identity)

    def fits(head: dict[str, Any]) -> bool:
        key, recorded = head.get("key"), head.get("settings")
        if not isinstance(key, dict) or not isinstance(recorded, list):
            return False
        if any(key.get(name) != value for name, value in expected.items()):
            return False
        _, settings_file, _, _, holidays = recorded
        holidays_file = None if holidays is None else holidays[0]
        try:
            facts, _ = standings_head.settings_facts(settings_file, holidays_file, environ)
        except OSError:  # unreadable, or not a regular file: the full path says which
            return False
        return bool(facts == recorded)

    if _conflict_copy_beside(data_path):
        return None  # the full path names it, whatever the form
    try:
        if "json" not in flags and "short" in flags:
            found = standings_head.read(data_file, now_us, fits, None)
            if found is None:
                return None
            return status_text.short_line(*standings_head.short_counts(found[0], now_us)) + "\n"
        if "json" in flags:
            import json  # only here: it imports re, which costs as much again as the rest

            found = standings_head.read(data_file, now_us, fits, "json", json.loads)
            if found is None:
                return None
            rows = []
            for is_open, template, fields in found[1]:
                if is_open or "all" in flags:
                    fields["countdown"] = standings_head.countdown(template, now_us)
                    rows.append(fields)
            now = _wall_instant(now_us) if pinned is None else pinned
            return status_text.inert_json(status_text.json_document(now, rows)) + "\n"
        found = standings_head.read(data_file, now_us, fits, "table", standings_head.decode_table)
        if found is None:
            return None
        colour = status_text.use_colour(tty)
        everything = "all" in flags
        lines = [
            status_text.table_line(
                cells, standings_head.row_countdown(before, anchor, after, now_us), colour=colour
            )
            for is_open, before, anchor, after, *cells in found[1]
            if is_open or everything
        ]
        return status_text.table(lines, colour=colour) + "\n"
    except standings_head.DAMAGE:
        return None


def _data_path(environ: Mapping[str, str]) -> str:
    """The data file as ``cli`` names it (``paths.default_db_path``), its ``~`` expanded;
    the platform's data folder is looked up only when ``FOLLOWUP_DB`` doesn't name it (that
    costs more imports than all the rest)."""
    named = environ.get("FOLLOWUP_DB", "").strip()
    if not named:
        from followup_tui.paths import default_db_path

        named = str(default_db_path(environ))
    return os.path.expanduser(named)


def _conflict_copy_beside(data_path: str) -> bool:
    """True when a sync conflict copy lies beside the data file (the full path names it),
    or the folder can't be scanned to tell."""
    folder, name = os.path.split(os.path.abspath(data_path))
    try:
        with os.scandir(folder) as entries:
            return any(is_conflict_copy(entry.name, name) for entry in entries)
    except OSError:
        return True


def _now(environ: Mapping[str, str]) -> tuple[int, datetime | None] | None:
    """The instant ``clock.clock_from_env`` gives, in microseconds since the epoch, when it
    is the wall clock or pinned to an instant with an offset (anything else is the full
    path's to read, or refuse); with the pinned instant itself, None for the wall clock.

    The wall clock is read as ``time`` has it, without importing ``datetime``: the cache's
    instants are integers, and so is this one.
    """
    text = environ.get("FOLLOWUP_NOW", "").strip()
    if not text:
        return time.time_ns() // 1_000, None
    from datetime import datetime

    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        return None
    return standings_head.micros(value), value


def _wall_instant(now_us: int) -> datetime:
    """The wall clock's instant ``now_us`` as ``clock.SystemClock`` gives it (UTC)."""
    from datetime import UTC, datetime, timedelta

    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=now_us)


def reader_gone() -> int:
    """After standard output's reader went away (``followup status | head -1``): point it
    at nothing, so the flush at exit can't complain either; the exit code a shell reports
    for a process ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def main(argv: Sequence[str]) -> int | None:
    """Print the status ``argv`` asks for if the cache answers it; its exit code, or None
    for the full command line to run. With standard output closed (``>&-``) neither path
    could print a thing: one line on standard error says so instead, for both."""
    if sys.stdout is None:
        if sys.stderr is not None:
            sys.stderr.write("followup: standard output is closed\n")
        return 2
    text = status(argv, os.environ, tty=sys.stdout.isatty())
    if text is None:
        return None
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        return reader_gone()
    return 0
