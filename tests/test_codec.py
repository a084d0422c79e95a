"""The interchange format: round trips, and every malformed shape refused with its place named."""

from __future__ import annotations

import copy
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.core.codec import (
    CodecError,
    checked,
    document_to_interviews,
    interview_from_dict,
    interview_to_dict,
    interviews_to_document,
)
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

EST = timezone(timedelta(hours=-5))

ISSUE_EXAMPLE: dict[str, Any] = {
    "format": "followup",
    "version": 1,
    "interviews": [
        {
            "id": "acme-pm",
            "company": "Acme",
            "role": "Product Manager",
            "round": "onsite",
            "start": "2026-11-03T10:00:00-05:00",
            "duration_minutes": 60,
            "format": "video",
            "interviewers": [
                {
                    "name": "Dana Ruiz",
                    "title": "",
                    "email": "dana@acme.example",
                    "phone": "",
                    "topic": "the onboarding funnel",
                }
            ],
            "decision_by": "2026-11-06",
            "check_in_on": None,
            "channel": "email",
            "policy": None,
            "posting_url": "",
            "notes": "",
            "archived": False,
            "events": [
                {"kind": "thank_you_sent", "at": "2026-11-03T18:00:00-05:00", "to": "Dana Ruiz"},
                {
                    "kind": "check_in_sent",
                    "at": "2026-11-10T09:00:00-05:00",
                    "channel": "email",
                    "text": "Hi Dana, ...",
                },
                {
                    "kind": "reply",
                    "at": "2026-11-11T09:30:00-05:00",
                    "outcome": "still_deciding",
                    "decision_by": "2026-12-02",
                },
                {"kind": "snoozed", "at": "2026-11-12T08:00:00-05:00", "until": "2026-12-10"},
            ],
        }
    ],
}


def test_the_issue_example_reads_as_written() -> None:
    [interview] = document_to_interviews(ISSUE_EXAMPLE)
    assert interview.id == "acme-pm"
    assert interview.start == datetime(2026, 11, 3, 15, 0, tzinfo=UTC)
    dana = Interviewer("Dana Ruiz", email="dana@acme.example", topic="the onboarding funnel")
    assert interview.interviewers == (dana,)
    assert interview.decision_by == date(2026, 11, 6)
    assert interview.channel is Channel.EMAIL
    assert [e.kind for e in interview.events] == [
        EventKind.THANK_YOU_SENT,
        EventKind.CHECK_IN_SENT,
        EventKind.REPLY,
        EventKind.SNOOZED,
    ]
    reply = interview.events[2]
    assert reply.outcome is Outcome.STILL_DECIDING
    assert reply.decision_by == date(2026, 12, 2)
    assert interview.events[3].until == date(2026, 12, 10)
    assert interview.events[1].text == "Hi Dana, ..."


def test_the_issue_example_writes_back_identically() -> None:
    assert interviews_to_document(document_to_interviews(ISSUE_EXAMPLE)) == ISSUE_EXAMPLE


def test_optional_fields_take_their_defaults() -> None:
    minimal = {"company": "Acme", "role": "PM", "start": "2026-11-03T10:00:00+00:00"}
    interview = interview_from_dict(minimal, 1, make_id=lambda: "fresh")
    assert interview == Interview(
        id="fresh", company="Acme", role="PM", start=datetime(2026, 11, 3, 10, tzinfo=UTC)
    )


@pytest.mark.parametrize("spelling", ["on-site", "onsite"])
def test_on_site_is_read_either_way(spelling: str) -> None:
    record = {"company": "Acme", "role": "PM", "start": "2026-11-03T10:00:00Z", "format": spelling}
    assert interview_from_dict(record, 1).format is Format.ONSITE


def test_a_missing_id_is_generated_and_a_given_one_kept() -> None:
    doc = copy.deepcopy(ISSUE_EXAMPLE)
    second = copy.deepcopy(doc["interviews"][0])
    del second["id"]
    third = copy.deepcopy(second) | {"id": None}
    doc["interviews"] += [second, third]
    first, generated, generated_too = document_to_interviews(doc)
    assert first.id == "acme-pm"
    assert len(generated.id) == 32 and int(generated.id, 16) >= 0
    assert generated.id != generated_too.id


