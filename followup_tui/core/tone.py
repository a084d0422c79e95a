"""Tone checks: what a follow-up message must not do (DOMAIN.md, "Tone").

:func:`check` reads a message and returns :class:`Finding` s, each saying in one line why it
matters. Findings warn; they never block. Timing (too soon, too many) is judged from
:class:`OutreachFacts`, which the caller computes from the log with :func:`outreach_facts`
— nothing here reads the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import OUTREACH_KINDS, EventKind, Interview
from followup_tui.core.names import is_honorific, names_person
from followup_tui.core.policy import Policy
from followup_tui.core.private import private_spans
from followup_tui.core.standing import Step
from followup_tui.core.templates import PLACEHOLDERS
from followup_tui.core.tone_phrases import (
    CAPS_RUN,
    CAPS_WORD,
    COMMON,
    DEADLINE,
    EXCLAIMS,
    GENERIC,
    GREETING,
    HONORIFIC,
    OTHER_OFFER,
    PHRASES,
    TYPOS,
    Rule,
)
from followup_tui.core.tone_rules import COMBOS, SENTENCE

__all__ = [
    "PHONE_WORD_LIMIT",
    "WORD_LIMITS",
    "Finding",
    "OutreachFacts",
    "Rule",
    "ToneContext",
    "check",
    "outreach_facts",
    "unfilled",
    "word_count",
]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing worth a second look in a message."""

    rule: Rule
    """Which check found it."""
    message: str
    """Why it matters, in one line."""
    span: tuple[int, int] | None = None
    """Character offsets (start, end) of the words at fault, or None for the whole message."""
    line: int | None = None
    """1-based line of the words at fault, or None for the whole message."""


@dataclass(frozen=True, slots=True)
class OutreachFacts:
    """What the log says about earlier messages, for the timing checks."""

    business_days_since_last_outreach: int | None
    """Business days since the last message of any kind, or None if none was sent."""
    last_outreach: str
    """What the last message was ("check-in", "thank-you", ...), or "" if none."""
    minimum_gap: int
    """The policy's minimum gap between two messages, in business days."""
    unanswered_check_ins: int
    """Check-ins sent since the last reply (or since the interview)."""
    max_check_ins: int
    """Unanswered check-ins after which it is time to move on."""
    keep_warm_sent: int = 0
    """Keep-warm notes sent since the last reply."""
    keep_warm_max: int = 3
    """Keep-warm notes at most."""


@dataclass(frozen=True, slots=True)
class ToneContext:
    """What the checks need to know besides the text."""

    step: Step | None = None
    """What the message is for (sets the word limit and the timing checks); None if unknown."""
    phone: bool = False
    """True for a call script."""
    interviewer_names: tuple[str, ...] = ()
    """Everyone on the panel; a greeting to anyone else is flagged. Empty: not checked."""
    signature: str = ""
    """The sign-off block, left out of the word count."""
    facts: OutreachFacts | None = None
    """Earlier messages, for "too soon" and "too many"; None: not checked."""
    recipient: str = ""
    """Who the message goes to; a greeting to anyone else is flagged. "": not checked."""
    private_notes: str = ""
    """The interview's private notes: any run of their words in the message is flagged."""
    shared: tuple[str, ...] = ()
    """Text meant to be said (topics, the highlight): notes that repeat it are not private."""
    other_letters: tuple[str, ...] = ()
    """Thank-yous already sent to the rest of the panel: the same text again is flagged."""


# One for every kind in OUTREACH_KINDS (a test goes through the enum): "the last ... went out".
_OUTREACH_LABELS: dict[EventKind, str] = {
    EventKind.THANK_YOU_SENT: "thank-you",
    EventKind.CHECK_IN_SENT: "check-in",
    EventKind.UPDATE_SENT: "update",
    EventKind.CLOSING_NOTE_SENT: "closing note",
    EventKind.THANKS_SENT: "thank-you note",
    EventKind.KEEP_WARM_SENT: "keep-warm note",
    EventKind.OFFER_ACCEPTED: "note accepting the offer",
    EventKind.OFFER_DECLINED: "note declining the offer",
}


def outreach_facts(
    interview: Interview, now: datetime, calendar: BusinessCalendar, policy: Policy
) -> OutreachFacts:
    """The timing facts for a message written at ``now``, read from the interview's log."""
    last = None
    check_ins = keep_warm = 0
    for event in interview.sorted_events():
        if event.at > now:
            break
        if event.kind in OUTREACH_KINDS:
            last = event
        if event.kind is EventKind.REPLY:
            check_ins = keep_warm = 0
        elif event.kind is EventKind.CHECK_IN_SENT:
            check_ins += 1
        elif event.kind is EventKind.KEEP_WARM_SENT:
            keep_warm += 1
    since = None
    if last is not None:
        since = calendar.between(calendar.day_of(last.at), calendar.day_of(now))
    return OutreachFacts(
        since,
        _OUTREACH_LABELS[last.kind] if last else "",
        policy.minimum_gap,
        check_ins,
        policy.unanswered_before_move_on,
        keep_warm,
        policy.keep_warm_max,
    )


