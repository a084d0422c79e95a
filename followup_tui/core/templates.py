"""Message templates: which ones fit a step, the placeholders they use, and how they are filled.

A template is plain text with ``{placeholder}`` fields (``{{`` and ``}}`` for literal braces).
:func:`context_for` gathers the values from an interview, the pending action, the user's
settings, ``today`` and the business calendar — never the clock. :func:`render` fills a
template; a value that is not on record is left visibly marked (``[something we discussed]``)
and listed in :attr:`Draft.missing`, so the tone check can flag it before anything goes out.

Templates are grouped by *step key* (:data:`STEP_KEYS`): the step of the ladder, refined for
first check-ins by what they are counted from, and for the second check-in by its number.
The built-in wording lives in :mod:`followup_tui.core.builtin_templates`; :data:`BUILT_INS`
is the library made from it.
"""

from __future__ import annotations

import calendar as _cal
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from followup_tui.core import builtin_templates
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import EventKind, Interview, Interviewer, Outcome
from followup_tui.core.standing import Action, Basis, Step


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A field a template may use."""

    name: str
    """What goes between the braces: ``first_name`` for ``{first_name}``."""
    meaning: str
    """What it stands for, in the user's words (shown in docs and error messages)."""
    marker: str
    """What the text shows in its place when no value is on record."""


PLACEHOLDERS: Mapping[str, Placeholder] = {
    p.name: p
    for p in (
        Placeholder("first_name", "the interviewer's first name", "[first name]"),
        Placeholder("interviewer", "the interviewer's full name", "[interviewer's name]"),
        Placeholder("company", "the company", "[company]"),
        Placeholder("role", "the job applied for", "[role]"),
        Placeholder("round", "the round, as recorded ('phone screen')", "[round]"),
        Placeholder("meeting", "the round as a noun ('phone screen', 'final interview')", ""),
        Placeholder("weekday", "the interview's weekday ('Tuesday')", ""),
        Placeholder("interview_date", "the interview's date ('3 November')", ""),
        Placeholder("decision_date", "the decision date they gave", "[decision date]"),
        Placeholder("check_in_date", "the check-in date you agreed", "[agreed check-in date]"),
        Placeholder("days_since", "business days since the interview ('4 business days')", ""),
        Placeholder("my_name", "your name (the name setting)", "[your name]"),
        Placeholder("signature", "your sign-off (the signature or name setting)", "[your name]"),
        Placeholder(
            "highlight",
            "one line about you worth repeating (the highlight setting)",
            "[one result you're proud of]",
        ),
        Placeholder(
            "discussed",
            "something you talked about (the first line of the notes)",
            "[something we discussed]",
        ),
        Placeholder("today", "today's date ('Friday 13 November')", ""),
        Placeholder(
            "article", "a link or title worth sharing (keep-warm)", "[link to the article]"
        ),
        Placeholder("news", "your news, as a clause ('I shipped the new search')", "[your news]"),
    )
}
"""Every placeholder by name. Those with an empty marker always have a value."""

EXTRA_PLACEHOLDERS = ("article", "news")
"""Placeholders the record cannot fill: the composer asks the user for them."""

STEP_KEYS: Mapping[str, str] = {
    "thank_you": "thank-you",
    "check_in.agreed": "first check-in, on the agreed date",
    "check_in.decision_date": "first check-in, after their decision date",
    "check_in.no_timeline": "first check-in, no timeline given",
    "check_in.second": "second check-in",
    "closing_note": "closing note",
    "thanks_after_rejection": "thanks after a rejection",
    "keep_warm": "keep-warm note",
    "update": "update: something changed",
}
"""Every step key, with a label for the composer."""


def step_key(step: Step, basis: Basis | None = None, number: int = 1) -> str:
    """The step key for a step; a check-in needs its basis (first) or number (later ones).

    ``Step.PREPARE`` has no message and gives ``"prepare"``, which no template uses.
    """
    if step is Step.CHECK_IN:
        if number >= 2:
            return "check_in.second"
        return f"check_in.{basis or Basis.NO_TIMELINE}"
    return str(step)


def action_key(action: Action) -> str:
    """The step key for one of the ladder's actions."""
    return step_key(action.step, action.basis, action.number)