@pytest.fixture
def new_york() -> Iterator[None]:
    """The machine's zone set to New York for one test."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.mark.usefixtures("new_york")
def test_an_instant_without_offset_is_read_in_the_local_zone() -> None:
    record = {"company": "Acme", "role": "PM", "start": "2026-11-03T10:00:00"}
    start = interview_from_dict(record, 1).start
    assert start == datetime(2026, 11, 3, 10, tzinfo=ZoneInfo("America/New_York"))
    assert start.utcoffset() == timedelta(hours=-5)
    summer = interview_from_dict(record | {"start": "2026-07-03T10:00:00"}, 1).start
    assert summer.utcoffset() == timedelta(hours=-4)


def test_a_zoneinfo_instant_round_trips_to_the_same_instant() -> None:
    start = datetime(2026, 3, 30, 9, 15, tzinfo=ZoneInfo("Europe/Berlin"))
    interview = Interview(id="x", company="Acme", role="PM", start=start)
    again = checked(interview)
    assert again.start == start
    assert interview_to_dict(again)["start"] == "2026-03-30T09:15:00+02:00"


_text = st.text(max_size=30)
_name = _text.filter(lambda s: s.strip() != "")
_zones = st.one_of(
    st.just(UTC),
    st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
_instants = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=_zones
)
_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1))
_maybe_dates = st.none() | _dates


@st.composite
def _events(draw: st.DrawFn) -> Event:
    kind = draw(st.sampled_from(EventKind))
    at, text = draw(_instants), draw(_text)
    if kind is EventKind.THANK_YOU_SENT:
        return Event(kind, at, to=draw(_text), text=text)
    if kind is EventKind.CHECK_IN_SENT:
        return Event(kind, at, channel=draw(st.none() | st.sampled_from(Channel)), text=text)
    if kind is EventKind.REPLY:
        outcome = draw(st.sampled_from(Outcome))
        decision = draw(_maybe_dates) if outcome is Outcome.STILL_DECIDING else None
        answer_by = draw(_maybe_dates) if outcome is Outcome.OFFER else None
        return Event(
            kind, at, outcome=outcome, decision_by=decision, text=text, respond_by=answer_by
        )
    if kind is EventKind.SNOOZED:
        return Event(kind, at, until=draw(_dates), text=text)
    return Event(kind, at, text=text)


_interviewers = st.builds(
    Interviewer, name=_name, title=_text, email=_text, phone=_text, topic=_text
)

interviews = st.builds(
    Interview,
    id=st.text(alphabet="abcdef0123456789-", min_size=1, max_size=32),
    company=_name,
    role=_name,
    start=_instants,
    round=_text,
    duration_minutes=st.integers(1, 24 * 60),
    format=st.sampled_from(Format),
    interviewers=st.lists(_interviewers, max_size=3).map(tuple),
    decision_by=_maybe_dates,
    check_in_on=_maybe_dates,
    follows=st.just("") | st.text(alphabet="abcdef0123456789-", min_size=1, max_size=32),
    channel=st.sampled_from(Channel),
    policy=st.sampled_from([None, "prompt", "standard", "patient"]),
    posting_url=_text,
    notes=st.text(max_size=200),
    archived=st.booleans(),
    events=st.lists(_events(), max_size=6).map(tuple),
    edited=st.dictionaries(st.sampled_from(EDITABLE_FIELDS), _instants, max_size=4).map(
        lambda stamps: tuple(sorted(stamps.items()))
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(interviews, max_size=5, unique_by=lambda i: i.id))
def test_export_import_export_is_the_identity(batch: list[Interview]) -> None:
    document = interviews_to_document(batch)
    # Through real JSON text, as a file would carry it.
    read_back = document_to_interviews(json.loads(json.dumps(document)))
    assert read_back == batch
    assert interviews_to_document(read_back) == document


@given(interviews)
def test_checked_leaves_a_valid_interview_equal(interview: Interview) -> None:
    assert checked(interview) == interview


_GOOD: dict[str, Any] = ISSUE_EXAMPLE["interviews"][0]

#: (change to the second of three records, the field named, a phrase of the problem)
BAD_RECORDS: list[tuple[dict[str, Any], str, str]] = [
    ({"start": "tuesday"}, "start", "not an ISO 8601 instant: 'tuesday'"),
    ({"start": "2026-11-03"}, "start", "not an ISO 8601 instant"),
    ({"start": 1762182000}, "start", "expected an ISO 8601 instant"),
    ({"start": None}, "start", "missing"),
    ({"company": ""}, "company", "must not be blank"),
    ({"company": "   "}, "company", "must not be blank"),
    ({"company": 42}, "company", "expected text"),
    ({"role": None}, "role", "missing"),
    ({"role": ["PM"]}, "role", "expected text"),
    ({"id": 7}, "id", "expected text"),
    ({"round": False}, "round", "expected text"),
    ({"duration_minutes": -30}, "duration_minutes", "must be 1 to 1440"),
    ({"duration_minutes": 0}, "duration_minutes", "must be 1 to 1440"),
    ({"duration_minutes": 100_000}, "duration_minutes", "must be 1 to 1440"),
    ({"duration_minutes": "60"}, "duration_minutes", "whole number"),
    ({"duration_minutes": 60.0}, "duration_minutes", "whole number"),
    ({"duration_minutes": True}, "duration_minutes", "whole number"),
    ({"format": "zoom"}, "format", "expected one of phone, video, onsite"),
    ({"format": 1}, "format", "expected one of"),
    ({"channel": "fax"}, "channel", "expected one of email, phone, unknown"),
    ({"policy": "lazy"}, "policy", "prompt, standard, patient"),
    ({"policy": 2}, "policy", "expected null or one of"),
    ({"decision_by": "2026-13-01"}, "decision_by", "not a real date"),
    ({"decision_by": "20261106"}, "decision_by", "YYYY-MM-DD"),
    ({"decision_by": "Nov 6"}, "decision_by", "YYYY-MM-DD"),
    ({"check_in_on": 20261106}, "check_in_on", "YYYY-MM-DD"),
    ({"check_in_on": "2026-11-06T10:00:00"}, "check_in_on", "YYYY-MM-DD"),
    ({"archived": "yes"}, "archived", "true or false"),
    ({"archived": 0}, "archived", "true or false"),
    ({"notes": "bad \ud800 surrogate"}, "notes", "not valid Unicode"),
    ({"compnay": "Acme"}, "compnay", "not a field of an interview"),
    ({"interviewers": "Dana"}, "interviewers", "expected a list"),
    ({"interviewers": ["Dana"]}, "interviewers.1", "expected an object"),
    ({"interviewers": [{"title": "CTO"}]}, "interviewers.1.name", "missing"),
    ({"interviewers": [{"name": " "}]}, "interviewers.1.name", "must not be blank"),
    (
        {"interviewers": [{"name": "A"}, {"name": "B", "mail": "b@x"}]},
        "interviewers.2.mail",
        "not a field",
    ),
    ({"interviewers": [{"name": "A", "phone": 5550100}]}, "interviewers.1.phone", "text"),
    ({"events": {"kind": "note"}}, "events", "expected a list"),
    ({"edited": "2026-11-04T10:00:00Z"}, "edited", "expected an object"),
    ({"edited": {"archived": "yesterday"}}, "edited.archived", "not an ISO 8601 instant"),
    ({"edited": {"archived": None}}, "edited.archived", "missing"),
    ({"edited": {"events": "2026-11-04T10:00:00Z"}}, "edited.events", "not a field"),
    (
        {"edited": {"salary": "2026-11-04T10:00:00Z"}},
        "edited.salary",
        "not a field of an interview that can be edited",
    ),
]

#: (bad event, placed second in the log, the field named, a phrase of the problem)
BAD_EVENTS: list[tuple[dict[str, Any], str, str]] = [
    ({"kind": "phoned", "at": "2026-11-04T10:00:00Z"}, "kind", "expected one of"),
    ({"at": "2026-11-04T10:00:00Z"}, "kind", "missing"),
    ({"kind": "note"}, "at", "missing"),
    ({"kind": "note", "at": "soon"}, "at", "not an ISO 8601 instant"),
    ({"kind": "note", "at": "2026-11-04T10:00:00Z", "text": 3}, "text", "expected text"),
    ({"kind": "reply", "at": "2026-11-04T10:00:00Z"}, "outcome", "missing"),
    ({"kind": "reply", "at": "2026-11-04T10:00:00Z", "outcome": "maybe"}, "outcome", "one of"),
    (
        {
            "kind": "reply",
            "at": "2026-11-04T10:00Z",
            "outcome": "rejected",
            "decision_by": "2026-12-01",
        },
        "decision_by",
        "only a still_deciding reply",
    ),
    (
        {
            "kind": "reply",
            "at": "2026-11-04T10:00Z",
            "outcome": "still_deciding",
            "decision_by": "soon",
        },
        "decision_by",
        "YYYY-MM-DD",
    ),
    ({"kind": "snoozed", "at": "2026-11-04T10:00:00Z"}, "until", "missing"),
    ({"kind": "snoozed", "at": "2026-11-04T10:00Z", "until": "2026-02-30"}, "until", "real date"),
    (
        {"kind": "check_in_sent", "at": "2026-11-04T10:00Z", "channel": "pigeon"},
        "channel",
        "one of",
    ),
    ({"kind": "check_in_sent", "at": "2026-11-04T10:00Z", "to": "Dana"}, "to", "not a field"),
    ({"kind": "note", "at": "2026-11-04T10:00Z", "until": "2026-12-01"}, "until", "not a field"),
    ({"kind": "thank_you_sent", "at": "2026-11-04T10:00Z", "to": None, "x": 1}, "x", "not a field"),
]


def _document_with(second: object) -> dict[str, Any]:
    first = copy.deepcopy(_GOOD) | {"id": "one"}
    third = copy.deepcopy(_GOOD) | {"id": "three"}
    return {"format": "followup", "version": 1, "interviews": [first, second, third]}


@pytest.mark.parametrize(("change", "field", "problem"), BAD_RECORDS)
def test_a_bad_record_is_refused_naming_record_and_field(
    change: dict[str, Any], field: str, problem: str
) -> None:
    record = copy.deepcopy(_GOOD) | {"id": "two"} | change
    with pytest.raises(CodecError) as caught:
        document_to_interviews(_document_with(record))
    label = "interview 2 (Acme)" if "company" not in change else "interview 2 (id two)"
    assert str(caught.value).startswith(f"{label}: field {field!r}: ")
    assert problem in str(caught.value)
    assert caught.value.field == field


@pytest.mark.parametrize(("event", "field", "problem"), BAD_EVENTS)
def test_a_bad_event_is_refused_naming_record_event_and_field(
    event: dict[str, Any], field: str, problem: str
) -> None:
    record = copy.deepcopy(_GOOD) | {"id": "two"}
    record["events"] = [record["events"][0], event]
    with pytest.raises(CodecError) as caught:
        document_to_interviews(_document_with(record))
    assert str(caught.value).startswith(f"interview 2 (Acme): event 2: field {field!r}: ")
    assert problem in str(caught.value)
    assert caught.value.event == 2


@pytest.mark.parametrize("record", ["Acme", None, 3, ["Acme"]])
def test_a_record_that_is_not_an_object_is_refused(record: object) -> None:
    with pytest.raises(CodecError, match=r"^interview 2: expected an object"):
        document_to_interviews(_document_with(record))


def test_an_event_that_is_not_an_object_is_refused() -> None:
    record = copy.deepcopy(_GOOD) | {"events": ["thank_you_sent"]}
    with pytest.raises(CodecError, match=r"^interview 2 \(Acme\): event 1: expected an object"):
        document_to_interviews(_document_with(record))


def test_the_record_is_named_by_position_when_it_has_neither_company_nor_id() -> None:
    record = {"role": "PM", "start": "2026-11-03T10:00:00Z"}
    with pytest.raises(CodecError, match=r"^interview 2: field 'company': missing$"):
        document_to_interviews(_document_with(record))


def test_duplicate_ids_are_refused() -> None:
    doc = _document_with(copy.deepcopy(_GOOD) | {"id": "three", "company": "Initech"})
    with pytest.raises(CodecError) as caught:
        document_to_interviews(doc)
    assert str(caught.value) == (
        "interview 3 (Acme): field 'id': duplicate id 'three' (also interview 2)"
    )


BAD_DOCUMENTS: list[tuple[object, str]] = [
    ([], "expected a followup document"),
    (None, "expected a followup document"),
    ("followup", "expected a followup document"),
    ({"version": 1, "interviews": []}, "field 'format': expected 'followup', got None"),
    ({"format": "followup-demo", "version": 1, "interviews": []}, "field 'format'"),
    ({"format": "followup", "version": 2, "interviews": []}, "newer followup"),
    ({"format": "followup", "version": "1", "interviews": []}, "field 'version'"),
    ({"format": "followup", "version": 0, "interviews": []}, "field 'version'"),
    ({"format": "followup", "version": True, "interviews": []}, "field 'version'"),
    ({"format": "followup", "version": 1}, "field 'interviews': expected a list"),
    ({"format": "followup", "version": 1, "interviews": {}}, "field 'interviews'"),
    ({"format": "followup", "version": 1, "interviews": [], "extra": 1}, "field 'extra'"),
]


@pytest.mark.parametrize(("document", "problem"), BAD_DOCUMENTS)
def test_a_bad_document_is_refused(document: object, problem: str) -> None:
    with pytest.raises(CodecError) as caught:
        document_to_interviews(document)
    assert problem in str(caught.value)


def test_an_empty_document_is_fine() -> None:
    assert document_to_interviews({"format": "followup", "version": 1, "interviews": []}) == []


_BASE = Interview(id="x", company="Acme", role="PM", start=datetime(2026, 11, 3, 10, tzinfo=EST))


def test_a_naive_instant_is_not_written() -> None:
    with pytest.raises(CodecError, match="field 'start': instant has no time zone"):
        interview_to_dict(Interview(id="x", company="A", role="B", start=datetime(2026, 1, 1)))
    naive_event = Event(EventKind.NOTE, datetime(2026, 1, 1), text="hi")
    with pytest.raises(CodecError, match="event 1: field 'at': instant has no time zone"):
        interview_to_dict(_BASE.with_event(naive_event))


@pytest.mark.parametrize(
    ("event", "field"),
    [
        (Event(EventKind.REPLY, _BASE.start, to="Dana", outcome=Outcome.OFFER), "to"),
        (Event(EventKind.NOTE, _BASE.start, channel=Channel.EMAIL), "channel"),
        (Event(EventKind.SNOOZED, _BASE.start, outcome=Outcome.OFFER), "outcome"),
        (
            Event(EventKind.REPLY, _BASE.start, outcome=Outcome.OFFER, until=date(2026, 1, 1)),
            "until",
        ),
        (Event(EventKind.REPLY, _BASE.start), "outcome"),
    ],
)
def test_a_field_an_event_kind_cannot_carry_is_not_written(event: Event, field: str) -> None:
    with pytest.raises(CodecError, match=f"event 1: field '{field}'"):
        interview_to_dict(_BASE.with_event(event))


@pytest.mark.parametrize(
    "bad",
    [
        Interview(id="x", company=" ", role="PM", start=_BASE.start),
        Interview(id="x", company="A", role="PM", start=_BASE.start, duration_minutes=0),
        Interview(id="x", company="A", role="PM", start=_BASE.start, policy="weekly"),
    ],
)
def test_checked_refuses_what_could_not_be_read_back(bad: Interview) -> None:
    with pytest.raises(CodecError):
        checked(bad)


def test_checked_gives_an_interview_without_id_a_fresh_one() -> None:
    fresh = checked(Interview(id="", company="A", role="PM", start=_BASE.start))
    assert len(fresh.id) == 32


def test_a_record_without_edit_times_reads_and_writes_as_before() -> None:
    # Files written before edit times were kept: nothing known, and nothing added on writing.
    [read] = document_to_interviews(ISSUE_EXAMPLE)
    assert read.edited == ()
    assert read.edited_at("archived") is None
    assert "edited" not in interview_to_dict(read)


def test_edit_times_round_trip_and_are_kept_sorted_by_field() -> None:
    record = copy.deepcopy(_GOOD) | {
        "edited": {"notes": "2026-11-05T09:00:00+00:00", "archived": "2026-11-04T18:30:00-05:00"}
    }
    read = interview_from_dict(record, 1)
    assert read.edited == (
        ("archived", datetime(2026, 11, 4, 18, 30, tzinfo=EST)),
        ("notes", datetime(2026, 11, 5, 9, tzinfo=UTC)),
    )
    assert read.edited_at("notes") == datetime(2026, 11, 5, 9, tzinfo=UTC)
    assert read.edited_at("role") is None
    assert interview_to_dict(read)["edited"] == {
        "archived": "2026-11-04T18:30:00-05:00",
        "notes": "2026-11-05T09:00:00+00:00",
    }
