"""The ``followup`` command's argument parser: every subcommand, its options and its help.

Kept apart from :mod:`followup_tui.cli` so that opening the app, which needs none of it,
neither imports argparse nor builds its few hundred objects.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from followup_tui import __version__


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own help layout, for the same terminal width, learnt without importing
    ``shutil`` (argparse would, for every parser, slowing ``followup status``)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_columns() - 2)  # argparse's own margin


def _terminal_columns() -> int:
    """What ``shutil.get_terminal_size().columns`` says, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    """An argument parser (and its subcommands' parsers) using :class:`_HelpFormatter`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_HelpFormatter, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``followup`` command."""
    parser = _Parser(
        prog="followup",
        description="Know when to follow up after a job interview, and what to say.",
        epilog="With no command, opens the app on your data file.",
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="data file to use (default: $FOLLOWUP_DB or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("demo", help="open the app on a fresh copy of the demo data")
    status = sub.add_parser("status", help="what is owed to whom, and when")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.add_argument("--all", action="store_true", help="include closed and archived interviews")
    status.add_argument("--short", action="store_true", help="one line, for a shell prompt")
    status.add_argument("--demo", action="store_true", help="the demo interviews instead of yours")
    imp = sub.add_parser(
        "import", help="add interviews from an interchange file or a spreadsheet (CSV)"
    )
    imp.add_argument("file", type=Path, help="a followup interchange JSON file, or a .csv file")
    imp.add_argument("--csv", action="store_true", help="read the file as CSV, whatever its name")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="CSV: read FIELD (company, role, date, time, interviewer, email, stage, notes, "
        "link) from COLUMN",
    )
    order = imp.add_mutually_exclusive_group()
    order.add_argument("--day-first", action="store_true", help="CSV: 03/11/2026 is 3 November")
    order.add_argument("--month-first", action="store_true", help="CSV: 03/11/2026 is 11 March")
    imp.add_argument(
        "--dry-run", action="store_true", help="CSV: show what would be imported, write nothing"
    )
    exp = sub.add_parser(
        "export", help="write every interview as an interchange file, or the steps as a calendar"
    )
    exp.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="file to write (default: stdout)"
    )
    exp.add_argument(
        "--ics",
        action="store_true",
        help="an iCalendar file of every step owed or coming, with reminders",
    )
    remind = sub.add_parser(
        "remind", help="announce each step that has newly fallen due (for a timer or cron)"
    )
    remind.add_argument(
        "--print", action="store_true", help="print instead of showing desktop notifications"
    )
    tone = sub.add_parser(
        "tone",
        help="check a draft's tone (stdin or FILE); exit 1 when something is flagged",
    )
    tone.add_argument("file", nargs="?", default="-", help="the draft (default: stdin)")
    tone.add_argument("--interview", metavar="ID", help="check it against this interview")
    tone.add_argument("--step", metavar="STEP", help="what it is for: thank_you, check_in, …")
    tone.add_argument("--to", metavar="NAME", help="the person it goes to")
    tone.add_argument("--json", action="store_true", help="machine-readable output")
    comp = sub.add_parser("compose", help="print the message the composer would open with")
    comp.add_argument("interview", metavar="ID", help="the interview (its id, or a prefix)")
    comp.add_argument("--step", metavar="STEP", help="another step than the most urgent one")
    comp.add_argument("--to", metavar="NAME", help="another interviewer")
    comp.add_argument("--wording", metavar="NAME", help="warm, formal, short, call, …")
    merge = sub.add_parser(
        "merge", help="fold a sync conflict copy (or an export) into the data file"
    )
    merge.add_argument("file", type=Path, help="the conflict copy, or an interchange JSON file")
    sub.add_parser("paths", help="where the data, backup and settings files are")
    shells = sub.add_parser("completion", help="print a tab-completion script for your shell")
    shells.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell it is for")
    sub.add_parser("man", help="print the manual page (roff), e.g. for ~/.local/share/man/man1")
    serve = sub.add_parser(
        "serve", help="open the app in a browser tab instead (this machine only)"
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port on 127.0.0.1 to serve on (default: 8000)"
    )
    return parser