@dataclass(frozen=True, slots=True)
class Template:
    """One wording of one message."""

    key: str
    """Which message it is: one of :data:`STEP_KEYS`."""
    variant: str
    """Its tone or flavour: "warm", "formal", "short", or a name the user gave."""
    subject: str
    """The subject line (for a call script: the heading above it)."""
    body: str
    """The message itself (or what to say on the call)."""
    phone: bool = False
    """True for a call script rather than an email."""
    source: str = "built-in"
    """Where it comes from: "built-in", or the path of the user's template file."""

    @property
    def step(self) -> Step:
        """The ladder step this template is for."""
        return Step(self.key.split(".", 1)[0])

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Names of the placeholders it uses, in order of first use."""
        return tuple(dict.fromkeys(placeholder_names(self.subject + "\n" + self.body)))


_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholder_names(text: str) -> list[str]:
    """Every ``{name}`` in ``text``, in order (literal ``{{``/``}}`` skipped)."""
    return [m.group(1) for m in _TOKEN.finditer(text) if m.group(1)]


@dataclass(frozen=True, slots=True)
class Library:
    """A set of templates, looked up by step key."""

    templates: tuple[Template, ...]
    """Every template, in the order the composer offers them."""

    def find(self, key: str, phone: bool = False) -> list[Template]:
        """The templates for a step key: emails, or call scripts when ``phone``."""
        return [t for t in self.templates if t.key == key and t.phone == phone]

    def extended(self, extra: Iterable[Template], replace: Iterable[str] = ()) -> Library:
        """A copy with ``extra`` templates added.

        A template with the key, kind (email or call) and variant name of an existing one
        takes its place. For each key in ``replace``, the existing templates of every kind
        that ``extra`` provides for that key are dropped first.
        """
        extra = tuple(extra)
        provided = {(t.key, t.phone) for t in extra}
        dropped = set(replace)
        kept = [
            t for t in self.templates if not (t.key in dropped and (t.key, t.phone) in provided)
        ]
        for new in extra:
            same = [
                i
                for i, old in enumerate(kept)
                if (old.key, old.phone, old.variant) == (new.key, new.phone, new.variant)
            ]
            if same:
                kept[same[0]] = new
            else:
                kept.append(new)
        return Library(tuple(kept))


BUILT_INS = Library(
    tuple(
        Template(key, variant, subject, body, phone)
        for key, variant, phone, subject, body in builtin_templates.ROWS
    )
)
"""Our own templates: several variants of every message, and a call script for each step."""


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


@dataclass(frozen=True, slots=True)
class Context:
    """The values a template is filled with."""

    values: Mapping[str, str]
    """Placeholder name → text. A placeholder with no value on record is absent."""
    interviewer_names: tuple[str, ...] = ()
    """Everyone on the panel (for the tone check's greeting rule)."""
    recipient: str = ""
    """The interviewer this message is addressed to, or "" when nobody is on record."""
    signature: str = ""
    """The sign-off block as filled in (so the tone check can leave it out of word counts)."""

    def with_values(self, extra: Mapping[str, str]) -> Context:
        """A copy with more values (blank ones ignored), e.g. the article the user picked."""
        merged = dict(self.values)
        merged.update({k: v.strip() for k, v in extra.items() if v.strip()})
        return Context(merged, self.interviewer_names, self.recipient, self.signature)


@dataclass(frozen=True, slots=True)
class Draft:
    """A filled-in template, ready to edit."""

    subject: str
    """The subject line."""
    body: str
    """The message."""
    missing: tuple[str, ...] = field(default=())
    """Placeholders that had no value: their markers are still in the text."""


def fill(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """``text`` with its placeholders filled, and the names that had no value."""
    missing: list[str] = []

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)[0]
        if name in values:
            return values[name]
        missing.append(name)
        known = PLACEHOLDERS.get(name)
        return known.marker if known and known.marker else f"[{name}]"

    return _TOKEN.sub(one, text), missing


def render(template: Template, context: Context) -> Draft:
    """Fill a template's subject and body from ``context``."""
    subject, missing_subject = fill(template.subject, context.values)
    body, missing_body = fill(template.body, context.values)
    missing = tuple(dict.fromkeys(missing_subject + missing_body))
    return Draft(subject.strip(), body.strip() + "\n", missing)


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


def templates_for(
    step: Step,
    basis: Basis | None = None,
    phone: bool = False,
    *,
    number: int = 1,
    library: Library | None = None,
) -> list[Template]:
    """The templates for a step (emails, or call scripts when ``phone``), built-ins by default."""
    return (library or BUILT_INS).find(step_key(step, basis, number), phone)
