"""The interchange format: interviews to and from plain JSON-ready dicts.

This is the public contract of ``followup import`` / ``followup export``, and also the shape
of each interview inside the data file, so what the store saves is exactly what it can read
back. A document looks like::

    {"format": "followup", "version": 1, "interviews": [{...}, ...]}

Reading is strict: a wrong type, an unknown field or value, a missing required field or a
duplicate id raises :class:`CodecError`, whose message names the record and the field.
Records are numbered from 1, as a person counts them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from followup_tui.core.dates import FIRST_YEAR, LAST_YEAR
from followup_tui.core.model import (
    EDITABLE_FIELDS,
    Channel,
    Event,
    EventKind,
    Format,
    Interview,
    Interviewer,
    Outcome,
)
from followup_tui.core.policy import POLICIES

FORMAT_NAME = "followup"
"""The value of a document's ``format`` field."""
FORMAT_VERSION = 1
"""The newest document version this code reads and the one it writes."""
MAX_DURATION_MINUTES = 24 * 60
"""Longer than a day is not an interview: most likely a typo (hours for minutes)."""

TEXT_LIMIT = 2_000
"""The most characters a short text field may hold (a company, a role, a name, an id...)."""
LONG_TEXT_LIMITS = {"notes": 200_000, "text": 200_000, "topic": 10_000, "posting_url": 10_000}
"""Longer limits for the fields that hold prose or a link. Past these, a field is no longer
what a person types about an interview (a pasted file, a runaway script), and drawing it
would hold up the screen. Far above anything typed or pasted by hand (a whole job posting is
a few thousand characters), so no file a person kept is refused for them."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
E = TypeVar("E", Format, Channel, EventKind, Outcome)
_FORMATS = {f.value: f for f in Format} | {"on-site": Format.ONSITE}
_CHANNELS = {c.value: c for c in Channel}
_KINDS = {k.value: k for k in EventKind}

_OUTCOMES = {o.value: o for o in Outcome}
_INTERVIEW_FIELDS = frozenset(
    {
        "id",
        "company",
        "role",
        "round",
        "start",
        "duration_minutes",
        "format",
        "interviewers",
        "decision_by",
        "check_in_on",
        "channel",
        "policy",
        "posting_url",
        "notes",
        "archived",
        "events",
        "follows",
        "edited",
    }
)
_EDITABLE = frozenset(EDITABLE_FIELDS)
_INTERVIEWER_FIELDS = frozenset({"name", "title", "email", "phone", "topic"})
#: Beyond ``kind``, ``at`` and ``text``, the fields each kind of event may carry.
_EVENT_EXTRAS: dict[EventKind, tuple[str, ...]] = {
    EventKind.THANK_YOU_SENT: ("to",),
    EventKind.CHECK_IN_SENT: ("channel",),
    EventKind.REPLY: ("outcome", "decision_by", "respond_by"),
    EventKind.SNOOZED: ("until",),
}
_EVENT_FIELDS = {k: frozenset({"kind", "at", "text", *_EVENT_EXTRAS.get(k, ())}) for k in EventKind}


class CodecError(ValueError):
    """A record of the interchange format is malformed; the message says where and why."""

    def __init__(
        self,
        problem: str,
        *,
        record: str = "",
        field: str = "",
        event: int | None = None,
    ) -> None:
        self.problem = problem
        """What is wrong, in a few words."""
        self.record = record
        """Which interview, e.g. "interview 3 (Acme)"; "" for the document itself."""
        self.field = field
        """The field at fault (dotted for nested ones, e.g. "interviewers.2.name"), or ""."""
        self.event = event
        """The event's number in the interview's log (from 1), when an event is at fault."""
        parts = [p for p in (record, f"event {event}" if event else "") if p]
        if field:
            parts.append(f"field {field!r}")
        super().__init__(": ".join([*parts, problem]))


def new_id() -> str:
    """A fresh interview id."""
    import uuid  # slow to import: only when an id is made

    return uuid.uuid4().hex


def _show(value: object) -> str:
    """A short rendering of a bad value for an error message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Place:
    """Which record is being read; its label is only worked out when an error needs it."""

    __slots__ = ("_label", "data", "index")

    def __init__(self, data: Mapping[str, Any], index: int) -> None:
        self.data = data
        self.index = index
        self._label: str | None = None

    @property
    def label(self) -> str:
        if self._label is None:
            self._label = record_label(self.data, self.index)
        return self._label


