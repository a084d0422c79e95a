"""What is recorded about an interview: the interview itself, its interviewers, its events.

Model objects are immutable; a change makes a new object (``dataclasses.replace``).
Status is never stored here: it is computed by :mod:`followup_tui.core.ladder`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from enum import StrEnum


class Format(StrEnum):
    """How the interview is held."""

    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"


class Channel(StrEnum):
    """How the interviewer prefers to be checked in with."""

    EMAIL = "email"
    PHONE = "phone"
    UNKNOWN = "unknown"


class EventKind(StrEnum):
    """Every kind of event in an interview's append-only log."""

    THANK_YOU_SENT = "thank_you_sent"
    CHECK_IN_SENT = "check_in_sent"
    REPLY = "reply"
    UPDATE_SENT = "update_sent"
    CLOSING_NOTE_SENT = "closing_note_sent"
    THANKS_SENT = "thanks_sent"
    KEEP_WARM_CHOSEN = "keep_warm_chosen"
    KEEP_WARM_SENT = "keep_warm_sent"
    SNOOZED = "snoozed"
    REFERENCE_CONTACTED = "reference_contacted"
    WITHDREW = "withdrew"
    NOTE = "note"
    OFFER_ACCEPTED = "offer_accepted"
    OFFER_DECLINED = "offer_declined"


#: Events that are a message sent to the company: they count for the minimum gap.
OUTREACH_KINDS = frozenset(
    {
        EventKind.THANK_YOU_SENT,
        EventKind.CHECK_IN_SENT,
        EventKind.UPDATE_SENT,
        EventKind.CLOSING_NOTE_SENT,
        EventKind.THANKS_SENT,
        EventKind.KEEP_WARM_SENT,
        EventKind.OFFER_ACCEPTED,
        EventKind.OFFER_DECLINED,
    }
)


class Outcome(StrEnum):
    """What a reply from the company said."""

    STILL_DECIDING = "still_deciding"
    NEXT_ROUND = "next_round"
    REJECTED = "rejected"
    OFFER = "offer"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Interviewer:
    """A person who interviewed the user."""

    name: str
    """Full name, as it should appear in a greeting ("Dana Ruiz")."""
    title: str = ""
    """Job title, if known."""
    email: str = ""
    """Email address, if known."""
    phone: str = ""
    """Phone number, if known."""
    topic: str = ""
    """What the user talked about with this person, as they would say it to them."""

    @property
    def first_name(self) -> str:
        """The first word of the name, for a greeting."""
        parts = self.name.split()
        return parts[0] if parts else ""


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of an interview's append-only log."""

    kind: EventKind
    """What happened."""
    at: datetime
    """When it happened (an aware datetime)."""
    to: str = ""
    """For a thank-you: the interviewer it went to ("" means all of them)."""
    channel: Channel | None = None
    """For a check-in: how it was sent."""
    outcome: Outcome | None = None
    """For a reply: what they said."""
    decision_by: date | None = None
    """For a reply that is still deciding: the new date they gave, if any."""
    until: date | None = None
    """For a snooze: the day the next step may fall due again."""
    text: str = ""
    """The message that was sent, or the text of a note."""
    respond_by: date | None = None
    """For a reply with an offer: the day they asked for an answer by, if they gave one."""


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview and everything that followed it."""

    id: str
    """Stable identifier, unique in a data file."""
    company: str
    """The company interviewed with."""
    role: str
    """The job applied for."""
    start: datetime
    """When the interview starts (an aware datetime)."""
    round: str = ""
    """Free text: "phone screen", "onsite", "final"."""
    duration_minutes: int = 60
    """How long it lasts."""
    format: Format = Format.VIDEO
    """Phone, video or on-site."""
    interviewers: tuple[Interviewer, ...] = ()
    """Everyone on the panel; each is owed a thank-you."""
    decision_by: date | None = None
    """The date they said they would decide by, if they said one."""
    check_in_on: date | None = None
    """The check-in date they agreed to, if one was agreed."""
    channel: Channel = Channel.UNKNOWN
    """How they prefer to be checked in with."""
    policy: str | None = None
    """A policy name overriding the global one for this interview, or None."""
    posting_url: str = ""
    """Link to the job posting."""
    notes: str = ""
    """Private notes, for the user alone: never written into a message."""
    archived: bool = False
    """Put away by the user: hidden unless asked for."""
    events: tuple[Event, ...] = field(default=())
    """The append-only log, in the order it was recorded."""
    follows: str = ""
    """The id of the previous round of the same application ("" for a first round)."""
    edited: tuple[tuple[str, datetime], ...] = ()
    """When each field was last changed, as (field name, aware instant) pairs sorted by
    name; a field not listed was last changed at an unknown time (older than any listed).
    Written by the store, read by a merge without a common version (a sync conflict copy)
    to tell which side changed a field."""

    @property
    def end(self) -> datetime:
        """When the interview ends."""
        return self.start + timedelta(minutes=self.duration_minutes)

    def with_event(self, event: Event) -> Interview:
        """A copy with one more event in the log."""
        return replace(self, events=(*self.events, event))

    def edited_at(self, name: str) -> datetime | None:
        """When the field ``name`` was last changed, or None when that is not known."""
        for field_name, at in self.edited:
            if field_name == name:
                return at
        return None

    def sorted_events(self) -> list[Event]:
        """The log in time order (stable for events recorded at the same instant)."""
        return sorted(self.events, key=_instant_of)


EDITABLE_FIELDS = tuple(
    f.name for f in fields(Interview) if f.name not in ("id", "events", "edited")
)
"""The fields of an interview that are edited as a whole (not its id, its append-only log
or the edit times themselves): those :attr:`Interview.edited` keeps a time for."""


def _instant_of(event: Event) -> float:
    # A float key: comparing aware datetimes from different zones is much slower.
    return event.at.timestamp()
