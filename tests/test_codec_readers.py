"""The codec's quick reader checked against its careful one.

The careful reader is the reference: every rule, and an error naming the record and the
field. The quick one reads the usual record with fewer calls and hands anything else to the
careful one, so it must accept exactly what the careful one accepts, and read it the same.
"""

from __future__ import annotations

import ast
import copy
import inspect
import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.core import codec
from followup_tui.core.codec import CodecError, document_to_interviews, interview_from_dict
from followup_tui.core.model import Channel, EventKind, Format, Interview, Outcome
from followup_tui.core.policy import POLICIES

RECORD: dict[str, Any] = {
    "id": "acme-pm",
    "company": "Acme",
    "role": "Product Manager",
    "round": "onsite",
    "start": "2026-11-03T10:00:00-05:00",
    "duration_minutes": 60,
    "format": "video",
    "interviewers": [{"name": "Dana Ruiz", "title": "", "email": "dana@acme.example", "phone": ""}],
    "decision_by": "2026-11-06",
    "check_in_on": None,
    "channel": "email",
    "policy": None,
    "posting_url": "",
    "notes": "",
    "archived": False,
    "follows": "acme-screen",
    "edited": {"archived": "2026-11-12T08:00:00-05:00", "notes": "2026-11-04T09:00:00Z"},
    "events": [
        {"kind": "thank_you_sent", "at": "2026-11-03T18:00:00-05:00", "to": "Dana Ruiz"},
        {"kind": "check_in_sent", "at": "2026-11-10T09:00:00-05:00", "channel": "email"},
        {
            "kind": "reply",
            "at": "2026-11-11T09:30:00-05:00",
            "outcome": "still_deciding",
            "decision_by": "2026-12-02",
        },
        {"kind": "snoozed", "at": "2026-11-12T08:00:00-05:00", "until": "2026-12-10"},
    ],
}
"""A record in the usual shape, with every kind of event."""

#: Values a field may hold in a record read from a file someone edited: right, wrong, odd.
ODD_VALUES: list[object] = [
    None,
    "",
    "  ",
    "Acme",
    " Acme ",
    "José Núñez",
    "bad \ud800 surrogate",
    0,
    60,
    -5,
    2000,
    True,
    False,
    1.5,
    [],
    {},
    ["x"],
    *(f.value for f in Format),
    "on-site",
    *(c.value for c in Channel),
    *POLICIES,
    "2026-11-03",
    " 2026-11-03",
    "2026-02-30",
    "2026-W45-2",
    "1899-12-31",
    "\u0662\u0660\u0662\u0666-\u0661\u0661-\u0660\u0663",  # Arabic-Indic digits
    "2026-11-03T10:00:00+00:00",
    "2026-11-03T10:00:00",
    " 2026-11-03T10:00:00Z ",
    "2026-11-03T10",
    "2026-11-03T",
    "3000-01-01T10:00:00+00:00",
    *(o.value for o in Outcome),
    *(k.value for k in EventKind),
]
odd = st.sampled_from(ODD_VALUES)
RECORD_KEYS = [*RECORD, "x"]
EVENT_KEYS = [
    *["kind", "at", "text", "to", "channel", "outcome", "decision_by", "until", "respond_by"],
    "x",
]
PERSON_KEYS = ["name", "title", "email", "phone", "topic", "x"]


