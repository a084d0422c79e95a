"""One interview for every way an interview closes, on the standard board's pinned day.

Each entry is the closed interview (its id is its reason, dashed), and any rounds after it.
"""

from __future__ import annotations

from followup_tui.core.model import Event, EventKind, Interview, Outcome
from tests.support.board import at, make, thanked

START = at(10, 20)
"""Tue 20 Oct 2026, 10:00: two weeks before the pinned now."""


def _closed(reason: str, *events: Event, **fields: object) -> Interview:
    return make(
        "Acme",
        START,
        id=reason.replace(",", "").replace(" ", "-"),
        events=(*thanked(START), *events),
        **fields,
    )


def _reply(outcome: Outcome) -> Event:
    return Event(EventKind.REPLY, at(10, 27), outcome=outcome)


_ASKED = (
    Event(EventKind.CHECK_IN_SENT, at(10, 27)),
    Event(EventKind.CHECK_IN_SENT, at(11, 3)),
    Event(EventKind.CLOSING_NOTE_SENT, at(11, 4, 9)),
)

CLOSED: dict[str, tuple[Interview, ...]] = {
    "advanced": (
        _closed("advanced", _reply(Outcome.NEXT_ROUND)),
        make("Acme", at(11, 10), id="acme-onsite", round="onsite", follows="advanced"),
    ),
    "withdrew": (_closed("withdrew", Event(EventKind.WITHDREW, at(10, 28))),),
    "no response": (_closed("no response", *_ASKED),),
    "no response, kept warm": (
        _closed(
            "no response, kept warm",
            *_ASKED[:2],
            Event(EventKind.KEEP_WARM_CHOSEN, at(11, 3, 12)),
            *(Event(EventKind.KEEP_WARM_SENT, at(11, 3, 13 + n)) for n in range(3)),
            _ASKED[2],
        ),
    ),
    "thanked after rejection": (
        _closed(
            "thanked after rejection",
            _reply(Outcome.REJECTED),
            Event(EventKind.THANKS_SENT, at(10, 28)),
        ),
    ),
    "offer accepted": (
        _closed(
            "offer accepted", _reply(Outcome.OFFER), Event(EventKind.OFFER_ACCEPTED, at(10, 28))
        ),
    ),
    "offer declined": (
        _closed(
            "offer declined", _reply(Outcome.OFFER), Event(EventKind.OFFER_DECLINED, at(10, 28))
        ),
    ),
    "archived": (_closed("archived", archived=True),),
}
"""Every closed outcome (DOMAIN.md, the statuses table, and archiving), by name."""
