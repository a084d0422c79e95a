"""What ``followup status`` prints: a table, one short line, or JSON. No Textual here."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from followup_tui.core.standing import Standing, Status

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


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[Shown], *, colour: bool) -> str:
    """A compact table: company, role, badge, next action, countdown."""
    if not rows:
        return "No open interviews."
    lines = []
    header = f"{'COMPANY':<20} {'ROLE':<24} {'STATUS':<15} {'NEXT':<34} WHEN"
    lines.append(f"\x1b[1m{header}\x1b[0m" if colour else header)
    for row in rows:
        s = row.standing
        action = s.actions[0].label if s.actions else (s.reason or "")
        if len(s.actions) > 1:
            action += f" (+{len(s.actions) - 1})"
        badge = f"{s.status.label:<15}"
        if colour:
            badge = f"\x1b[{_COLOURS[s.status]}m{badge}\x1b[0m"
        lines.append(
            f"{_clip(plain(row.interview.company), 20):<20} "
            f"{_clip(plain(row.interview.role), 24):<24} {badge} "
            f"{_clip(plain(action), 34):<34} {s.countdown}"
        )
    return "\n".join(lines)


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


def short_line(offers: int, due: int, overdue: int, step: str | None) -> str:
    """The line of :func:`short` from its counts and the next step of the first open row
    with an action (``core.board.next_step``), if any."""
    parts = [f"{offers} offer" + ("s" if offers > 1 else "")] if offers else []
    parts.append(f"{due} due")
    if overdue:
        parts.append(f"{overdue} overdue")
    if step is not None:
        parts.append(f"next: {plain(step)}")
    return " · ".join(parts)


def _stamp(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(rows: Sequence[Shown], now: datetime) -> dict[str, Any]:
    """The ``status --json`` document (a public contract: see the README)."""
    return {
        "now": now.isoformat(),
        "interviews": [
            {
                "id": r.interview.id,
                "company": r.interview.company,
                "role": r.interview.role,
                "status": r.standing.status.value,
                "actions": [a.label for a in r.standing.actions],
                "due": _stamp(r.standing.due),
                "overdue_after": _stamp(r.standing.overdue_after),
                "countdown": r.standing.countdown,
            }
            for r in rows
        ],
    }
