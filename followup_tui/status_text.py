"""The text of ``followup status``, from pieces: one source for the report, which makes the
pieces from the board, and for the quick path, which reads them from the standings cache.

Nothing heavy is imported here (``terminal_text`` only when a text needs it): the quick path
must cost less than the imports it saves.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime
    from typing import Any

NO_ROWS = "No open interviews."
"""What the table says when there is nothing to show."""
_HEADER = f"{'COMPANY':<20} {'ROLE':<24} {'STATUS':<15} {'NEXT':<34} WHEN"


def use_colour(stream_is_tty: bool) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set."""
    return stream_is_tty and not os.environ.get("NO_COLOR")


def plain(text: str) -> str:
    """Text safe to print in the table: control characters (escape codes included) made
    visible."""
    if text.isprintable():  # as made_safe says, without importing it for every status
        return text
    from followup_tui.terminal_text import SHELL_TABLE, made_safe

    return made_safe(text, SHELL_TABLE)


def table_line(cells: Sequence[str], countdown: str, *, colour: bool) -> str:
    """One row of the table from its cells (as ``report.table_cells`` makes them: names,
    badge, badge colour, next action) and its countdown."""
    left, badge, code, right = cells
    if colour:
        badge = f"\x1b[{code}m{badge}\x1b[0m"
    return f"{left} {badge} {right} {countdown}"


def table(lines: Sequence[str], *, colour: bool) -> str:
    """The table of ``lines`` (from :func:`table_line`) under its header."""
    if not lines:
        return NO_ROWS
    header = f"\x1b[1m{_HEADER}\x1b[0m" if colour else _HEADER
    return "\n".join([header, *lines])


def short_line(offers: int, due: int, overdue: int, step: str | None) -> str:
    """The one line of ``status --short`` from its counts and the next step of the first
    open row with an action (``core.board.next_step``), if any."""
    parts = [f"{offers} offer" + ("s" if offers > 1 else "")] if offers else []
    parts.append(f"{due} due")
    if overdue:
        parts.append(f"{overdue} overdue")
    if step is not None:
        parts.append(f"next: {plain(step)}")
    return " · ".join(parts)


def json_document(now: datetime, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``status --json`` document (a public contract: see the README) from its rows
    (as ``report.json_fields`` makes them)."""
    return {"now": now.isoformat(), "interviews": rows}


def inert_json(document: object) -> str:
    """``document`` as JSON that is safe to print, and reads back as the same data.

    Non-ASCII text stays readable, but what ``json`` leaves raw and a terminal would act
    on (DEL, C1 controls, separators, bidi controls) is written as ``\\uNNNN``.
    """
    import json

    from followup_tui.terminal_text import JSON, made_safe

    return made_safe(json.dumps(document, ensure_ascii=False, indent=2), JSON)