def _mutated(base: dict[str, Any], keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """``base`` with some fields replaced by odd values, some removed, maybe an unknown one."""
    return st.builds(
        lambda changes, drops: {k: v for k, v in (base | changes).items() if k not in drops},
        st.dictionaries(st.sampled_from(keys), odd, max_size=3),
        st.sets(st.sampled_from(keys), max_size=2),
    )


_EVENT = {"kind": "reply", "at": "2026-11-04T09:00:00-05:00", "outcome": "still_deciding"}
_PERSON = RECORD["interviewers"][0]
_UNTOUCHED = copy.deepcopy(RECORD)
events = st.one_of(
    _mutated(_EVENT, EVENT_KEYS),
    st.sampled_from(RECORD["events"]).flatmap(lambda e: _mutated(e, EVENT_KEYS)),
    odd,
)
records = st.builds(
    lambda record, people, events, shape: (
        record | {"interviewers": people, "events": events}
        if shape == "lists"
        else record | {"interviewers": tuple(people)}
        if shape == "tuple"
        else record
    ),
    _mutated(RECORD, RECORD_KEYS),
    st.lists(st.one_of(_mutated(_PERSON, PERSON_KEYS), odd), max_size=2),
    st.lists(events, max_size=3),
    st.sampled_from(["lists", "lists", "tuple", "as is"]),
)
"""Records in the usual shape, mutated: valid, invalid, and valid but unusual."""


def _careful(record: object) -> Interview | str:
    """What the careful reader makes of ``record``: the interview, or its error message."""
    try:
        return codec._careful_interview(record, 1, lambda: "fresh")
    except CodecError as exc:
        return f"CodecError: {exc}"


def _quick(record: object) -> Interview | None:
    """What the quick reader makes of ``record``: the interview, or None when it passes."""
    try:
        return codec._quick_interview(record, lambda: "fresh")
    except codec._Unusual:
        return None


@settings(max_examples=400)
@given(records)
def test_the_quick_reader_accepts_exactly_what_the_careful_one_does_and_reads_it_the_same(
    record: dict[str, Any],
) -> None:
    careful, quick = _careful(record), _quick(record)
    # repr, not ==: a plain "video" equals Format.VIDEO, and the types must match too.
    if isinstance(careful, str):
        assert quick is None, careful  # a rule of the careful reader's the quick one lacks
    else:
        assert quick is not None, careful  # a rule of the quick reader's the careful one lacks
        assert repr(quick) == repr(careful)


@settings(max_examples=200)
@given(records)
def test_a_record_reads_as_the_careful_reader_reads_it_error_included(
    record: dict[str, Any],
) -> None:
    try:
        read: Interview | str = interview_from_dict(record, 1, make_id=lambda: "fresh")
    except CodecError as exc:
        read = f"CodecError: {exc}"
    assert repr(read) == repr(_careful(record))
    assert RECORD == _UNTOUCHED  # neither reader changes what it reads


@contextmanager
def _careful_only() -> Iterator[None]:
    """The codec with its quick reader turned off."""

    def passes(data: object, make_id: Callable[[], str]) -> Interview:
        raise codec._Unusual

    with mock.patch.object(codec, "_quick_interview", passes):
        yield


def _document_outcome(document: object) -> str:
    """What reading ``document`` gives, with fresh ids numbered from 0."""
    numbers = itertools.count()
    fresh = mock.patch("uuid.uuid4", lambda: uuid.UUID(int=next(numbers)))
    try:
        with fresh:
            return repr(document_to_interviews(document))
    except CodecError as exc:
        return f"CodecError: {exc}"


@settings(max_examples=100)
@given(st.lists(st.one_of(records, st.just(RECORD)), max_size=4))
def test_a_document_reads_the_same_with_or_without_the_quick_reader(
    batch: list[dict[str, Any]],
) -> None:
    document = {"format": "followup", "version": 1, "interviews": batch}
    with_quick = _document_outcome(document)
    with _careful_only():
        assert _document_outcome(document) == with_quick


def test_the_generated_records_touch_every_field_and_every_named_value() -> None:
    # A field or a value the codec gains must be added here, so the readers are compared on it.
    assert set(RECORD_KEYS) >= codec._INTERVIEW_FIELDS
    assert set(PERSON_KEYS) >= codec._INTERVIEWER_FIELDS
    assert set(EVENT_KEYS) >= set().union(*codec._EVENT_FIELDS.values())
    named = [*codec._FORMATS, *codec._CHANNELS, *codec._KINDS, *codec._OUTCOMES, *POLICIES]
    assert [v for v in named if v not in ODD_VALUES] == []


def _with(**changes: object) -> dict[str, Any]:
    """:data:`RECORD` with some fields changed (``...`` removes one)."""
    record = copy.deepcopy(RECORD) | changes
    return {k: v for k, v in record.items() if v is not ...}


def _event(**changes: object) -> dict[str, Any]:
    """:data:`RECORD` holding one reply event, with some of its fields changed."""
    event = {k: v for k, v in (_EVENT | changes).items() if v is not ...}
    return _with(events=[event])


BROKEN: dict[str, object] = {
    "an unknown field": _with(salary=1),
    "a blank company": _with(company="  "),
    "no role": _with(role=...),
    "a number for text": _with(round=5),
    "a lone surrogate": _with(notes="\ud800"),
    "no start": _with(start=...),
    "a number for an instant": _with(start=5),
    "a bare date for an instant": _with(start="2026-11-03"),
    "an instant that is not one": _with(start="2026-11-03T25:00"),
    "an instant in 3000": _with(start="3000-01-01T10:00:00+00:00"),
    "a day not as YYYY-MM-DD": _with(decision_by="2026-11-3"),
    "a day that is not real": _with(decision_by="2026-02-30"),
    "a day in 1899": _with(decision_by="1899-12-31"),
    "an event with no kind": _event(kind=...),
    "an unknown format": _with(format="hologram"),
    "a record that is a list": [],
    "minutes as text": _with(duration_minutes="60"),
    "no minutes at all": _with(duration_minutes=0),
    "an unknown policy": _with(policy="eager"),
    "archived as text": _with(archived="yes"),
    "interviewers not a list": _with(interviewers="Dana"),
    "an interviewer as text": _with(interviewers=["Dana"]),
    "events not a list": _with(events={}),
    "an event as text": _with(events=["note"]),
    "a decision date on a rejection": _event(outcome="rejected", decision_by="2026-12-01"),
    "a date to answer by on a rejection": _event(outcome="rejected", respond_by="2026-12-01"),
    "a snooze with no end": _event(kind="snoozed", outcome=..., until=...),
    "an interviewer with a blank name": _with(interviewers=[{"name": " "}]),
    "a reply with no outcome": _event(outcome=...),
    "an event sent by pigeon": _event(kind="check_in_sent", outcome=..., channel="pigeon"),
    "a company past its limit": _with(company="A" * (codec.TEXT_LIMIT + 1)),
    "notes past their limit": _with(notes="n" * (codec.LONG_TEXT_LIMITS["notes"] + 1)),
    "a topic past its limit": _with(
        interviewers=[{"name": "Dana", "topic": "t" * (codec.LONG_TEXT_LIMITS["topic"] + 1)}]
    ),
    "an event's text past its limit": _event(text="x" * (codec.LONG_TEXT_LIMITS["text"] + 1)),
    "edit times as text": _with(edited="2026-11-04T09:00:00Z"),
    "an edit time of no field": _with(edited={"salary": "2026-11-04T09:00:00Z"}),
    "an edit time that is not one": _with(edited={"notes": "2026-11-04"}),
}
"""Records each breaking one rule of the careful reader."""


EDGES: dict[str, dict[str, Any]] = {
    "one minute": _with(duration_minutes=1),
    "a whole day": _with(duration_minutes=codec.MAX_DURATION_MINUTES),
    "the first year": _with(start="1900-01-01T00:00:00+00:00", decision_by="1900-01-01"),
    "the last year": _with(start="2999-12-31T23:59:00+00:00", check_in_on="2999-12-31"),
    "a start without offset": _with(start="2026-11-03T10:00:00"),
    "a start with spaces": _with(start=" 2026-11-03T10:00:00Z "),
    "no id": _with(id=...),
    "a blank id": _with(id="  "),
    "text beyond ASCII": _with(company="José Núñez", notes="ça va ?\n😀"),
    "no lists": _with(interviewers=None, events=None),
    "empty lists": _with(interviewers=[], events=[]),
    "archived": _with(archived=True),
    "text fields at their limits": _with(
        company="A" * codec.TEXT_LIMIT,
        notes="n" * codec.LONG_TEXT_LIMITS["notes"],
        posting_url="u" * codec.LONG_TEXT_LIMITS["posting_url"],
    ),
    "a first round": _with(follows=...),
    "never edited": _with(edited=...),
    "no edit times": _with(edited={}),
    "an edit time without offset": _with(edited={"role": "2026-11-04T09:00:00"}),
    "an offer with a date to answer by": _event(outcome="offer", respond_by="2026-12-01"),
    "the fewest fields": {"company": "A", "role": "B", "start": "2026-11-03T10:00:00Z"},
    "a check-in sent some unknown way": _event(kind="check_in_sent", outcome=...),
    **{f"format {name}": _with(format=name) for name in codec._FORMATS},
    **{f"channel {name}": _with(channel=name) for name in codec._CHANNELS},
    **{f"policy {name}": _with(policy=name) for name in POLICIES},
    **{
        f"outcome {name}": _event(outcome=name)
        for name in codec._OUTCOMES
        if name != "still_deciding"
    },
}
"""Valid records at the edges of the rules: both readers take them, and read them the same."""


@pytest.mark.parametrize("why", EDGES)
def test_both_readers_take_a_record_at_the_edge_of_a_rule(why: str) -> None:
    careful, quick = _careful(EDGES[why]), _quick(EDGES[why])
    assert not isinstance(careful, str), careful
    assert quick is not None and repr(quick) == repr(careful)


def _raise_sites(quick: bool) -> dict[int, int]:
    """Each statement of one reader that refuses a record: its first line -> its last."""
    writing = {"interview_to_dict", "_event_to_dict", "_instant_text", "document_to_interviews"}
    tree = ast.parse(inspect.getsource(codec))
    sites = {}
    for top in tree.body:
        if not isinstance(top, ast.FunctionDef | ast.ClassDef) or top.name in writing:
            continue
        if top.name.startswith("_quick") != quick or top.name == "CodecError":
            continue
        for node in ast.walk(top):
            # `raise ValueError` inside a try is no rule: the except below it is.
            raised = node.exc if isinstance(node, ast.Raise) else None
            if isinstance(raised, ast.Call) or (quick and isinstance(raised, ast.Name)):
                sites[node.lineno] = node.end_lineno or node.lineno
    return sites


def _raised_at(tb: TracebackType | None) -> int:
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    assert tb is not None
    return tb.tb_lineno


@pytest.mark.parametrize("why", BROKEN)
def test_both_readers_refuse_a_record_breaking_one_rule(why: str) -> None:
    assert isinstance(_careful(BROKEN[why]), str)
    assert _quick(BROKEN[why]) is None


@pytest.mark.parametrize("quick", [False, True], ids=["careful", "quick"])
def test_every_rule_of_each_reader_is_broken_above(quick: bool) -> None:
    # A rule added to one reader fails this until a record breaking it is in BROKEN, where
    # the other reader must refuse it too.
    sites = _raise_sites(quick)
    hit = set()
    for record in BROKEN.values():
        with pytest.raises(codec._Unusual if quick else CodecError) as caught:
            if quick:
                codec._quick_interview(record, lambda: "fresh")
            else:
                codec._careful_interview(record, 1, lambda: "fresh")
        line = _raised_at(caught.value.__traceback__)
        hit |= {first for first, last in sites.items() if first <= line <= last}
    assert sorted(set(sites) - hit) == []


def test_the_quick_reader_takes_the_usual_record() -> None:
    # Every field set, and to a value no other field has: a mix-up can't go unseen.
    record = _with(
        round="final",
        check_in_on="2026-11-10",
        policy="patient",
        posting_url="https://acme.example/jobs/1",
        notes="talked about the roadmap",
        archived=True,
        duration_minutes=45,
        interviewers=[
            {"name": "Dana Ruiz", "title": "PM lead", "email": "dana@acme.example", "phone": "5"}
        ],
    )
    quick = _quick(record)
    assert quick is not None and repr(quick) == repr(_careful(record))
