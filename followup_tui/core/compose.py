"""The composer's core: what the record says for a message, and the message itself, checked.

:func:`context_for` gathers the placeholder values from an interview, the pending action,
the user's settings, ``today`` and the business calendar; :func:`compose` picks the template
for an action, fills it and prepares its tone check; :func:`review` checks a (possibly
edited) draft. Like the rest of the core, nothing here reads the clock: time is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.day_words import DAY_NAMES, day_month, day_word, said_by, said_on
from followup_tui.core.model import (
    Channel,
    Event,
    EventKind,
    Format,
    Interview,
    Interviewer,
    Outcome,
)
from followup_tui.core.names import greeting_name
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


def keep_warm_number(interview: Interview) -> int:
    """Which keep-warm note comes next (1-based): a reply starts the count again."""
    sent = 0
    for event in interview.sorted_events():
        if event.kind is EventKind.REPLY:
            sent = 0
        elif event.kind is EventKind.KEEP_WARM_SENT:
            sent += 1
    return sent + 1


def long_date(day: date, today: date) -> str:
    """Weekday, day and month ("Friday 6 November"), with the year when it is not this year's."""
    return f"{DAY_NAMES[day.weekday()]} {day_month(day, today)}"


GENERAL_TOPICS = (
    "what the role involves",
    "how the team works day to day",
    "what the team is building next",
    "the problems the team is taking on",
    "where the role fits in the team",
)
"""What ``{discussed}`` says for someone with no topic on record: each panel member gets
their own line (by their place on the panel), so no two letters read the same. The first
fits anyone, a recruiter on a phone screen included."""


HELP_LINES = (
    "If anything else would help from my side, just let me know.",
    "If it would help to see more of my work, I'd be glad to send it.",
    "If any other questions come up, I'm happy to answer them.",
)
"""The offer of help that closes a thank-you, varied by place on the panel (like
:data:`GENERAL_TOPICS`), so panel letters differ by more than a name and a topic."""


def _place(interview: Interview, recipient: Interviewer | None) -> int:
    """The recipient's place on the panel (0 when not on it)."""
    return next((i for i, person in enumerate(interview.interviewers) if person == recipient), 0)


def discussed_with(interview: Interview, recipient: Interviewer | None) -> str:
    """The recipient's own topic, or a general line that differs between panel members.

    Never the interview's notes: those are private.
    """
    if recipient is not None and recipient.topic.strip():
        return recipient.topic.strip().rstrip(".!;:,").strip()
    return GENERAL_TOPICS[_place(interview, recipient) % len(GENERAL_TOPICS)]


_ORDINALS = {
    "1": "first",
    "1st": "first",
    "2": "second",
    "2nd": "second",
    "3": "third",
    "3rd": "third",
    "4": "fourth",
    "4th": "fourth",
    "5": "fifth",
    "5th": "fifth",
}
_ORDINAL_WORDS = frozenset(("first", "second", "third", "fourth", "fifth", "final", "last"))
_NOUNS = (
    "phone screen",
    "screen",
    "call",
    "chat",
    "conversation",
    "presentation",
    "interview",
    "review",
    "exercise",
    "assessment",
    "case study",
    "walkthrough",
    "workshop",
)
_DROPPED = frozenset(("round", "stage", "interview", "the", "a", "an", "of"))


def meeting_phrase(round_: str) -> str:
    """The round as it reads after "the": "onsite, final round" gives "final on-site interview".

    Whatever was typed (commas, capitals, "round 2", "2nd round"), the words come out in an
    order a person would say them; acronyms ("HR", "CTO") keep their capitals.
    """
    text = re.sub(r"\bon[ -]?site\b", "on-site", round_.strip(), flags=re.IGNORECASE)
    # "with the CTO" says who it was with: kept as typed, after the noun.
    text, sep, company = text.partition(" with ")
    if not sep:
        text, sep, company = text.partition(" With ")
    if text.casefold() in ("", "interview"):
        text = ""
    words = [w for w in re.split(r"[\s,;/|+&()]+|\s-\s", text) if w.strip(" -.:")]
    shouted = text.isupper() and len(words) > 1
    ordinal, rest = "", []
    for raw in words:
        word = raw.strip(" -.:")
        plain = word.casefold()
        if plain in _ORDINALS or plain in _ORDINAL_WORDS:
            ordinal = ordinal or _ORDINALS.get(plain, plain)
            continue
        if plain in _DROPPED:
            continue
        keep = word.isupper() and 2 <= len(word) <= 4 and not shouted
        rest.append(word if keep else plain)
    if ordinal == "last":
        ordinal = "final"
    if ordinal and ordinal != "final":
        ordinal += "-round"
    body = " ".join(dict.fromkeys(rest))
    if not any(re.search(rf"\b{noun}\b", body.casefold()) for noun in _NOUNS):
        body = f"{body} interview".strip()
    tail = f" with {company.strip()}" if company.strip() else ""
    return f"{ordinal} {body}".strip() + tail


