"""What the ladder says about one interview at one instant: badge, actions, countdown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from followup_tui.core.span import format_span as format_span  # the ladder names it here


class Status(StrEnum):
    """The badge of an interview (DOMAIN.md, "Statuses")."""

    UPCOMING = "upcoming"
    THANK_YOU_DUE = "thank_you_due"
    THANK_YOU_LATE = "thank_you_late"
    WAITING = "waiting"
    FOLLOW_UP_DUE = "follow_up_due"
    OVERDUE = "overdue"
    MOVE_ON = "move_on"
    SEND_THANKS = "send_thanks"
    OFFER = "offer"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """The badge's word(s), as a person reads them."""
        return _LABELS[self]

    @property
    def is_open(self) -> bool:
        """False once the interview is over, one way or another (an open offer is not)."""
        return self is not Status.CLOSED


_LABELS = {
    Status.UPCOMING: "upcoming",
    Status.THANK_YOU_DUE: "thank-you due",
    Status.THANK_YOU_LATE: "thank-you late",
    Status.WAITING: "waiting",
    Status.FOLLOW_UP_DUE: "check-in due",
    Status.OVERDUE: "overdue",
    Status.MOVE_ON: "move on",
    Status.SEND_THANKS: "send thanks",
    Status.OFFER: "offer",
    Status.CLOSED: "closed",
}

#: Most urgent first: when two things are owed at once, the badge shows the earlier one.
PRECEDENCE: tuple[Status, ...] = (
    Status.OFFER,  # the one thing a job seeker must never lose sight of
    Status.OVERDUE,
    Status.THANK_YOU_DUE,
    Status.FOLLOW_UP_DUE,
    Status.THANK_YOU_LATE,
    Status.MOVE_ON,
    Status.SEND_THANKS,
    Status.WAITING,
    Status.UPCOMING,
    Status.CLOSED,
)

URGENCY: dict[Status, int] = {status: rank for rank, status in enumerate(PRECEDENCE)}
"""Rank of each status, 0 = most urgent."""


class Step(StrEnum):
    """A step of the ladder: what a message (or a task) is for."""

    PREPARE = "prepare"
    THANK_YOU = "thank_you"
    CHECK_IN = "check_in"
    CLOSING_NOTE = "closing_note"
    THANKS_AFTER_REJECTION = "thanks_after_rejection"
    KEEP_WARM = "keep_warm"
    UPDATE = "update"
    OFFER_THANKS = "offer_thanks"
    """Thank them for an offer."""
    OFFER_ANSWER = "offer_answer"
    """Answer an offer: one of the three steps below."""
    OFFER_TIME = "offer_time"
    """Ask politely for a little time to decide."""
    OFFER_ACCEPT = "offer_accept"
    """Accept an offer."""
    OFFER_DECLINE = "offer_decline"
    """Decline an offer graciously."""
    WITHDRAW = "withdraw"
    """Another offer was accepted: withdraw from this application."""


class Basis(StrEnum):
    """What a first check-in is counted from; the templates word it differently."""

    AGREED = "agreed"
    """They agreed a check-in date."""
    DECISION_DATE = "decision_date"
    """They stated a decision date and it has passed."""
    NO_TIMELINE = "no_timeline"
    """No timeline was stated (or a reply gave none)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the user should do (or will do next) for an interview."""

    step: Step
    """Which step of the ladder."""
    label: str
    """Plain words: "thank-you to Dana Ruiz", "check-in 1 of 2"."""
    due_now: bool
    """True when it is owed now; False for the next step still ahead."""
    recipient: str = ""
    """For a thank-you: the interviewer it is owed to."""
    number: int = 0
    """For a check-in or keep-warm note: which one (1-based)."""
    of: int = 0
    """For a check-in or keep-warm note: how many at most."""
    basis: Basis | None = None
    """For a check-in: what it is counted from."""


@dataclass(frozen=True, slots=True)
class Standing:
    """An interview's standing at one instant."""

    status: Status
    """The badge."""
    actions: tuple[Action, ...]
    """What is owed now (most urgent first), then the next step ahead if nothing is owed."""
    due: datetime | date | None
    """The instant or day the badge's countdown refers to (see DOMAIN.md)."""
    overdue_after: date | None
    """The last day before a pending check-in turns overdue."""
    countdown: str
    """Short text: "in 2d 4h", "5h left", "overdue by 1d", or "" when there is nothing to count."""
    changes_at: datetime | None
    """The next instant at which the status (not just the countdown) may change."""
    reason: str = ""
    """Why it is closed ("advanced", "withdrew", ...) or snoozed; "" otherwise."""
    then: tuple[Action, datetime | date] | None = None
    """While something else is owed now (a thank-you): the check-in step still ahead and
    when it falls due; None otherwise."""

    @property
    def urgency(self) -> int:
        """Rank of the badge, 0 = most urgent."""
        return URGENCY[self.status]
