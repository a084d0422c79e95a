"""The session's undo history: what each change replaced, and how to say what it was."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from followup_tui.core.model import EventKind, Interview

UNDO_DEPTH = 100
"""Changes remembered for undo in one session."""

_LOGGED = {
    EventKind.THANK_YOU_SENT: "the thank-you logged for {}",
    EventKind.CHECK_IN_SENT: "the check-in logged for {}",
    EventKind.REPLY: "the reply from {}",
    EventKind.UPDATE_SENT: "the update logged for {}",
    EventKind.CLOSING_NOTE_SENT: "the closing note logged for {}",
    EventKind.THANKS_SENT: "the thanks logged for {}",
    EventKind.KEEP_WARM_CHOSEN: "keeping {} warm",
    EventKind.KEEP_WARM_SENT: "the keep-warm note logged for {}",
    EventKind.SNOOZED: "snoozing {}",
    EventKind.REFERENCE_CONTACTED: "the reference contact logged for {}",
    EventKind.WITHDREW: "the withdrawal from {}",
    EventKind.NOTE: "the note on {}",
    EventKind.OFFER_ACCEPTED: "the accepted offer at {}",
    EventKind.OFFER_DECLINED: "the declined offer at {}",
}
"""What logging each kind of event was, as undo names it ("Undone: the accepted offer at
Acme"); ``{}`` is the company."""


@dataclass(frozen=True, slots=True)
class Change:
    """One saved change, as undo needs it."""

    description: str
    """What it was, as undo names it after "Undone: ", e.g. "the thank-you logged for
    Acme"."""
    before: tuple[tuple[str, Interview | None], ...]
    """Every interview it touched, by id, as it was before (None: it did not exist)."""


class History:
    """The changes of this session, newest last, at most :data:`UNDO_DEPTH`."""

    def __init__(self) -> None:
        self._changes: deque[Change] = deque(maxlen=UNDO_DEPTH)

    def push(self, change: Change) -> None:
        """Remember a change that was saved."""
        self._changes.append(change)

    def last(self) -> Change | None:
        """The newest change, or None."""
        return self._changes[-1] if self._changes else None

    def drop_last(self) -> None:
        """Forget the newest change (it has been undone)."""
        self._changes.pop()

    def __bool__(self) -> bool:
        return bool(self._changes)


def logged(event_kind: EventKind, company: str) -> str:
    """Describes a logged event: "the thank-you logged for Acme"."""
    return _LOGGED[event_kind].format(company)


def added(company: str) -> str:
    """Describes an added interview: "adding Acme"."""
    return f"adding {company}"


def edited(before: Interview, after: Interview) -> str:
    """Describes an edit: "archiving Acme", "unarchiving Acme" or "the edit to Acme"."""
    if before.archived != after.archived and _same_but_archived(before, after):
        return f"{'archiving' if after.archived else 'unarchiving'} {after.company}"
    return f"the edit to {after.company}"


def _same_but_archived(before: Interview, after: Interview) -> bool:
    return replace(before, archived=after.archived, edited=after.edited) == after


def removed(company: str) -> str:
    """Describes a removal: "the removal of Acme"."""
    return f"the removal of {company}"


def imported(count: int) -> str:
    """Describes an import: "the import of 12 interviews"."""
    return f"the import of {count} interview{'s' if count != 1 else ''}"