WORD_LIMITS: dict[Step | None, int] = {
    Step.THANK_YOU: 200,
    Step.CHECK_IN: 120,
    Step.CLOSING_NOTE: 100,
    Step.THANKS_AFTER_REJECTION: 120,
    Step.KEEP_WARM: 150,
    Step.UPDATE: 150,
    None: 200,
}
"""Words at most in an email, by step (the signature is not counted)."""

PHONE_WORD_LIMIT = 90
"""Words at most in a call script: about half a minute spoken."""

# Steps that must respect the minimum gap (thank-yous go the same day to everyone; an update
# or thanks after a rejection is prompted by news, not by the calendar).
_GAP_STEPS = frozenset({Step.CHECK_IN, Step.CLOSING_NOTE, Step.KEEP_WARM})


_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\](?!\()|\{[A-Za-z_][A-Za-z0-9_ ]{0,40}\}")


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _found(rule: Rule, text: str, match: re.Match[str], message: str) -> Finding:
    return Finding(rule, message, (match.start(), match.end()), _line_of(text, match.start()))


def _marker_message(token: str) -> str:
    for placeholder in PLACEHOLDERS.values():
        if placeholder.marker and placeholder.marker == token:
            return f"{token} still needs filling in: {placeholder.meaning}"
    return f"{token} looks like a placeholder left in: fill it in or cut it"


def _greeting_findings(text: str, names: tuple[str, ...], recipient: str) -> list[Finding]:
    panel = tuple(dict.fromkeys((*names, recipient) if recipient else names))
    findings = []
    for match in GREETING.finditer(text):
        addressee = match.group(1).strip()
        if "[" in addressee or "{" in addressee:
            continue  # an unfilled placeholder: flagged as such
        greeted: list[tuple[str, str | None]] = []
        for one in re.split(r"\s+(?:and|&)\s+|\s*&\s*", addressee):
            if all(is_honorific(word) for word in one.split()):
                findings.append(
                    Finding(
                        Rule.UNFILLED,
                        f"the greeting has a title ({one.strip()}) but no name after it",
                        (match.start(1), match.end(1)),
                        _line_of(text, match.start(1)),
                    )
                )
                continue
            who = HONORIFIC.sub("", one.strip())
            words = who.replace("-", " ").split()
            if words and not GENERIC.intersection(w.casefold() for w in words):
                greeted.append((who, next((p for p in panel if names_person(words, p)), None)))
        people = {person for _, person in greeted}
        for who, person in greeted:
            if person is None:
                why = f"the greeting names {who}, who is not on the panel ({', '.join(panel)})"
            elif recipient and recipient not in people:
                why = f"the greeting names {who}, but this message goes to {recipient}"
            else:
                continue
            findings.append(
                Finding(
                    Rule.UNFILLED,
                    why,
                    (match.start(1), match.end(1)),
                    _line_of(text, match.start(1)),
                )
            )
    return findings


def _private_findings(text: str, notes: str, shared: tuple[str, ...]) -> list[Finding]:
    return [
        Finding(
            Rule.PRIVATE,
            f'"{text[start:end]}" comes from your private notes: they are for you alone',
            (start, end),
            _line_of(text, start),
        )
        for start, end in private_spans(text, notes, shared)
    ]


def _letter(text: str) -> str:
    """A letter reduced to what makes it personal: no greeting line, case or spacing."""
    lines = text.strip().splitlines()
    if lines and GREETING.match(lines[0]):
        lines = lines[1:]
    return " ".join(" ".join(lines).casefold().split())


def _same_letter_findings(text: str, others: tuple[str, ...]) -> list[Finding]:
    mine = _letter(text)
    if not mine or not any(_letter(other) == mine for other in others):
        return []
    return [
        Finding(
            Rule.SAME_LETTER,
            "another interviewer on this panel already got this same letter;"
            " name something from your talk with this one",
        )
    ]


def _timing_findings(context: ToneContext) -> list[Finding]:
    facts, step = context.facts, context.step
    if facts is None or step is None:
        return []
    findings = []
    since = facts.business_days_since_last_outreach
    if step in _GAP_STEPS and since is not None and since < facts.minimum_gap:
        ago = "less than a business day" if since == 0 else f"{since} business day"
        ago += "s" if since > 1 else ""
        findings.append(
            Finding(
                Rule.TOO_SOON,
                f"the last {facts.last_outreach or 'message'} went out {ago} ago;"
                f" the minimum gap is {facts.minimum_gap}",
            )
        )
    if step is Step.CHECK_IN and facts.unanswered_check_ins >= facts.max_check_ins:
        findings.append(
            Finding(
                Rule.TOO_MANY,
                f"{facts.unanswered_check_ins} check-ins are already unanswered;"
                " another would be one too many, so a closing note fits better",
            )
        )
    if step is Step.KEEP_WARM and facts.keep_warm_sent >= facts.keep_warm_max:
        findings.append(
            Finding(
                Rule.TOO_MANY,
                f"{facts.keep_warm_sent} keep-warm notes have gone out,"
                " as many as are worth sending; time to move on",
            )
        )
    return findings


def word_count(text: str, signature: str = "") -> int:
    """Words in ``text``, leaving out the signature block when it is there."""
    if signature.strip() and signature.strip() in text:
        text = text.replace(signature.strip(), " ", 1)
    return len(re.findall(r"[\w'\u2019-]+", text))


def check(text: str, *, context: ToneContext | None = None) -> list[Finding]:
    """Every tone finding in ``text``: whole-message ones first, then in reading order."""
    context = context or ToneContext()
    whole = _timing_findings(context)
    limit = PHONE_WORD_LIMIT if context.phone else WORD_LIMITS.get(context.step, WORD_LIMITS[None])
    words = word_count(text, context.signature)
    if words > limit:
        kind = "a call script" if context.phone else "this note"
        whole.append(Finding(Rule.TOO_LONG, f"{words} words; {kind} reads best under {limit}"))
    whole += _same_letter_findings(text, context.other_letters)
    found: list[Finding] = []
    for rule, pattern, why in PHRASES:
        found += [_found(rule, text, m, f'"{m.group(0)}" {why}') for m in pattern.finditer(text)]
    if offer := OTHER_OFFER.search(text):
        for m in DEADLINE.finditer(text):
            if any(f.span and f.span[0] <= m.start() < f.span[1] for f in found):
                continue
            found.append(
                _found(
                    Rule.ULTIMATUM,
                    text,
                    m,
                    f'"{m.group(0)}" beside "{offer.group(0)}" reads as a deadline to force'
                    " an answer",
                )
            )
    found += _combo_findings(text, found)
    found += [
        _found(Rule.DESPERATE, text, m, f'"{m.group(0)}": stacked marks read as anxious')
        for m in EXCLAIMS.finditer(text)
    ]
    runs = [m for m in CAPS_RUN.finditer(text) if _shouted(m.group(0))]
    shouted = runs + [
        m
        for m in CAPS_WORD.finditer(text)
        if not any(r.start() <= m.start() < r.end() for r in runs)
    ]
    found += [
        _found(Rule.DESPERATE, text, m, f'"{m.group(0)}" in capitals reads as shouting')
        for m in shouted
    ]
    found += [
        _found(Rule.UNFILLED, text, m, _marker_message(m.group(0)))
        for m in _PLACEHOLDER.finditer(text)
    ]
    if context.interviewer_names or context.recipient:
        found += _greeting_findings(text, context.interviewer_names, context.recipient)
    if context.private_notes.strip():
        found += _private_findings(text, context.private_notes, context.shared)
    for pattern, fix in TYPOS:
        found += [
            _found(Rule.TYPO, text, m, f'"{m.group(0)}": did you mean "{fix}"?')
            for m in pattern.finditer(text)
        ]
    found.sort(key=lambda f: f.span or (0, 0))
    return whole + found


def _combo_findings(text: str, found: list[Finding]) -> list[Finding]:
    """Sentences where every pattern of a rule in :data:`COMBOS` matches, not already flagged."""
    results = []
    for sentence in SENTENCE.finditer(text):
        end = sentence.end()
        start = end - len(sentence.group(0).lstrip())
        if any(f.span and f.span[0] < end and start < f.span[1] for f in found):
            continue
        for rule, patterns, why in COMBOS:
            if all(p.search(sentence.group(0)) for p in patterns):
                words = sentence.group(0).strip()
                results.append(
                    Finding(
                        rule,
                        f'"{words}" {why}',
                        (start, start + len(words)),
                        _line_of(text, start),
                    )
                )
                break
    return results


def _shouted(run: str) -> bool:
    """A run of capitals is shouting when two of its words are ordinary ones."""
    return sum(word in COMMON for word in run.split()) >= 2


def warm_steps() -> Iterator[None]:
    """Compile the check's patterns one at a time, yielding after each, so that an idle app
    can build them between key presses instead of on the composer's first open."""
    patterns = [pattern for _, pattern, _ in PHRASES] + [pattern for pattern, _ in TYPOS]
    patterns += [OTHER_OFFER] + [p for _, parts, _ in COMBOS for p in parts]
    for pattern in patterns:
        if not pattern.is_compiled:
            pattern.compiled  # noqa: B018 - building it is the point
            yield


def unfilled(findings: list[Finding]) -> list[Finding]:
    """The findings that mean the message is not ready to send as it is: a placeholder
    left in, or a greeting to the wrong name (what "mark sent" should ask about)."""
    return [f for f in findings if f.rule is Rule.UNFILLED]
