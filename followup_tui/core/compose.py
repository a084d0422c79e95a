"""The composer's core: what the record says for a message, and the message itself, checked.

:func:`context_for` gathers the placeholder values from an interview, the pending action,
the user's settings, ``today`` and the business calendar; :func:`compose` picks the template
for an action, fills it and prepares its tone check; :func:`review` checks a (possibly
edited) draft. Like the rest of the core, nothing here reads the clock: time is passed in.
"""

from __future__ import annotations

import calendar as _cal
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Channel, EventKind, Interview, Interviewer, Outcome
from followup_tui.core.policy import Policy
from followup_tui.core.standing import Action, Step
from followup_tui.core.templates import (
    BUILT_INS,
    Context,
    Draft,
    Library,
    Template,
    action_key,
    render,
)
from followup_tui.core.tone import Finding, OutreachFacts, ToneContext, check, outreach_facts


class Sender(Protocol):
    """Who the message is from: :class:`followup_tui.settings.Settings` fits."""

    @property
    def name(self) -> str:
        """The user's name."""
        ...

    @property
    def signature(self) -> str:
        """The sign-off block; the name alone when empty."""
        ...

    @property
    def highlight(self) -> str:
        """One line about the user worth repeating."""
        ...


def day_month(day: date, today: date) -> str:
    """The day and month ("3 November"), with the year only when it is not this year's."""
    text = f"{day.day} {_cal.month_name[day.month]}"
    return text if day.year == today.year else f"{text} {day.year}"


def long_date(day: date, today: date) -> str:
    """Weekday, day and month ("Friday 6 November"), with the year when it is not this year's."""
    return f"{_cal.day_name[day.weekday()]} {day_month(day, today)}"


# A sentence from the notes reads better mid-sentence with these words in lower case;
# anything else (a product, a name, an acronym) keeps its capital.
_LOWER_STARTS = frozenset(
    (  # noqa: SIM905
        "a an the their our your my his her its how what why when where which who we they "
        "building moving scaling hiring working using"
    ).split()
)
_TOPIC_PREFIXES = ("discussed", "topic", "talked about", "we discussed", "we talked about")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")
_FIRST_CLAUSE = re.compile(r"(?<=[.!?])\s|;|\s[\u2013\u2014-]\s")


def _phrase(text: str) -> str:
    clause = _FIRST_CLAUSE.split(text.strip(), maxsplit=1)[0]
    clause = clause.strip().rstrip(".!?;:,").strip()
    first = clause.split(" ", 1)[0]
    if first.casefold() in _LOWER_STARTS and first[:1].isupper() and first[1:].islower():
        clause = clause[0].lower() + clause[1:]
    return clause


def discussed_from_notes(notes: str, interview: Interview, recipient: Interviewer | None) -> str:
    """A short phrase from the notes for ``{discussed}``; "" when the notes have none.

    In order of preference: a line starting with the recipient's name ("Dana: their on-call
    rotation"), a line starting "Discussed:" (or "Topic:"), the first plain line, a line
    with some other short label ("Prepare: the pipeline rebuild", label left out), then a
    line about another interviewer. Only the first sentence or clause of it is used.
    """
    names = {
        key.casefold(): person
        for person in interview.interviewers
        for key in (person.name, person.first_name)
        if key
    }
    mine: list[str] = []
    topics: list[str] = []
    general: list[str] = []
    labelled: list[str] = []
    others: list[str] = []
    for raw in notes.splitlines():
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        head, sep, rest = line.partition(":")
        label = head.strip().casefold()
        if sep and label in names:
            (mine if names[label] == recipient else others).append(rest)
        elif sep and label in _TOPIC_PREFIXES:
            topics.append(rest)
        elif sep and len(label.split()) <= 2:
            labelled.append(rest)
        else:
            general.append(line)
    for line in (*mine, *topics, *general, *labelled, *others):
        phrase = _phrase(line)
        if phrase:
            return phrase
    return ""


def _meeting(round_: str) -> str:
    text = round_.strip()
    if not text:
        return "interview"
    if text[:1].isupper() and text[1:2].islower():
        text = text[0].lower() + text[1:]
    if text.isdigit():
        return f"round {text} interview"
    nouns = ("interview", "screen", "call", "chat", "conversation", "onsite", "on-site", "panel")
    return text if any(noun in text.casefold() for noun in nouns) else f"{text} interview"


def _recipient(interview: Interview, action: Action | None, name: str | None) -> Interviewer | None:
    wanted = (name if name is not None else action.recipient if action else "").strip()
    if not wanted:
        return interview.interviewers[0] if interview.interviewers else None
    for person in interview.interviewers:
        if person.name.casefold() == wanted.casefold():
            return person
    return Interviewer(wanted)


