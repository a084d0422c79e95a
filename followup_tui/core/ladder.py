"""The follow-up ladder: given an interview, a policy and *now*, its standing.

The log is folded into a :class:`_Track` (where the ladder stands after every event),
then the track is read against *now*. Nothing here reads the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from followup_tui.core.calendar import BusinessCalendar, until
from followup_tui.core.model import (
    OUTREACH_KINDS,
    Event,
    EventKind,
    Interview,
    Outcome,
)
from followup_tui.core.policy import Policy
from followup_tui.core.standing import (
    URGENCY,
    Action,
    Basis,
    Standing,
    Status,
    Step,
    format_span,
)


@dataclass(slots=True)
class _Track:
    """Where the ladder stands once the log has been read."""

    base: datetime
    """What check-ins are counted from (by its local day): the interview's start, or the
    last reply."""
    decision_by: date | None
    """The decision date in force (the interview's, or the last reply's)."""
    agreed: date | None
    """The agreed check-in date in force (only until a reply replaces it)."""
    check_ins: list[datetime] = field(default_factory=list)
    """Check-ins sent since the base."""
    thanked: set[str] = field(default_factory=set)
    """Lower-cased names of interviewers thanked."""
    thanked_all: bool = False
    """A thank-you was logged without a recipient: it covers everyone."""
    moot_thanks: bool = False
    """A check-in went out: a missing thank-you no longer matters."""
    replied_at: datetime | None = None
    """When they first replied: a thank-you still owed matters only while its window is open."""
    last_outreach: datetime | None = None
    """When the last message of any kind went out."""
    keep_warm: bool = False
    """The user chose to keep the contact warm."""
    keep_warm_from: datetime | None = None
    """When keep-warm was chosen."""
    keep_warm_sent: int = 0
    """Keep-warm notes sent since it was chosen."""
    snooze_until: date | None = None
    """The next step may not fall due before this day."""
    outcome: Outcome | None = None
    """A final reply (rejected, offer, next round), if one came."""
    offer_at: datetime | None = None
    """When the offer came, while one is open."""
    respond_by: date | None = None
    """The day they asked for an answer to the offer by, if they gave one."""
    offer_thanked: bool = False
    """A message went out after the offer came (thanks, or asking for time)."""
    closed: str = ""
    """Why the interview is closed, or "" while it is open."""
    closing_sent: bool = False
    """A closing note went out while keep-warm was chosen: closed once the notes are done."""


def _fold(interview: Interview) -> _Track:
    # Days are counted from the day the interview started (23:30 to 00:30 counts from
    # its first day), the thank-you window from its end.
    track = _Track(interview.start, interview.decision_by, interview.check_in_on)
    for event in interview.sorted_events():
        _apply(track, event)
    return track


def _apply(track: _Track, event: Event) -> None:
    kind = event.kind
    if kind in OUTREACH_KINDS:
        track.last_outreach = event.at
        if track.offer_at is not None and event.at >= track.offer_at:
            track.offer_thanked = True
    if kind is EventKind.THANK_YOU_SENT:
        if event.to.strip():
            track.thanked.add(event.to.strip().casefold())
        else:
            track.thanked_all = True
    elif kind is EventKind.CHECK_IN_SENT:
        track.check_ins.append(event.at)
        track.moot_thanks = True
    elif kind is EventKind.REPLY:
        _apply_reply(track, event)
    elif kind is EventKind.CLOSING_NOTE_SENT:
        if track.keep_warm:
            track.closing_sent = True
        else:
            track.closed = track.closed or "no response"
    elif kind is EventKind.THANKS_SENT:
        if track.outcome is Outcome.REJECTED:
            track.closed = track.closed or "thanked after rejection"
    elif kind is EventKind.KEEP_WARM_CHOSEN:
        if track.closed == "no response":  # chosen just after the closing note: still warm
            track.closed, track.closing_sent = "", True
        if not track.keep_warm:
            track.keep_warm, track.keep_warm_from, track.keep_warm_sent = True, event.at, 0
    elif kind is EventKind.KEEP_WARM_SENT:
        track.keep_warm_sent += 1
    elif kind is EventKind.SNOOZED:
        track.snooze_until = event.until
    elif kind is EventKind.WITHDREW:
        track.closed = track.closed or "withdrew"
    elif kind is EventKind.OFFER_ACCEPTED:
        track.closed = "offer accepted"
    elif kind is EventKind.OFFER_DECLINED:
        track.closed = "offer declined"


def _apply_reply(track: _Track, event: Event) -> None:
    # Any reply is their latest word, even after the closing note: it reopens the
    # interview with its own outcome.
    if track.replied_at is None:
        track.replied_at = event.at
    track.closed = ""
    track.offer_at, track.respond_by, track.offer_thanked = None, None, False
    outcome = event.outcome or Outcome.OTHER
    if outcome in (Outcome.STILL_DECIDING, Outcome.OTHER):
        # A reply resets the ladder: counted from the reply, with its date if it gave one.
        track.outcome = None
        track.base = event.at
        track.decision_by = event.decision_by
        track.agreed = None
        track.check_ins = []
        track.keep_warm, track.keep_warm_from, track.keep_warm_sent = False, None, 0
        track.closing_sent = False
        return
    track.outcome = outcome
    if outcome is Outcome.NEXT_ROUND:
        track.closed = "advanced"
    elif outcome is Outcome.OFFER:
        track.offer_at, track.respond_by = event.at, event.respond_by


@dataclass(frozen=True)
class _Part:
    """One strand of the standing (thank-you, or the check-in ladder)."""

    status: Status
    actions: tuple[Action, ...]
    due: datetime | date | None = None
    overdue_after: date | None = None
    countdown: str = ""
    changes_at: datetime | None = None
    reason: str = ""


def standing(
    interview: Interview, policy: Policy, now: datetime, calendar: BusinessCalendar
) -> Standing:
    """The interview's standing at ``now`` (an aware datetime) under ``policy``."""
    track = _fold(interview)
    if interview.archived:
        return _final(Status.CLOSED, "archived")
    if track.closed:
        final = _final(Status.CLOSED, track.closed)
        if track.closed == "advanced":
            return _open_thanks_first(final, interview, track, policy, now)
        return final
    if track.outcome is Outcome.OFFER:
        return _open_thanks_first(_offer(track, now, calendar), interview, track, policy, now)
    if track.outcome is Outcome.REJECTED:
        action = Action(Step.THANKS_AFTER_REJECTION, "thank them for their consideration", True)
        rejected = _final(Status.SEND_THANKS, "rejected", (action,))
        return _open_thanks_first(rejected, interview, track, policy, now)
    if track.closing_sent and track.keep_warm_sent >= policy.keep_warm_max:
        return _final(Status.CLOSED, "no response")
    if now < interview.end:
        return _upcoming(interview, now)

    check_in = _check_in_part(interview, track, policy, now, calendar)
    parts = [check_in]
    thanks = _thank_you_part(interview, track, policy, now)
    if thanks is not None:
        parts.append(thanks)
    parts.sort(key=lambda p: URGENCY[p.status])
    lead = parts[0]
    owed = [a for p in parts for a in p.actions if a.due_now]
    ahead = [a for p in parts for a in p.actions if not a.due_now]
    actions = tuple(owed) if owed else tuple(ahead[:1])
    changes = [p.changes_at for p in parts if p.changes_at is not None]
    return Standing(
        status=lead.status,
        actions=actions,
        due=lead.due,
        overdue_after=next((p.overdue_after for p in parts if p.overdue_after), None),
        countdown=lead.countdown,
        changes_at=min(changes) if changes else None,
        reason=lead.reason,
        then=_then(check_in) if owed and check_in is not lead else None,
    )


