"""All interviews at once: their standings, most urgent first, and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import EventKind, Interview, Outcome
from followup_tui.core.policy import Policy, policy_named
from followup_tui.core.standing import Action, Standing, Status, Step


@dataclass(frozen=True, slots=True)
class Row:
    """One interview and its standing."""

    interview: Interview
    """The interview."""
    standing: Standing
    """Its standing at the board's instant."""

    @property
    def is_open(self) -> bool:
        """True until the interview is closed, offered or archived."""
        return self.standing.status.is_open and not self.interview.archived


def standing_of(
    interview: Interview, default_policy: str, now: datetime, calendar: BusinessCalendar
) -> Standing:
    """The standing of one interview under its own policy, or the default one."""
    return _standing(interview, policy_named(interview.policy, default_policy), now, calendar)


def _load_rules(
    interview: Interview, policy: Policy, now: datetime, calendar: BusinessCalendar
) -> Standing:
    """The ladder's ``standing``, imported on the first call, which then calls it directly.

    The app's first frame drawn from the standings cache needs the board's rows but no
    standing worked out, so the rules load after it. An import inside ``standing_of`` would
    cost ~0.9 µs a call: ~9 ms each time a board of 10,000 is ranked.
    """
    global _standing
    from followup_tui.core.ladder import standing

    _standing = standing
    return standing(interview, policy, now, calendar)


_standing: Callable[[Interview, Policy, datetime, BusinessCalendar], Standing] = _load_rules
"""The ladder's ``standing`` once the rules are loaded (:func:`_load_rules` until then)."""


def due_instant(row: Row, calendar: BusinessCalendar) -> datetime | None:
    """The row's due time as an instant (a due day counts from its start)."""
    due = row.standing.due
    if isinstance(due, datetime) or due is None:
        return due
    assert isinstance(due, date)
    return calendar.start_of(due)


def rank(
    interviews: Iterable[Interview],
    default_policy: str,
    now: datetime,
    calendar: BusinessCalendar,
) -> list[Row]:
    """Every interview with its standing, most urgent first, then soonest due, then by name."""
    rows = [Row(i, standing_of(i, default_policy, now, calendar)) for i in interviews]
    return sort_rows(with_offer_steps(rows), calendar)


def with_offer_steps(rows: list[Row]) -> list[Row]:
    """The steps an offer gives every other open interview (DOMAIN.md, ladder 8).

    While an offer is open, each other open interview may tell its company, as news; once
    one is accepted, each other open interview owes a gracious withdrawal (its one step left:
    the badge says move on) and each other open offer a graceful no. Nothing of this goes
    to a company that made an offer, or to one that has said no.
    """
    steps = offer_steps(rows)
    return rows if steps is None else [steps(row) for row in rows]


def offer_steps(rows: Iterable[Row]) -> Callable[[Row], Row] | None:
    """What the offers among ``rows`` do to any one row, as :func:`with_offer_steps` has
    it; None when there is no offer. The offers are gathered once, so that a board can give
    each row its steps when it is read rather than all of them at once."""
    rows = list(rows)
    offers = [r for r in rows if r.standing.status is Status.OFFER and not r.interview.archived]
    accepted = [r for r in rows if r.standing.reason == "offer accepted"]
    if not offers and not accepted:
        return None
    offering = {r.interview.company.strip().casefold() for r in (*offers, *accepted)}
    times = [t for r in (*offers, *accepted) if (t := _offer_time(r.interview)) is not None]
    since = min(times, key=datetime.timestamp, default=None)
    taken = {r.interview.company.strip().casefold() for r in accepted}

    def steps(row: Row) -> Row:
        company = row.interview.company
        key = company.strip().casefold()
        if not row.is_open or row.standing.status is Status.SEND_THANKS:
            return row  # over, or a no already: nothing about an offer goes there
        if row.standing.status is Status.OFFER:
            if accepted and key not in taken:  # another offer, now to be declined
                action = Action(Step.OFFER_DECLINE, f"decline the offer from {company}", True)
                return _with_actions(row, (action, *row.standing.actions))
            return row
        if key in offering:
            return row
        if accepted:
            # Another job is taken: the one step left here is a gracious withdrawal.
            action = Action(Step.WITHDRAW, f"withdraw from {company}", True)
            standing = replace(
                row.standing,
                status=Status.MOVE_ON,
                actions=(action,),
                due=None,
                overdue_after=None,
                countdown="",
                then=None,
            )
            return Row(row.interview, standing)
        if not _told(row.interview, since):
            action = Action(Step.UPDATE, f"tell {company} about your offer", False)
            return _with_actions(row, (*row.standing.actions, action))
        return row

    return steps


def _offer_time(interview: Interview) -> datetime | None:
    offers = [
        e.at for e in interview.events if e.kind is EventKind.REPLY and e.outcome is Outcome.OFFER
    ]
    return max(offers, key=datetime.timestamp, default=None)


def _told(interview: Interview, since: datetime | None) -> bool:
    """An update went to this company after the offer came."""
    return any(
        e.kind is EventKind.UPDATE_SENT and (since is None or e.at >= since)
        for e in interview.events
    )


def _with_actions(row: Row, actions: tuple[Action, ...]) -> Row:
    return Row(row.interview, replace(row.standing, actions=actions))


def sort_rows(rows: list[Row], calendar: BusinessCalendar) -> list[Row]:
    """Rows in board order: urgency, then soonest due, then company."""

    def key(row: Row) -> tuple[int, float, str, str]:
        due = due_instant(row, calendar)
        stamp = due.timestamp() if due is not None else float("inf")
        return (row.standing.urgency, stamp, row.interview.company.casefold(), row.interview.id)

    return sorted(rows, key=key)


DUE_NOW = frozenset(
    {
        Status.THANK_YOU_DUE,
        Status.FOLLOW_UP_DUE,
        Status.THANK_YOU_LATE,
        Status.MOVE_ON,
        Status.SEND_THANKS,
    }
)
"""Badges that mean "something to send now" (overdue is counted on its own)."""


def summary(rows: Iterable[Row]) -> str:
    """A one-line count of the open interviews: "1 offer · 2 due · 1 overdue · 4 waiting"."""
    return summary_of(Counter(r.standing.status for r in rows if r.is_open))


def summary_of(counts: Mapping[Status, int]) -> str:
    """:func:`summary` from how many open interviews hold each badge (any missing: none)."""
    offers, overdue = counts.get(Status.OFFER, 0), counts.get(Status.OVERDUE, 0)
    waiting, upcoming = counts.get(Status.WAITING, 0), counts.get(Status.UPCOMING, 0)
    due = sum(n for status, n in counts.items() if status in DUE_NOW)
    parts = []
    if offers:
        parts.append(f"{offers} offer" + ("s" if offers > 1 else ""))
    if due:
        parts.append(f"{due} due")
    if overdue:
        parts.append(f"{overdue} overdue")
    if waiting:
        parts.append(f"{waiting} waiting")
    if upcoming:
        parts.append(f"{upcoming} upcoming")
    return " · ".join(parts) if parts else "nothing open"


def next_step(row: Row) -> str:
    """The row's next action and its countdown, in a few words: "Acme thank-you, 5h left"."""
    action = row.standing.actions[0].label if row.standing.actions else row.standing.status.label
    countdown = row.standing.countdown
    text = f"{row.interview.company}: {action}"
    return f"{text} ({countdown})" if countdown else text
