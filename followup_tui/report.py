"""What ``followup status`` prints: a table, one short line, or JSON. No Textual here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from followup_tui import status_text
from followup_tui.core.standing import Standing, Status
from followup_tui.status_text import json_document, short_line, table_line
from followup_tui.status_text import plain as plain  # the table's rule, used elsewhere too
from followup_tui.status_text import use_colour as use_colour

if TYPE_CHECKING:  # typing only: a Protocol class costs its creation at every start
    from typing import Protocol

    from followup_tui.core.board import Row

    class Named(Protocol):
        """What is printed of an interview."""

        @property
        def id(self) -> str:
            """The interview's id."""

        @property
        def company(self) -> str:
            """The company."""

        @property
        def role(self) -> str:
            """The role."""

    class Shown(Protocol):
        """A row as printed: a board row, or one given back by the standings cache."""

        @property
        def interview(self) -> Named:
            """The interview's names."""

        @property
        def standing(self) -> Standing:
            """Its standing."""

        @property
        def is_open(self) -> bool:
            """True until the interview is closed, offered or archived."""


_COLOURS = {
    Status.OVERDUE: "1;31",
    Status.THANK_YOU_DUE: "1;33",
    Status.FOLLOW_UP_DUE: "1;33",
    Status.THANK_YOU_LATE: "33",
    Status.MOVE_ON: "35",
    Status.SEND_THANKS: "35",
    Status.WAITING: "36",
    Status.UPCOMING: "34",
    Status.OFFER: "1;32",
    Status.CLOSED: "2",
}


def table_cells(row: Shown) -> tuple[str, str, str, str]:
    """The row's cells in the table, all but its countdown: company and role, badge, the
    badge's colour (an SGR code) and next action (see ``status_text.table_line``)."""
    s = row.standing
    action = s.actions[0].label if s.actions else (s.reason or "")
    if len(s.actions) > 1:
        action += f" (+{len(s.actions) - 1})"
    names = row.interview
    left = f"{_clip(plain(names.company), 20):<20} {_clip(plain(names.role), 24):<24}"
    return left, f"{s.status.label:<15}", _COLOURS[s.status], f"{_clip(plain(action), 34):<34}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[Shown], *, colour: bool) -> str:
    """A compact table: company, role, badge, next action, countdown."""
    lines = [table_line(table_cells(r), r.standing.countdown, colour=colour) for r in rows]
    return status_text.table(lines, colour=colour)


def short(rows: Sequence[Shown]) -> str:
    """One line for a shell prompt: "2 due · 1 overdue · next: Acme: thank-you (5h left)"."""
    # The rules are imported here, not above: the standings cache prints this line without.
    from followup_tui.core.board import DUE_NOW, next_step

    open_rows = [r for r in rows if r.is_open]
    due = sum(1 for r in open_rows if r.standing.status in DUE_NOW)
    overdue = sum(1 for r in open_rows if r.standing.status is Status.OVERDUE)
    offers = sum(1 for r in open_rows if r.standing.status is Status.OFFER)
    first = next((r for r in open_rows if r.standing.actions), None)
    # next_step reads only the company and the standing, which every shown row has.
    step = None if first is None else next_step(cast("Row", first))
    return short_line(offers, due, overdue, step)


def json_fields(row: Shown) -> dict[str, Any]:
    """The row in the ``status --json`` document."""
    s = row.standing
    return {
        "id": row.interview.id,
        "company": row.interview.company,
        "role": row.interview.role,
        "status": s.status.value,
        "actions": [a.label for a in s.actions],
        "due": _stamp(s.due),
        "overdue_after": _stamp(s.overdue_after),
        "countdown": s.countdown,
    }


def _stamp(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(rows: Sequence[Shown], now: datetime) -> dict[str, Any]:
    """The ``status --json`` document (a public contract: see the README)."""
    return json_document(now, [json_fields(r) for r in rows])