def _open_thanks_first(
    final: Standing, interview: Interview, track: _Track, policy: Policy, now: datetime
) -> Standing:
    """A reply (an offer, a no, a next round) never cancels a thank-you whose window is
    still open: the thank-yous come first, the badge is the more urgent of the two."""
    if now < interview.end:  # the thank-yous fall due when it ends: look again then
        if _thank_you_part(interview, track, policy, interview.end) is None:
            return final
        changes = [c for c in (final.changes_at, interview.end) if c is not None]
        return replace(final, changes_at=min(changes, key=datetime.timestamp))
    thanks = _thank_you_part(interview, track, policy, now)
    if thanks is None or thanks.status is not Status.THANK_YOU_DUE:
        return final
    lead = thanks if URGENCY[Status.THANK_YOU_DUE] < URGENCY[final.status] else None
    changes = [c for c in (final.changes_at, thanks.changes_at) if c is not None]
    return Standing(
        status=Status.THANK_YOU_DUE if lead else final.status,
        actions=(*thanks.actions, *final.actions),
        due=thanks.due if lead else final.due,
        overdue_after=final.overdue_after,
        countdown=thanks.countdown if lead else final.countdown,
        changes_at=min(changes, key=datetime.timestamp) if changes else None,
        reason=final.reason,
    )