def _timeline(interview: Interview) -> tuple[date | None, date | None]:
    """The decision date and agreed check-in date in force, as the ladder reads them."""
    decision, agreed = interview.decision_by, interview.check_in_on
    for event in interview.sorted_events():
        if event.kind is EventKind.REPLY and event.outcome in (
            None,
            Outcome.STILL_DECIDING,
            Outcome.OTHER,
        ):
            decision, agreed = event.decision_by, None
    return decision, agreed


def context_for(
    interview: Interview,
    action: Action | None,
    sender: Sender,
    today: date,
    calendar: BusinessCalendar,
    *,
    recipient: str | None = None,
    extras: Mapping[str, str] | None = None,
) -> Context:
    """Everything the record says that a template may use.

    ``recipient`` picks the interviewer (default: the action's recipient for a thank-you,
    else the first interviewer). ``extras`` adds values the record can't know
    (``article``, ``news``). ``today`` is the user's local day.
    """
    person = _recipient(interview, action, recipient)
    interview_day = calendar.day_of(interview.start)
    decision, agreed = _timeline(interview)
    since = calendar.between(interview_day, today)
    signature = sender.signature.strip() or sender.name.strip()
    candidates = {
        "first_name": person.first_name if person else "",
        "interviewer": person.name.strip() if person else "",
        "company": interview.company.strip(),
        "role": interview.role.strip(),
        "round": interview.round.strip(),
        "meeting": _meeting(interview.round),
        "weekday": _cal.day_name[interview_day.weekday()],
        "interview_date": day_month(interview_day, today),
        "decision_date": long_date(decision, today) if decision else "",
        "check_in_date": long_date(agreed, today) if agreed else "",
        "days_since": f"{since} business day{'' if since == 1 else 's'}",
        "my_name": sender.name.strip(),
        "signature": signature,
        "highlight": sender.highlight.strip().rstrip(".").strip(),
        "discussed": discussed_from_notes(interview.notes, interview, person),
        "today": long_date(today, today),
    }
    values = {name: text for name, text in candidates.items() if text}
    context = Context(
        values,
        tuple(p.name for p in interview.interviewers if p.name.strip()),
        person.name if person else "",
        signature,
    )
    return context.with_values(extras or {})


@dataclass(frozen=True, slots=True)
class Composition:
    """A message ready for the composer: the template chosen, its draft, how to check it."""

    template: Template
    """The template used."""
    choices: tuple[Template, ...]
    """Every template for the same step and kind (the composer cycles through them)."""
    context: Context
    """The values it was filled with (to re-render another choice)."""
    draft: Draft
    """The filled-in subject and body."""
    tone: ToneContext
    """What the tone check needs besides the text (pass it to :func:`review`)."""


def tone_context_for(
    template: Template, context: Context, facts: OutreachFacts | None = None
) -> ToneContext:
    """The tone check's inputs for a message made from ``template``."""
    return ToneContext(
        template.step, template.phone, context.interviewer_names, context.signature, facts
    )


def compose(
    interview: Interview,
    action: Action,
    sender: Sender,
    *,
    now: datetime,
    calendar: BusinessCalendar,
    policy: Policy,
    variant: str | None = None,
    phone: bool | None = None,
    recipient: str | None = None,
    extras: Mapping[str, str] | None = None,
    library: Library = BUILT_INS,
) -> Composition | None:
    """The message for ``action``, or None when the step has no template (preparing).

    ``phone`` defaults to the interview's preferred channel (but a thank-you is written,
    whatever the channel), falling back to email when the step has no call script;
    ``variant`` picks a template by name (default: the first).
    """
    key = action_key(action)
    if phone is None:
        phone = interview.channel is Channel.PHONE and action.step is not Step.THANK_YOU
    wants_phone = phone
    choices = library.find(key, wants_phone) or library.find(key, not wants_phone)
    if not choices:
        return None
    template = next((t for t in choices if t.variant == variant), choices[0])
    context = context_for(
        interview,
        action,
        sender,
        calendar.day_of(now),
        calendar,
        recipient=recipient,
        extras=extras,
    )
    facts = outreach_facts(interview, now, calendar, policy)
    tone = tone_context_for(template, context, facts)
    return Composition(template, tuple(choices), context, render(template, context), tone)


def switch(composition: Composition, template: Template) -> Composition:
    """The same composition with another template (its draft re-rendered)."""
    tone = replace(composition.tone, step=template.step, phone=template.phone)
    return replace(
        composition, template=template, draft=render(template, composition.context), tone=tone
    )


def review(subject: str, body: str, tone: ToneContext) -> list[Finding]:
    """Tone findings for a whole message: the subject's (on line 0) first, then the body's.

    The subject is checked for wording only; length, greeting and timing belong to the body.
    """
    on_subject = [replace(f, line=0) for f in check(subject, context=ToneContext())]
    return on_subject + check(body, context=tone)
