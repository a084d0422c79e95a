"""The session's undo history: what each change replaced, and how to say what it was."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from followup_tui.core.model import EventKind, Interview

UNDO_DEPTH = 100
"""Changes remembered for undo in one session."""

_NOUNS = {
    EventKind.THANK_YOU_SENT: "thank-you",
    EventKind.CHECK_IN_SENT: "check-in",
    EventKind.REPLY: "reply",
    EventKind.UPDATE_SENT: "update",
    EventKind.CLOSING_NOTE_SENT: "closing note",
    EventKind.THANKS_SENT: "thanks",
    EventKind.KEEP_WARM_CHOSEN: "keep-warm",
    EventKind.KEEP_WARM_SENT: "keep-warm note",
    EventKind.SNOOZED: "snooze",
    EventKind.REFERENCE_CONTACTED: "reference contact",
    EventKind.WITHDREW: "withdrawal",
    EventKind.NOTE: "note",
    EventKind.OFFER_ACCEPTED: "offer accepted",
    EventKind.OFFER_DECLINED: "offer declined",
}


@dataclass(frozen=True, slots=True)
class Change:
    """One saved change, as undo needs it."""

    description: str
    """What it was, e.g. "thank-you logged for Acme"."""
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
    """Describes a logged event: "thank-you logged for Acme"."""
    return f"{_NOUNS[event_kind]} logged for {company}"


def added(company: str) -> str:
    """Describes an added interview: "added Acme"."""
    return f"added {company}"


def edited(before: Interview, after: Interview) -> str:
    """Describes an edit: "archived Acme", "unarchived Acme" or "edit of Acme"."""
    if before.archived != after.archived and _same_but_archived(before, after):
        return f"{'archived' if after.archived else 'unarchived'} {after.company}"
    return f"edit of {after.company}"


def _same_but_archived(before: Interview, after: Interview) -> bool:
    return replace(before, archived=after.archived, edited=after.edited) == after


def removed(company: str) -> str:
    """Describes a removal: "removal of Acme"."""
    return f"removal of {company}"


def imported(count: int) -> str:
    """Describes an import: "import of 12 interviews"."""
    return f"import of {count} interview{'s' if count != 1 else ''}"