def _then(check_in: _Part) -> tuple[Action, datetime | date] | None:
    """The check-in step still ahead, with its due day, if it has one."""
    ahead = [a for a in check_in.actions if not a.due_now]
    if not ahead or check_in.due is None:
        return None
    return ahead[0], check_in.due


def _final(status: Status, reason: str, actions: tuple[Action, ...] = ()) -> Standing:
    return Standing(status, actions, None, None, "", None, reason)


def _offer(track: _Track, now: datetime, calendar: BusinessCalendar) -> Standing:
    actions = []
    if not track.offer_thanked:
        actions.append(Action(Step.OFFER_THANKS, "thank them for the offer", True))
    by = f" by {track.respond_by:%a %-d %b}" if track.respond_by is not None else ""
    actions.append(Action(Step.OFFER_ANSWER, f"answer the offer{by}", True))
    if track.respond_by is None:
        return Standing(Status.OFFER, tuple(actions), None, None, "", None, "offer")
    deadline = calendar.start_of(track.respond_by + timedelta(days=1))  # the day's end
    if now < deadline:
        countdown = f"{format_span(until(deadline, now))} to answer"
        return Standing(Status.OFFER, tuple(actions), track.respond_by, None, countdown, deadline)
    countdown = f"answer was due {format_span(until(now, deadline))} ago"
    return Standing(Status.OFFER, tuple(actions), track.respond_by, None, countdown, None)


def _upcoming(interview: Interview, now: datetime) -> Standing:
    action = Action(Step.PREPARE, "ask for their timeline and whether a check-in is welcome", False)
    if now < interview.start:
        countdown = f"in {format_span(until(interview.start, now))}"
        changes = interview.start
    else:
        countdown = f"under way, ends in {format_span(until(interview.end, now))}"
        changes = interview.end
    return Standing(Status.UPCOMING, (action,), interview.start, None, countdown, changes)


def _thank_you_part(
    interview: Interview, track: _Track, policy: Policy, now: datetime
) -> _Part | None:
    if track.moot_thanks or track.thanked_all:
        return None
    closes = interview.end + timedelta(hours=policy.thank_you_hours)
    if track.replied_at is not None and now > closes:
        return None  # a reply never cancels a thank-you whose window is still open
    names = [i.name for i in interview.interviewers if i.name.strip()]
    if names:
        owed = [n for n in names if n.strip().casefold() not in track.thanked]
    else:
        owed = [] if track.thanked else [""]
    if not owed:
        return None
    actions = tuple(
        Action(Step.THANK_YOU, f"thank-you to {name}" if name else "thank-you", True, name)
        for name in owed
    )
    if now <= closes:
        left = format_span(until(closes, now))
        return _Part(Status.THANK_YOU_DUE, actions, closes, None, f"{left} left", closes)
    late = format_span(until(now, closes))
    return _Part(Status.THANK_YOU_LATE, actions, closes, None, f"late by {late}")


