"""The road ahead if nobody answers: each step the ladder will ask for, with its day.

Read from the ladder itself, by supposing each step is sent on the day it falls due and
asking the ladder what comes next, so the plan can never disagree with the badges. A reply
changes the road; the plan says what happens without one. Nothing reads the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.ladder import standing
from followup_tui.core.model import Event, EventKind, Interview
from followup_tui.core.policy import Policy
from followup_tui.core.standing import Status, Step

_SENT = {Step.CHECK_IN: EventKind.CHECK_IN_SENT, Step.KEEP_WARM: EventKind.KEEP_WARM_SENT}
_LAST = {Step.CLOSING_NOTE}
_OPEN = frozenset(
    {
        Status.THANK_YOU_DUE,
        Status.THANK_YOU_LATE,
        Status.WAITING,
        Status.FOLLOW_UP_DUE,
        Status.OVERDUE,
        Status.MOVE_ON,
    }
)
_MORNING = timedelta(hours=9)
"""When a supposed step goes out on its day (after the day's start)."""
_LONGEST = 8
"""More steps than any policy's road holds (two check-ins and three keep-warm notes)."""


@dataclass(frozen=True, slots=True)
class Stop:
    """One step on the road: what it is and the day it falls due."""

    label: str
    """The ladder's words for it: "check-in 2 of 2", "closing note"."""
    day: date
    """The local day it falls due (today, when it is due already)."""


def plan(
    interview: Interview, policy: Policy, now: datetime, calendar: BusinessCalendar
) -> list[Stop]:
    """The steps still ahead for ``interview`` if nobody answers, soonest first."""
    today = calendar.day_of(now)
    # The thank-yous go out whatever happens: suppose them sent, so the road shows past them.
    current = _thanked(interview, now)
    moment = max(now, interview.end)
    stops: list[Stop] = []
    for _ in range(_LONGEST):
        s = standing(current, policy, moment, calendar)
        if s.status not in _OPEN:
            break
        step = next((a for a in s.actions if a.step in _SENT or a.step in _LAST), None)
        if step is None:
            break
        due = s.due if isinstance(s.due, date) and not isinstance(s.due, datetime) else today
        day = max(due, today)
        label = "closing note" if step.step in _LAST else step.label
        stops.append(Stop(label, day))
        if step.step in _LAST:
            break
        sent_at = calendar.start_of(day) + _MORNING
        current = current.with_event(Event(_SENT[step.step], max(sent_at, moment)))
        moment = max(sent_at, moment) + timedelta(minutes=1)
    return stops


def _thanked(interview: Interview, now: datetime) -> Interview:
    """The interview with a thank-you to the whole panel supposed sent when it ended (or
    now), unless every interviewer has had one already."""
    told = {e.to.strip().casefold() for e in interview.events if e.kind is EventKind.THANK_YOU_SENT}
    panel = {p.name.strip().casefold() for p in interview.interviewers if p.name.strip()}
    if "" in told or (told and panel <= told):  # one to no one in particular is to all
        return interview
    return interview.with_event(Event(EventKind.THANK_YOU_SENT, max(interview.end, now)))
