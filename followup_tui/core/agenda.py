"""Every step owed or coming, each placed on a day or at an instant: what a calendar shows
and what a reminder announces.

The ladder's :class:`~followup_tui.core.standing.Standing` merges two strands (the
thank-yous, and the check-in ladder) into one badge; a calendar needs each strand's own
date, so the check-in ladder is also read on its own here. Nothing reads the wall clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from followup_tui.core.board import standing_of
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import OUTREACH_KINDS, Event, EventKind, Interview, Outcome
from followup_tui.core.policy import policy_named
from followup_tui.core.standing import Action, Basis, Standing, Status, Step


@dataclass(frozen=True, slots=True)
class Entry:
    """One step of one interview: a thank-you deadline, a check-in day, a note to send."""

    key: str
    """Stable per interview and step ("<id>/check-in-1"), the same from one run to the next."""
    interview: Interview
    """The interview it belongs to."""
    step: Step
    """Which step of the ladder."""
    title: str
    """What to do, in a line: "Check in with Dana Ruiz, Acme Robotics"."""
    purpose: str
    """Why, and what the message is for, in a sentence or two."""
    deadline: datetime | None
    """For a thank-you: the instant its window closes. None for the other steps."""
    day: date | None
    """For the other steps: the local day it falls due. None for a thank-you."""
    owed_from: datetime
    """The instant it falls due (a thank-you as soon as the interview ends)."""

    def is_owed(self, now: datetime) -> bool:
        """True once the step has fallen due."""
        return self.owed_from <= now


def agenda(
    interviews: Iterable[Interview],
    default_policy: str,
    now: datetime,
    calendar: BusinessCalendar,
) -> list[Entry]:
    """Every step owed or coming for the open interviews, soonest first.

    Closed, archived and offered interviews have none. An upcoming interview already has
    its thank-you deadline and its first check-in day.
    """
    entries = [e for i in interviews for e in entries_of(i, default_policy, now, calendar)]
    return sorted(entries, key=lambda e: (e.owed_from.timestamp(), e.key))


def entries_of(
    interview: Interview, default_policy: str, now: datetime, calendar: BusinessCalendar
) -> list[Entry]:
    """The steps owed or coming for one interview (none once it is closed or archived)."""
    if interview.archived:
        return []
    # The ladder's dates don't depend on *now*, only its badge does: read an upcoming
    # interview as it will stand when it ends, so its steps are known in advance.
    when = max(now, interview.end)
    whole = standing_of(interview, default_policy, when, calendar)
    if not whole.status.is_open:
        return []
    if whole.status is Status.OFFER:
        return [_offer(interview, whole, calendar)]
    entries: list[Entry] = []
    owed_thanks = [a for a in whole.actions if a.step is Step.THANK_YOU]
    if owed_thanks:
        entries.append(_thank_you(interview, owed_thanks, default_policy))
    ladder = standing_of(_without_thanks(interview), default_policy, when, calendar)
    for action in ladder.actions:
        if action.step is Step.THANK_YOU or action.step is Step.PREPARE:
            continue
        day = _day_of_step(interview, ladder, default_policy, calendar)
        entries.append(_ladder_entry(interview, action, day, calendar))
    return entries


_LONG_AGO = timedelta(days=3660)


def _without_thanks(interview: Interview) -> Interview:
    """The interview as if every thank-you had gone out long before it: its check-in
    ladder alone, unmasked by a thank-you still owed.

    Long before, so that the minimum gap after it moves no date. Keep-warm notes count
    from the last outreach, so an interview with keep-warm chosen is left as it is.
    """
    kinds = {e.kind for e in interview.events}
    if EventKind.KEEP_WARM_CHOSEN in kinds:
        return interview
    thanked = Event(EventKind.THANK_YOU_SENT, interview.start - _LONG_AGO)
    return replace(interview, events=(thanked, *interview.events))


def _day_of_step(
    interview: Interview, ladder: Standing, default_policy: str, calendar: BusinessCalendar
) -> date:
    """The day the ladder's next step falls (or fell) due.

    A closing note or a thanks after a rejection carries no date once it is owed: it
    fell due when the ladder last moved, so the ladder is read again at that instant.
    """
    if isinstance(ladder.due, date) and not isinstance(ladder.due, datetime):
        return ladder.due
    moved = [
        e.at for e in interview.events if e.kind in OUTREACH_KINDS or e.kind is EventKind.REPLY
    ]
    last = max(moved, key=lambda at: at.timestamp(), default=interview.end)
    if last.timestamp() < interview.end.timestamp():
        last = interview.end
    then = standing_of(_without_thanks(interview), default_policy, last, calendar)
    if isinstance(then.due, date) and not isinstance(then.due, datetime):
        return then.due
    return calendar.day_of(last)


def _who(interview: Interview) -> str:
    """The first interviewer and the company, or the company alone."""
    names = [p.name.strip() for p in interview.interviewers if p.name.strip()]
    return f"{names[0]}, {interview.company}" if names else interview.company


def _listing(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def _thank_you(interview: Interview, owed: list[Action], default_policy: str) -> Entry:
    policy = policy_named(interview.policy, default_policy)
    names = [a.recipient for a in owed if a.recipient]
    if names:
        title = f"Thank-you to {_listing(names)}, {interview.company}"
    else:
        title = f"Thank-you note, {interview.company}"
    purpose = (
        f"Thank each interviewer within {policy.thank_you_hours} hours of the interview: a "
        "short, warm note to each one, naming something you talked about with them. Late is "
        "still worth sending."
    )
    deadline = interview.end + timedelta(hours=policy.thank_you_hours)
    return Entry(
        f"{interview.id}/thank-you",
        interview,
        Step.THANK_YOU,
        title,
        purpose,
        deadline,
        None,
        interview.end,
    )


def _offer(interview: Interview, offer: Standing, calendar: BusinessCalendar) -> Entry:
    """Answering an open offer: on the day they asked for an answer by, else from the day
    it came."""
    came = max(
        (e.at for e in interview.events if e.kind is EventKind.REPLY),
        key=datetime.timestamp,
        default=interview.end,
    )
    by = offer.due if isinstance(offer.due, date) and not isinstance(offer.due, datetime) else None
    day = by or calendar.day_of(came)
    when = f" by {by:%a %-d %b}" if by else ""
    purpose = (
        f"{interview.company} made you an offer and asked for your answer{when}. Thank them "
        "first; ask for a little time if you need it; then accept, or decline graciously."
    )
    offers = sum(
        1 for e in interview.events if e.kind is EventKind.REPLY and e.outcome is Outcome.OFFER
    )
    return Entry(
        f"{interview.id}/offer-{offers}",
        interview,
        Step.OFFER_ANSWER,
        f"Answer the offer from {interview.company}",
        purpose,
        None,
        day,
        calendar.start_of(day) if by else came,
    )


_CHECK_IN_WHY = {
    Basis.AGREED: "They agreed you could check in on this day; keeping the arrangement is "
    "itself a good sign.",
    Basis.DECISION_DATE: "The date they said they would decide by has passed.",
    Basis.NO_TIMELINE: "No timeline was given, and enough time has gone by to ask.",
}


def _ladder_entry(
    interview: Interview, action: Action, day: date, calendar: BusinessCalendar
) -> Entry:
    who = _who(interview)
    # A reply restarts the ladder with new steps: they get keys of their own.
    replies = sum(1 for e in interview.events if e.kind is EventKind.REPLY)
    restart = f".r{replies}" if replies else ""
    if action.step is Step.CHECK_IN:
        title = f"Check in with {who}" if action.number <= 1 else f"Check in again with {who}"
        if action.number > 1 or action.basis is None:
            why = "No reply to your first check-in yet."
        else:
            why = _CHECK_IN_WHY[action.basis]
        purpose = (
            f"{why} Check-in {action.number} of {action.of}: a short, friendly note asking "
            "where things stand, never pushy."
        )
        key = f"check-in-{action.number}{restart}"
    elif action.step is Step.CLOSING_NOTE:
        title = f"Closing note to {who}"
        purpose = (
            "Your check-ins went unanswered: stop asking. One short note that thanks them "
            "and keeps the door open, then move on."
        )
        key = f"closing-note{restart}"
    elif action.step is Step.KEEP_WARM:
        title = f"Keep-warm note to {who}"
        purpose = (
            f"Keep-warm note {action.number} of {action.of}: something of value (an article, "
            "a recent success) to stay in mind while the job is open."
        )
        key = f"keep-warm-{action.number}{restart}"
    else:
        names = [p.name.strip() for p in interview.interviewers if p.name.strip()]
        if names:
            title = f"Thank {names[0]} for their consideration, {interview.company}"
        else:
            title = f"Thank {interview.company} for their consideration"
        purpose = (
            "They said no. Thank them for their time and consideration anyway: they may think "
            "of you for another role."
        )
        key = f"thanks-after-rejection{restart}"
    return Entry(
        f"{interview.id}/{key}",
        interview,
        action.step,
        title,
        purpose,
        None,
        day,
        calendar.start_of(day),
    )