class _Reader:
    """Reads one record's fields, raising errors that say where the record is.

    Every check has a fast path first: opening a big file runs them all for each record.
    """

    __slots__ = ("data", "event", "place", "prefix")

    def __init__(
        self, data: Mapping[str, Any], place: _Place, event: int | None = None, prefix: str = ""
    ) -> None:
        self.data = data
        self.place = place
        self.event = event
        self.prefix = prefix

    def fail(self, field: str, problem: str) -> CodecError:
        field = self.prefix + field
        return CodecError(problem, record=self.place.label, field=field, event=self.event)

    def check_fields(self, allowed: frozenset[str], what: str) -> None:
        if self.data.keys() <= allowed:
            return
        for key in self.data:
            if key not in allowed:
                raise self.fail(str(key), f"not a field of {what}")

    def text(self, field: str, *, required: bool = False, blank_ok: bool = True) -> str:
        value = self.data.get(field)
        limit = LONG_TEXT_LIMITS.get(field, TEXT_LIMIT)
        if isinstance(value, str) and (value.isascii() or _encodable(value)):
            if len(value) > limit:
                raise self.fail(field, f"longer than {limit:,} characters ({len(value):,})")
            if blank_ok or value.strip():
                return value
            raise self.fail(field, "must not be blank")
        if value is None:
            if required:
                raise self.fail(field, "missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(field, f"expected text, got {_show(value)}")
        raise self.fail(field, "contains characters that are not valid Unicode")

    def instant(self, field: str) -> datetime:
        value = self.data.get(field)
        if value is None:
            raise self.fail(field, "missing")
        if not isinstance(value, str):
            raise self.fail(field, f"expected an ISO 8601 instant, got {_show(value)}")
        try:
            # Python also reads a bare date as midnight; an instant needs its time of day.
            if len(value.strip()) <= 10:
                raise ValueError
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise self.fail(field, f"not an ISO 8601 instant: {_show(value)}") from None
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            raise self.fail(field, f"year {parsed.year} is outside {FIRST_YEAR} to {LAST_YEAR}")
        # An instant without an offset is read in the machine's time zone.
        return parsed if parsed.tzinfo is not None else parsed.astimezone()

    def day(self, field: str) -> date | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise self.fail(field, f"expected a date as YYYY-MM-DD, got {_show(value)}")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise self.fail(field, f"not a real date: {_show(value)}") from None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise self.fail(field, f"year {day.year} is outside {FIRST_YEAR} to {LAST_YEAR}")
        return day

    def choice(self, field: str, members: Mapping[str, E], default: E | None) -> E:
        value = self.data.get(field)
        if value is None:
            if default is None:
                raise self.fail(field, "missing")
            return default
        member = members.get(value) if isinstance(value, str) else None
        if member is None:
            names = ", ".join(dict.fromkeys(m.value for m in members.values()))
            raise self.fail(field, f"expected one of {names}; got {_show(value)}")
        return member


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a "\\ud800" escape
        return False
    return True


def record_label(data: Mapping[str, Any], index: int) -> str:
    """How an error names the ``index``-th record: "interview 3 (Acme)", or by id."""
    company = data.get("company")
    if isinstance(company, str) and company.strip():
        return f"interview {index} ({company.strip()})"
    ident = data.get("id")
    if isinstance(ident, str) and ident.strip():
        return f"interview {index} (id {ident.strip()})"
    return f"interview {index}"


def interview_from_dict(
    data: object, index: int, *, make_id: Callable[[], str] = new_id
) -> Interview:
    """The interview described by ``data``, the ``index``-th record (from 1).

    An absent, null or empty ``id`` gets a fresh one from ``make_id``.
    Raises :class:`CodecError` naming the record and the field when anything is wrong.
    """
    try:
        return _quick_interview(data, make_id)
    except _Unusual:
        # Something is wrong or merely unusual: the careful reader decides, and names it.
        return _careful_interview(data, index, make_id)


class _Unusual(Exception):
    """The quick reader met something it leaves to the careful one."""


def _quick_interview(data: object, make_id: Callable[[], str]) -> Interview:
    """What :func:`_careful_interview` returns for a record in the usual shape (plain dicts
    and lists, text, ISO dates), with a fraction of its calls; anything else, valid or not,
    raises :class:`_Unusual`, and :func:`interview_from_dict` asks the careful one.
    ``tests/test_codec_readers.py`` checks the two agree, rule by rule.
    """
    if type(data) is not dict or not data.keys() <= _INTERVIEW_FIELDS:
        raise _Unusual
    get = data.get
    duration = get("duration_minutes", 60)
    if type(duration) is not int or not 0 < duration <= MAX_DURATION_MINUTES:
        raise _Unusual
    policy = get("policy")
    if policy is not None and (type(policy) is not str or policy not in POLICIES):
        raise _Unusual
    archived = get("archived", False)
    if archived is not True and archived is not False:
        raise _Unusual
    company, role = _quick_text(get("company")), _quick_text(get("role"))
    if not company.strip() or not role.strip():
        raise _Unusual
    form, channel = get("format"), get("channel")
    form = Format.VIDEO if form is None else _FORMATS.get(form) if type(form) is str else None
    channel = (
        Channel.UNKNOWN
        if channel is None
        else _CHANNELS.get(channel)
        if type(channel) is str
        else None
    )
    if form is None or channel is None:
        raise _Unusual
    people, events = get("interviewers"), get("events")
    # By position, for speed; tests/test_codec_readers.py catches a field out of order.
    return Interview(
        _quick_text(get("id")).strip() or make_id(),
        company,
        role,
        _quick_instant(get("start")),
        _quick_text(get("round")),
        duration,
        form,
        () if people is None else tuple(map(_quick_interviewer, _quick_list(people))),
        _quick_day(get("decision_by")),
        _quick_day(get("check_in_on")),
        channel,
        policy,
        _quick_text(get("posting_url"), LONG_TEXT_LIMITS["posting_url"]),
        _quick_text(get("notes"), LONG_TEXT_LIMITS["notes"]),
        archived,
        () if events is None else tuple(map(_quick_event, _quick_list(events))),
        _quick_text(get("follows")),
        _quick_edited(get("edited")),
    )


def _quick_text(value: object, limit: int = TEXT_LIMIT) -> str:
    if type(value) is str and len(value) <= limit and (value.isascii() or _encodable(value)):
        return value
    if value is None:
        return ""
    raise _Unusual


def _quick_edited(value: object) -> tuple[tuple[str, datetime], ...]:
    if value is None:
        return ()
    if type(value) is not dict or not value.keys() <= _EDITABLE:
        raise _Unusual
    return tuple(sorted((name, _quick_instant(at)) for name, at in value.items()))


def _quick_list(value: object) -> list[Any]:
    if type(value) is not list:
        raise _Unusual
    return value


def _quick_instant(value: object) -> datetime:
    if type(value) is not str:
        raise _Unusual
    text = value.strip()
    if len(text) <= 10:
        raise _Unusual
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise _Unusual from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise _Unusual
    return parsed if parsed.tzinfo is not None else parsed.astimezone()


def _quick_day(value: object) -> date | None:
    if value is None:
        return None
    if type(value) is not str or not _DATE.fullmatch(value):
        raise _Unusual
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _Unusual from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _Unusual
    return day


def _quick_interviewer(data: object) -> Interviewer:
    if type(data) is not dict or not data.keys() <= _INTERVIEWER_FIELDS:
        raise _Unusual
    get = data.get
    name = _quick_text(get("name"))
    if not name.strip():
        raise _Unusual
    return Interviewer(
        name,
        _quick_text(get("title")),
        _quick_text(get("email")),
        _quick_text(get("phone")),
        _quick_text(get("topic"), LONG_TEXT_LIMITS["topic"]),
    )


def _quick_event(data: object) -> Event:
    if type(data) is not dict:
        raise _Unusual
    get = data.get
    kind = get("kind")
    kind = _KINDS.get(kind) if type(kind) is str else None
    if kind is None or not data.keys() <= _EVENT_FIELDS[kind]:
        raise _Unusual
    outcome = None
    if kind is EventKind.REPLY:
        outcome = get("outcome")
        outcome = _OUTCOMES.get(outcome) if type(outcome) is str else None
        if outcome is None:
            raise _Unusual
    decision_by, until = _quick_day(get("decision_by")), _quick_day(get("until"))
    if decision_by is not None and outcome is not Outcome.STILL_DECIDING:
        raise _Unusual
    respond_by = _quick_day(get("respond_by"))
    if respond_by is not None and outcome is not Outcome.OFFER:
        raise _Unusual
    if until is None and kind is EventKind.SNOOZED:
        raise _Unusual
    channel = get("channel")
    if channel is not None:
        channel = _CHANNELS.get(channel) if type(channel) is str else None
        if channel is None:
            raise _Unusual
    return Event(
        kind,
        _quick_instant(get("at")),
        _quick_text(get("to")),
        channel,
        outcome,
        decision_by,
        until,
        _quick_text(get("text"), LONG_TEXT_LIMITS["text"]),
        respond_by,
    )


def _careful_interview(data: object, index: int, make_id: Callable[[], str]) -> Interview:
    """The reference reader: every check in order, the first problem raised with its place."""
    if not isinstance(data, Mapping):
        raise CodecError(f"expected an object, got {_show(data)}", record=f"interview {index}")
    r = _Reader(data, _Place(data, index))
    r.check_fields(_INTERVIEW_FIELDS, "an interview")
    ident = r.text("id").strip() or make_id()
    duration = data.get("duration_minutes", 60)
    if isinstance(duration, bool) or not isinstance(duration, int):
        raise r.fail("duration_minutes", f"expected a whole number of minutes, got {duration!r}")
    if not 0 < duration <= MAX_DURATION_MINUTES:
        raise r.fail("duration_minutes", f"must be 1 to {MAX_DURATION_MINUTES}, got {duration}")
    policy = data.get("policy")
    if policy is not None and (not isinstance(policy, str) or policy not in POLICIES):
        raise r.fail("policy", f"expected null or one of {', '.join(POLICIES)}; got {policy!r}")
    archived = data.get("archived", False)
    if not isinstance(archived, bool):
        raise r.fail("archived", f"expected true or false, got {_show(archived)}")
    return Interview(
        id=ident,
        company=r.text("company", required=True, blank_ok=False),
        role=r.text("role", required=True, blank_ok=False),
        start=r.instant("start"),
        round=r.text("round"),
        duration_minutes=duration,
        format=r.choice("format", _FORMATS, Format.VIDEO),
        interviewers=_interviewers(r),
        decision_by=r.day("decision_by"),
        check_in_on=r.day("check_in_on"),
        channel=r.choice("channel", _CHANNELS, Channel.UNKNOWN),
        policy=policy,
        posting_url=r.text("posting_url"),
        notes=r.text("notes"),
        archived=archived,
        events=_events(r),
        follows=r.text("follows"),
        edited=_edited(r),
    )


def _interviewers(r: _Reader) -> tuple[Interviewer, ...]:
    people = r.data.get("interviewers")
    if people is None:
        return ()
    if not isinstance(people, list):
        raise r.fail("interviewers", f"expected a list, got {_show(people)}")
    result = []
    for number, person in enumerate(people, 1):
        if not isinstance(person, Mapping):
            raise r.fail(f"interviewers.{number}", f"expected an object, got {_show(person)}")
        p = _Reader(person, r.place, prefix=f"interviewers.{number}.")
        p.check_fields(_INTERVIEWER_FIELDS, "an interviewer")
        result.append(
            Interviewer(
                name=p.text("name", required=True, blank_ok=False),
                title=p.text("title"),
                email=p.text("email"),
                phone=p.text("phone"),
                topic=p.text("topic"),
            )
        )
    return tuple(result)


def _edited(r: _Reader) -> tuple[tuple[str, datetime], ...]:
    stamps = r.data.get("edited")
    if stamps is None:
        return ()
    if not isinstance(stamps, Mapping):
        raise r.fail("edited", f"expected an object, got {_show(stamps)}")
    s = _Reader(stamps, r.place, prefix="edited.")
    s.check_fields(_EDITABLE, "an interview that can be edited")
    return tuple(sorted((name, s.instant(name)) for name in stamps))


def _events(r: _Reader) -> tuple[Event, ...]:
    events = r.data.get("events")
    if events is None:
        return ()
    if not isinstance(events, list):
        raise r.fail("events", f"expected a list, got {_show(events)}")
    return tuple(_event_from_dict(item, r.place, number) for number, item in enumerate(events, 1))


def _event_from_dict(data: object, place: _Place, number: int) -> Event:
    if not isinstance(data, Mapping):
        problem = f"expected an object, got {_show(data)}"
        raise CodecError(problem, record=place.label, event=number)
    e = _Reader(data, place, number)
    kind = e.choice("kind", _KINDS, None)
    e.check_fields(_EVENT_FIELDS[kind], f"a {kind.value!r} event")
    outcome: Outcome | None = None
    if kind is EventKind.REPLY:
        outcome = e.choice("outcome", _OUTCOMES, None)
    decision_by = e.day("decision_by")
    if decision_by is not None and outcome is not Outcome.STILL_DECIDING:
        raise e.fail("decision_by", "only a still_deciding reply carries a decision date")
    respond_by = e.day("respond_by")
    if respond_by is not None and outcome is not Outcome.OFFER:
        raise e.fail("respond_by", "only an offer carries a date to answer by")
    until = e.day("until")
    if kind is EventKind.SNOOZED and until is None:
        raise e.fail("until", "missing")
    channel = None if data.get("channel") is None else e.choice("channel", _CHANNELS, None)
    return Event(
        kind=kind,
        at=e.instant("at"),
        to=e.text("to"),
        channel=channel,
        outcome=outcome,
        decision_by=decision_by,
        until=until,
        text=e.text("text"),
        respond_by=respond_by,
    )


def _instant_text(value: datetime, record: str, field: str, event: int | None = None) -> str:
    if value.utcoffset() is None:
        # Written without an offset it would be read back in whatever zone the reader is in.
        raise CodecError("instant has no time zone", record=record, field=field, event=event)
    return value.isoformat()


def _day_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def interview_to_dict(interview: Interview) -> dict[str, Any]:
    """The interchange record of ``interview`` (every field, in the documented order;
    ``follows`` only for a later round, ``edited`` only once a field has been changed).

    Raises :class:`CodecError` if the interview holds something the format can't carry
    faithfully (a naive instant, a field on an event of a kind that has no such field).
    """
    record = f"interview ({interview.company})"
    fields: dict[str, Any] = {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "round": interview.round,
        "start": _instant_text(interview.start, record, "start"),
        "duration_minutes": interview.duration_minutes,
        "format": interview.format.value,
        "interviewers": [
            {
                "name": p.name,
                "title": p.title,
                "email": p.email,
                "phone": p.phone,
                "topic": p.topic,
            }
            for p in interview.interviewers
        ],
        "decision_by": _day_text(interview.decision_by),
        "check_in_on": _day_text(interview.check_in_on),
        "channel": interview.channel.value,
        "policy": interview.policy,
        "posting_url": interview.posting_url,
        "notes": interview.notes,
        "archived": interview.archived,
        "events": [
            _event_to_dict(event, record, number)
            for number, event in enumerate(interview.events, 1)
        ],
    }
    if interview.follows:  # a later round only: a first round's record stays as it was
        fields["follows"] = interview.follows
    if interview.edited:  # likewise: a record never edited stays as older files hold it
        fields["edited"] = {
            name: _instant_text(at, record, f"edited.{name}") for name, at in interview.edited
        }
    return fields


def _event_to_dict(event: Event, record: str, number: int) -> dict[str, Any]:
    extras = _EVENT_EXTRAS.get(event.kind, ())
    present = {
        "to": event.to != "",
        "channel": event.channel is not None,
        "outcome": event.outcome is not None,
        "decision_by": event.decision_by is not None,
        "until": event.until is not None,
        "respond_by": event.respond_by is not None,
    }
    for field, is_set in present.items():
        if is_set and field not in extras:
            problem = f"does not belong on a {event.kind.value!r} event"
            raise CodecError(problem, record=record, field=field, event=number)
    result: dict[str, Any] = {
        "kind": event.kind.value,
        "at": _instant_text(event.at, record, "at", number),
    }
    if event.kind is EventKind.THANK_YOU_SENT:
        result["to"] = event.to
    if event.channel is not None:
        result["channel"] = event.channel.value
    if event.kind is EventKind.REPLY:
        if event.outcome is None:
            raise CodecError(
                "a reply needs an outcome", record=record, field="outcome", event=number
            )
        result["outcome"] = event.outcome.value
    if event.decision_by is not None:
        result["decision_by"] = event.decision_by.isoformat()
    if event.until is not None:
        result["until"] = event.until.isoformat()
    if event.respond_by is not None:
        result["respond_by"] = event.respond_by.isoformat()
    if event.text:
        result["text"] = event.text
    return result


def checked(interview: Interview, index: int = 1) -> Interview:
    """``interview`` as it will read back after being written: validated and normalised.

    Raises :class:`CodecError` if it could not be written and read back (a blank company,
    an absurd duration, an unknown policy...).
    """
    return interview_from_dict(interview_to_dict(interview), index, make_id=new_id)


def interviews_to_document(interviews: Iterable[Interview]) -> dict[str, Any]:
    """The interchange document holding ``interviews``, in the order given."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "interviews": [interview_to_dict(i) for i in interviews],
    }


def document_to_interviews(document: object) -> list[Interview]:
    """Every interview of an interchange document, all validated before any is returned.

    Interviews without an id get a fresh one. Raises :class:`CodecError` for the first
    problem found: a wrong top-level shape, an unknown format, a newer version, a bad record,
    or two records with the same id.
    """
    if not isinstance(document, Mapping):
        raise CodecError(f"expected a followup document (a JSON object), got {_show(document)}")
    for key in document:
        if key not in ("format", "version", "interviews"):
            raise CodecError("not a field of a followup document", field=str(key))
    if document.get("format") != FORMAT_NAME:
        problem = f"expected {FORMAT_NAME!r}, got {_show(document.get('format'))}"
        raise CodecError(problem, field="format")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CodecError(f"expected a version number, got {_show(version)}", field="version")
    if version > FORMAT_VERSION:
        problem = (
            f"version {version} was written by a newer followup; "
            f"this one reads version {FORMAT_VERSION}: please update followup"
        )
        raise CodecError(problem, field="version")
    records = document.get("interviews")
    if not isinstance(records, list):
        raise CodecError(f"expected a list, got {_show(records)}", field="interviews")
    interviews: list[Interview] = []
    seen: dict[str, int] = {}
    for index, record in enumerate(records, 1):
        interview = interview_from_dict(record, index)
        if interview.id in seen:
            label = f"interview {index} ({interview.company})"
            problem = f"duplicate id {interview.id!r} (also interview {seen[interview.id]})"
            raise CodecError(problem, record=label, field="id")
        seen[interview.id] = index
        interviews.append(interview)
    return interviews
