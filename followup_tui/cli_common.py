"""What every command of the ``followup`` command line shares: its one error, the data
file it names, and text made safe to print.

Kept light (no argparse, no storage at import) so that ``followup status`` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from followup_tui.storage.store import Store


class CliError(Exception):
    """A problem to report in one line, with exit code 2."""


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


def db_path(args: argparse.Namespace) -> Path:
    """The data file the command line names (``--db``), else the default one."""
    from followup_tui.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def open_store(path: Path, *, read_only: bool) -> Store:
    """The store at ``path``; a problem with it is a :class:`CliError`."""
    from followup_tui.storage.store import Store, StoreError

    try:
        return Store.open(path, read_only=read_only)
    except StoreError as exc:
        raise CliError(str(exc)) from None
