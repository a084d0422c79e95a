"""Message templates: which ones fit a step, the placeholders they use, and how they are filled.

A template is plain text with ``{placeholder}`` fields (``{{`` and ``}}`` for literal braces).
:func:`followup_tui.core.compose.context_for` gathers the values from the record (never
the clock). :func:`render` fills a template; a value that is not on record is left visibly
marked (``[something we discussed]``) and listed in :attr:`Draft.missing`, so the tone
check can flag it before anything goes out.

Templates are grouped by *step key* (:data:`STEP_KEYS`): the step of the ladder, refined for
first check-ins by what they are counted from, and for the second check-in by its number.
The built-in wording lives in :mod:`followup_tui.core.builtin_templates`; :data:`BUILT_INS`
is the library made from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from followup_tui.core import builtin_templates
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
        Placeholder(
            "met_on",
            "when you met, as said today ('yesterday', 'on Tuesday', 'on 3 November')",
            "",
        ),
        Placeholder("decision_date", "the decision date they gave", "[decision date]"),
        Placeholder(
            "decision_on",
            "their decision date, as said today ('on Friday', 'on 6 November')",
            "[decision date]",
        ),
        Placeholder(
            "decision_by",
            "their decision date as a deadline ('by Friday', 'by 13 November')",
            "[decision date]",
        ),
        Placeholder("check_in_date", "the check-in date you agreed", "[agreed check-in date]"),
        Placeholder(
            "check_in_on",
            "the agreed check-in date, as said today ('today', 'on Friday')",
            "[agreed check-in date]",
        ),
        Placeholder(
            "check_in_around",
            "the agreed check-in day, as said today ('today', 'around now', 'around 13 November')",
            "[agreed check-in date]",
        ),
        Placeholder(
            "as_agreed",
            "how this check-in keeps to the agreed day ('as we agreed', 'a little later than we"
            " agreed')",
            "[as we agreed]",
        ),
        Placeholder("met", "'met', or 'spoke' after a phone interview", ""),
        Placeholder("days_since", "business days since the interview ('4 business days')", ""),
        Placeholder("my_name", "your name (the name setting)", "[your name]"),
        Placeholder("signature", "your sign-off (the signature or name setting)", "[your name]"),
        Placeholder(
            "highlight",
            "one line about you worth repeating (the highlight setting)",
            "[one result you're proud of]",
        ),
        Placeholder(
            "reminder",
            "a sentence recalling your highlight, or nothing when no highlight is set",
            "",
        ),
        Placeholder(
            "discussed",
            "what you talked about with this interviewer (their topic; a general line if none)",
            "[something we discussed]",
        ),
        Placeholder(
            "about_topic",
            "' about' and this interviewer's own topic, or nothing when none is on record",
            "",
        ),
        Placeholder(
            "help_line",
            "an offer of help to close a thank-you, worded by place on the panel",
            "",
        ),
        Placeholder("you_all", "'you', or 'you and your colleagues' after a panel", ""),
        Placeholder(
            "sorry_late",
            "a sentence owning up to a late thank-you, or nothing when it is on time",
            "",
        ),
        Placeholder("today", "today's date ('Friday 13 November')", ""),
        Placeholder(
            "article", "a link or title worth sharing (keep-warm)", "[link to the article]"
        ),
        Placeholder(
            "news", "your news, as a clause ('I've shipped the new search')", "[your news]"
        ),
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
    "offer_thanks": "thanks for the offer",
    "offer_time": "asking for a little time",
    "offer_accept": "accepting the offer",
    "offer_decline": "declining the offer",
    "withdraw": "withdrawing",
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
    private_notes: str = ""
    """The interview's private notes: never filled in, only for the tone check to guard."""
    shared: tuple[str, ...] = ()
    """Every interviewer's topic: words meant to be said, even if the notes repeat them."""
    other_letters: tuple[str, ...] = ()
    """Thank-yous already sent to the rest of the panel (so a copy can be caught)."""

    def with_values(self, extra: Mapping[str, str]) -> Context:
        """A copy with more values (blank ones ignored), e.g. the article the user picked."""
        merged = dict(self.values)
        merged.update({k: v.strip() for k, v in extra.items() if v.strip()})
        return replace(self, values=merged)


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
    return Draft(_tidy(subject).strip(), _tidy(body).strip() + "\n", missing)


def _tidy(text: str) -> str:
    """Spaces left where an optional sentence was empty, taken out."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)


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
