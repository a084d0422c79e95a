"""Invariants of the ladder, over random interviews, logs, policies and instants."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import (
    OUTREACH_KINDS,
    Event,
    EventKind,
    Interview,
    Interviewer,
    Outcome,
)
from followup_tui.core.policy import POLICIES, Policy
from followup_tui.core.standing import Status, Step
from tests.core.conftest import NY

HOLIDAYS = frozenset({date(2026, 11, 26), date(2026, 12, 25), date(2027, 1, 1)})
CAL = BusinessCalendar(NY, HOLIDAYS)
T0 = datetime(2026, 10, 1, tzinfo=UTC)

instants = st.integers(0, 90 * 24 * 60).map(lambda m: T0 + timedelta(minutes=m))
days = st.integers(0, 100).map(lambda d: date(2026, 10, 1) + timedelta(days=d))
kinds = st.sampled_from(list(EventKind))
# Strategies built once: built afresh at each draw, they took nearly half of the time
# these properties run.
_recipients = st.sampled_from(["", "Dana Ruiz", "Lee Park"])
_outcomes = st.sampled_from(list(Outcome))
_maybe_days = st.none() | days
_lengths = st.integers(15, 240)
_panels = st.lists(st.sampled_from(["Dana Ruiz", "Lee Park", "Sam Oh"]), max_size=3, unique=True)


@st.composite
def events(draw: st.DrawFn) -> Event:
    kind = draw(kinds)
    return Event(
        kind,
        draw(instants),
        to=draw(_recipients),
        outcome=draw(_outcomes) if kind is EventKind.REPLY else None,
        decision_by=draw(_maybe_days),
        until=draw(days) if kind is EventKind.SNOOZED else None,
    )


_logs = st.lists(events(), max_size=8)


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    return Interview(
        id="x",
        company="Acme",
        role="Engineer",
        start=draw(instants),
        duration_minutes=draw(_lengths),
        interviewers=tuple(Interviewer(n) for n in draw(_panels)),
        decision_by=draw(_maybe_days),
        check_in_on=draw(_maybe_days),
        events=tuple(draw(_logs)),
    )


policies = st.sampled_from(list(POLICIES.values()))
LADDER_STEPS = {Step.CHECK_IN, Step.KEEP_WARM}


def _last_outreach(i: Interview) -> datetime | None:
    sent = [e.at for e in i.events if e.kind in OUTREACH_KINDS]
    return max(sent) if sent else None


@settings(max_examples=400, deadline=None)
@given(interviews(), policies, instants)
def test_nothing_falls_due_on_a_day_off(i: Interview, policy: Policy, now: datetime) -> None:
    s = standing(i, policy, now, CAL)
    if (
        s.status in (Status.WAITING, Status.FOLLOW_UP_DUE, Status.OVERDUE)
        and isinstance(s.due, date)
        and not isinstance(s.due, datetime)
    ):
        assert CAL.is_business_day(s.due)
    if s.overdue_after is not None:
        assert CAL.is_business_day(s.overdue_after)


@settings(max_examples=400, deadline=None)
@given(interviews(), policies, instants)
def test_never_sooner_than_the_minimum_gap(i: Interview, policy: Policy, now: datetime) -> None:
    s = standing(i, policy, now, CAL)
    last = _last_outreach(i)
    ladder = [a for a in s.actions if a.step in LADDER_STEPS]
    if last is None or not ladder or not isinstance(s.due, date) or isinstance(s.due, datetime):
        return
    if s.status in (Status.WAITING, Status.FOLLOW_UP_DUE, Status.OVERDUE):
        assert s.due >= CAL.add(CAL.day_of(last), policy.minimum_gap)


@settings(max_examples=400, deadline=None)
@given(interviews(), policies, instants)
def test_never_a_third_unanswered_check_in(i: Interview, policy: Policy, now: datetime) -> None:
    s = standing(i, policy, now, CAL)
    for action in s.actions:
        if action.step is Step.CHECK_IN:
            assert 1 <= action.number <= policy.unanswered_before_move_on


@settings(max_examples=300, deadline=None)
@given(interviews(), policies, instants)
def test_status_changes_only_at_changes_at(i: Interview, policy: Policy, now: datetime) -> None:
    s = standing(i, policy, now, CAL)
    if s.changes_at is None:
        later = now + timedelta(days=3)
        assert standing(i, policy, later, CAL).status in (s.status, Status.OVERDUE, Status.MOVE_ON)
        return
    assert s.changes_at > now
    just_before = s.changes_at - timedelta(seconds=1)
    assert standing(i, policy, just_before, CAL).status is s.status


@pytest.fixture
def machine_zone() -> Iterator[None]:
    saved = os.environ.get("TZ")
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    interviews(),
    policies,
    instants,
    st.sampled_from(["UTC", "Asia/Kolkata", "Pacific/Auckland", "America/Los_Angeles"]),
)
def test_the_machine_time_zone_does_not_matter(
    machine_zone: None, i: Interview, policy: Policy, now: datetime, zone: str
) -> None:
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    here = standing(i, policy, now, CAL)
    os.environ["TZ"] = zone
    time.tzset()
    assert standing(i, policy, now.astimezone(NY), CAL) == here


@given(
    interviews(),
    st.sampled_from(list(Outcome)),
    st.integers(0, 24 * 60 - 2),
    st.integers(1, 24 * 60),
    policies,
)
def test_a_reply_never_cancels_a_thank_you_whose_window_is_open(
    i: Interview, outcome: Outcome, reply_after: int, look_after: int, policy: Policy
) -> None:
    names = [p.name for p in i.interviewers]
    closes = i.end + timedelta(hours=policy.thank_you_hours)
    replied = i.end + timedelta(minutes=reply_after)
    now = min(replied + timedelta(minutes=look_after), closes - timedelta(minutes=1))
    reply = Event(EventKind.REPLY, replied, outcome=outcome)
    s = standing(replace(i, events=(reply,)), policy, now, CAL)
    owed = {a.recipient for a in s.actions if a.step is Step.THANK_YOU}
    assert owed == (set(names) if names else {""})


@given(interviews(), st.sampled_from(list(Outcome)), instants, st.integers(1, 30 * 24 * 60))
def test_any_reply_after_the_closing_note_reopens_the_interview(
    i: Interview, outcome: Outcome, closed_at: datetime, later: int
) -> None:
    plain = [e for e in i.events if e.kind not in (EventKind.WITHDREW, EventKind.REPLY)]
    plain = [e for e in plain if e.at < closed_at and e.kind not in _CLOSERS]
    reply_at = closed_at + timedelta(minutes=later)
    log = (
        *plain,
        Event(EventKind.CLOSING_NOTE_SENT, closed_at),
        Event(EventKind.REPLY, reply_at, outcome=outcome),
    )
    s = standing(replace(i, events=log), POLICIES["standard"], reply_at, CAL)
    assert s.reason != "no response"
    if outcome is Outcome.OFFER:
        assert s.status is Status.OFFER


_CLOSERS = frozenset({EventKind.THANKS_SENT, EventKind.OFFER_ACCEPTED, EventKind.OFFER_DECLINED})