def _check_in_part(
    interview: Interview, track: _Track, policy: Policy, now: datetime, calendar: BusinessCalendar
) -> _Part:
    today = calendar.day_of(now)
    if track.keep_warm:
        return _keep_warm_part(track, policy, now, today, calendar)
    sent = len(track.check_ins)
    limit = policy.unanswered_before_move_on
    if sent >= limit:
        move_on = _floor(
            calendar.add(calendar.day_of(track.check_ins[-1]), policy.second_check_in_gap),
            track,
            policy,
            calendar,
        )
        if today >= move_on:
            return _move_on_part()
        action = Action(Step.CLOSING_NOTE, "closing note if no reply", False)
        start = calendar.start_of(move_on)
        countdown = f"move on in {format_span(until(start, now))}"
        return _Part(Status.WAITING, (action,), move_on, None, countdown, start)

    if sent == 0:
        basis, due, latest = _first_check_in(interview, track, policy, calendar)
    else:
        basis = None
        due = calendar.add(calendar.day_of(track.check_ins[-1]), policy.second_check_in_gap)
        latest = None
    due = _floor(due, track, policy, calendar)
    # With no timeline, "overdue" is the latest sensible first check-in, unless a snooze
    # or the minimum gap already pushed the due day past it.
    if latest is not None and latest > due:
        overdue_after = latest
    else:
        overdue_after = calendar.add(due, policy.overdue_after)
    action = Action(
        Step.CHECK_IN,
        f"check-in {sent + 1} of {limit}",
        today >= due,
        number=sent + 1,
        of=limit,
        basis=basis,
    )
    reason = f"snoozed until {track.snooze_until:%a %-d %b}" if _snoozed(track, today) else ""
    return _ladder_part(action, due, overdue_after, now, today, calendar, reason)


def _first_check_in(
    interview: Interview, track: _Track, policy: Policy, calendar: BusinessCalendar
) -> tuple[Basis, date, date | None]:
    if track.agreed is not None:
        return Basis.AGREED, calendar.on_or_after(track.agreed), None
    if track.decision_by is not None:
        return (
            Basis.DECISION_DATE,
            calendar.add(track.decision_by, policy.grace_after_decision),
            None,
        )
    base = calendar.day_of(track.base)
    return (
        Basis.NO_TIMELINE,
        calendar.add(base, policy.first_check_in),
        calendar.add(base, policy.latest_first_check_in),
    )


def _floor(due: date, track: _Track, policy: Policy, calendar: BusinessCalendar) -> date:
    """Push ``due`` past the minimum gap and any snooze; always a business day."""
    if track.last_outreach is not None:
        due = max(due, calendar.add(calendar.day_of(track.last_outreach), policy.minimum_gap))
    if track.snooze_until is not None:
        due = max(due, track.snooze_until)
    return calendar.on_or_after(due)


def _snoozed(track: _Track, today: date) -> bool:
    return track.snooze_until is not None and today < track.snooze_until


def _ladder_part(
    action: Action,
    due: date,
    overdue_after: date | None,
    now: datetime,
    today: date,
    calendar: BusinessCalendar,
    reason: str = "",
) -> _Part:
    due_start = calendar.start_of(due)
    if today < due:
        noun = _NOUNS.get(action.step, "next step")
        countdown = f"{noun} in {format_span(until(due_start, now))}"
        return _Part(Status.WAITING, (action,), due, overdue_after, countdown, due_start, reason)
    if overdue_after is None:
        return _Part(Status.FOLLOW_UP_DUE, (action,), due, None, "due now")
    overdue_start = calendar.start_of(overdue_after + timedelta(days=1))
    if now < overdue_start:
        countdown = f"{format_span(until(overdue_start, now))} left"
        return _Part(Status.FOLLOW_UP_DUE, (action,), due, overdue_after, countdown, overdue_start)
    countdown = f"overdue by {format_span(until(now, overdue_start))}"
    return _Part(Status.OVERDUE, (action,), due, overdue_after, countdown)


_NOUNS = {Step.CHECK_IN: "check-in", Step.KEEP_WARM: "keep-warm note"}


def _keep_warm_part(
    track: _Track, policy: Policy, now: datetime, today: date, calendar: BusinessCalendar
) -> _Part:
    if track.keep_warm_sent >= policy.keep_warm_max:
        return _move_on_part()
    anchor = track.last_outreach or track.keep_warm_from or track.base
    due = calendar.add(calendar.day_of(anchor), policy.keep_warm_interval)
    due = _floor(due, track, policy, calendar)
    number = track.keep_warm_sent + 1
    action = Action(
        Step.KEEP_WARM,
        f"keep-warm note {number} of {policy.keep_warm_max}",
        today >= due,
        number=number,
        of=policy.keep_warm_max,
    )
    # Keep-warm notes are optional: they fall due but never turn overdue.
    return _ladder_part(action, due, None, now, today, calendar)


def _move_on_part() -> _Part:
    action = Action(Step.CLOSING_NOTE, "send a closing note and move on", True)
    return _Part(Status.MOVE_ON, (action,))