def _recipient(interview: Interview, action: Action | None, name: str | None) -> Interviewer | None:
    wanted = (name if name is not None else action.recipient if action else "").strip()
    if not wanted:
        return interview.interviewers[0] if interview.interviewers else None
    for person in interview.interviewers:
        if person.name.casefold() == wanted.casefold():
            return person
    return Interviewer(wanted)


def resetting_reply(interview: Interview) -> Event | None:
    """Their latest reply that restarted the ladder (still deciding, or some other answer):
    its decision date, or its lack of one, is the one in force."""
    replies = [
        event
        for event in interview.sorted_events()
        if event.kind is EventKind.REPLY
        and event.outcome in (None, Outcome.STILL_DECIDING, Outcome.OTHER)
    ]
    return replies[-1] if replies else None


def dates_in_force(interview: Interview) -> tuple[date | None, date | None]:
    """The decision date and agreed check-in date in force, as the ladder reads them."""
    reply = resetting_reply(interview)
    if reply is None:
        return interview.decision_by, interview.check_in_on
    return reply.decision_by, None


def _letters_to_others(interview: Interview, person: Interviewer | None) -> tuple[str, ...]:
    """Thank-yous already sent to the rest of the panel, as sent (for "same letter twice")."""
    me = person.name.casefold() if person else ""
    return tuple(
        event.text
        for event in interview.events
        if event.kind is EventKind.THANK_YOU_SENT
        and event.text.strip()
        and event.to.strip().casefold() != me
    )


LATE_THANKS_DAYS = 4
"""Days after the interview from which a thank-you owns up to coming late."""


def agreed_words(agreed: date, today: date, calendar: BusinessCalendar) -> tuple[str, str]:
    """When the agreed check-in was, and how this one keeps to it, as said on ``today``.

    ("today", "as we agreed") on the day, or on the first business day after an agreed
    weekend day ("around now"); once that has passed, ("around 13 November", "a little later
    than we agreed"), so the message never claims a promptness it no longer has.
    """
    if today < agreed:
        return f"around {day_word(agreed, today)}", "a little ahead of the day we agreed"
    if today <= calendar.on_or_after(agreed):
        return ("today" if today == agreed else "around now"), "as we agreed"
    return f"around {day_word(agreed, today)}", "a little later than we agreed"


OPTIONAL = frozenset(("reminder", "about_topic", "sorry_late"))
"""Placeholders whose value may be empty: the sentence or clause they carry is left out."""


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
    decision, agreed = dates_in_force(interview)
    since = calendar.between(interview_day, today)
    signature = sender.signature.strip() or sender.name.strip()
    topic = person.topic.strip().rstrip(".!;:,").strip() if person else ""
    highlight = sender.highlight.strip().rstrip(".").strip()
    around, as_agreed = agreed_words(agreed, today, calendar) if agreed else ("", "")
    met = "spoke" if interview.format is Format.PHONE else "met"
    late = (today - interview_day).days >= LATE_THANKS_DAYS
    candidates = {
        "first_name": greeting_name(person.name) if person else "",
        "interviewer": person.name.strip() if person else "",
        "company": interview.company.strip(),
        "role": interview.role.strip(),
        "round": interview.round.strip(),
        "meeting": meeting_phrase(interview.round),
        "weekday": DAY_NAMES[interview_day.weekday()],
        "interview_date": day_month(interview_day, today),
        "met_on": said_on(interview_day, today),
        "decision_date": long_date(decision, today) if decision else "",
        "decision_on": said_on(decision, today) if decision else "",
        "decision_by": said_by(decision, today) if decision else "",
        "check_in_date": long_date(agreed, today) if agreed else "",
        "check_in_on": said_on(agreed, today) if agreed else "",
        "check_in_around": around,
        "as_agreed": as_agreed,
        "met": met,
        "days_since": f"{since} business day{'' if since == 1 else 's'}",
        "my_name": sender.name.strip(),
        "signature": signature,
        "highlight": highlight,
        "reminder": f"As a reminder of my background: {highlight}." if highlight else "",
        "discussed": discussed_with(interview, person),
        "about_topic": f" about {topic}" if topic else "",
        "help_line": HELP_LINES[_place(interview, person) % len(HELP_LINES)],
        "you_all": "you and your colleagues" if len(interview.interviewers) > 1 else "you",
        "sorry_late": "I'm sorry this comes later than I meant it to. " if late else "",
        "today": long_date(today, today),
    }
    values = {name: text for name, text in candidates.items() if text or name in OPTIONAL}
    context = Context(
        values,
        tuple(p.name for p in interview.interviewers if p.name.strip()),
        person.name if person else "",
        signature,
        interview.notes,
        tuple(p.topic for p in interview.interviewers if p.topic.strip()),
        _letters_to_others(interview, person),
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
        template.step,
        template.phone,
        context.interviewer_names,
        context.signature,
        facts,
        recipient=context.recipient,
        private_notes=context.private_notes,
        shared=(*context.shared, *(v for v in context.values.values() if v.strip())),
        other_letters=context.other_letters if template.step is Step.THANK_YOU else (),
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
