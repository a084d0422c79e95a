"""Tone checks: what a follow-up message must not do (DOMAIN.md, "Tone").

:func:`check` reads a message and returns :class:`Finding` s, each saying in one line why it
matters. Findings warn; they never block. Timing (too soon, too many) is judged from
:class:`OutreachFacts`, which the caller computes from the log with :func:`outreach_facts`
— nothing here reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import OUTREACH_KINDS, EventKind, Interview
from followup_tui.core.policy import Policy
from followup_tui.core.standing import Step
from followup_tui.core.templates import PLACEHOLDERS


class Rule(StrEnum):
    """What a finding is about."""

    ULTIMATUM = "ultimatum"
    PUSHY = "pushy"
    DESPERATE = "desperate"
    TOO_LONG = "too_long"
    UNFILLED = "unfilled"
    TOO_SOON = "too_soon"
    TOO_MANY = "too_many"
    TYPO = "typo"


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


_OUTREACH_LABELS = {
    EventKind.THANK_YOU_SENT: "thank-you",
    EventKind.CHECK_IN_SENT: "check-in",
    EventKind.UPDATE_SENT: "update",
    EventKind.CLOSING_NOTE_SENT: "closing note",
    EventKind.THANKS_SENT: "thank-you note",
    EventKind.KEEP_WARM_SENT: "keep-warm note",
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


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A deadline is only an ultimatum beside another offer: "by Friday" alone is often innocent.
_DEADLINE = re.compile(
    rf"\b(?:by|before|until) (?:the )?(?:end of (?:the )?(?:day|week)|eod|tomorrow|tonight|{_DAYS}"
    r"|next week|\d{1,2}(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
_ELSEWHERE = r"(?:companies|organi[sz]ations|employers|firms|teams)\b"
_OTHER_OFFER = _rx(
    r"\b(?:another|other|competing|second|rival) (?:job )?offers?\b", r"\boffers? from\b"
)
_PHRASES: tuple[tuple[Rule, re.Pattern[str], str], ...] = (
    (
        Rule.ULTIMATUM,
        _rx(
            r"\bunless I hear\b",
            r"\bif I (?:don'?t|do not) hear (?:back )?(?:from you )?(?:by|before|soon)\b",
            r"\b(?:otherwise|or else),? I(?:'ll| will| shall)\b",
            r"\bbefore I (?:accept|sign|take|commit)\b",
            r"\b(?:need|want) (?:an answer|a decision|your decision|to know|to hear)"
            r"(?: back)? (?:by|before|within)\b",
            r"\b(?:interviewing|talking|speaking|in talks|in discussions|interest) (?:with|in) "
            r"(?:several|many|multiple|a few|other) (?:other )?" + _ELSEWHERE,
            r"\b(?:several|many|multiple|a few|other) (?:other )?"
            + _ELSEWHERE
            + r" (?:are|have)\b",
            r"\b(?:considering|exploring|pursuing|weighing) (?:my|other|several|multiple) "
            r"(?:options|offers|opportunities)\b",
            r"\b(?:last|final) chance\b",
            r"\bthe clock is ticking\b",
        ),
        "puts pressure on them to answer; an ultimatum can end the conversation",
    ),
    (
        Rule.PUSHY,
        _rx(
            r"\bas I (?:said|told you|already (?:said|mentioned|told you|explained))\b",
            r"\b(?:as )?per my (?:last|previous|earlier) (?:e-?mail|message|note|call)\b",
            r"\basap\b",
            r"\burgent(?:ly)?\b",
            r"\bimmediate(?:ly)?\b",
            r"\bwithout (?:further )?delay\b",
            r"\bas soon as possible\b",
            r"\b(?:I|we) (?:need|expect|require|demand) (?:an? |your )?"
            r"(?:answer|response|reply|update|decision)\b",
            r"\byou (?:need to|have to|must) "
            r"(?:reply|respond|answer|get back|let me know|decide)\b",
            r"\bwhy (?:haven'?t|have not|hasn'?t|didn'?t) (?:you|anyone)\b",
            r"\b(?:still|been|I'?m|am) waiting (?:for|on|to)\b",
            r"\b(?:you )?(?:still )?(?:haven'?t|have not|never) (?:replied|responded|answered"
            r"|gotten back|got back)\b",
            r"\b(?:second|third|final|another|friendly|gentle) reminder\b",
            r"\bchas(?:e|ing) (?:you|this|up)\b",
            r"\bfollowing up (?:again|once more|yet again)\b",
            r"\bprompt (?:reply|response|answer)\b",
        ),
        "reads as chasing or demanding; a cordial note gets a better hearing",
    ),
    (
        Rule.DESPERATE,
        _rx(
            r"\bplease,? please\b",
            r"\b(?:I )?beg(?:ging)?(?: you)?\b",
            r"\bdesperate(?:ly)?\b",
            r"\bI(?:'ll|'d| will| would)? do anything\b",
            r"\b(?:really|so|very),? (?:really|so|very)\b",
            r"\bI (?:really |truly )?need (?:this|the) (?:job|role|position)\b",
            r"\bmy (?:only|last) hope\b",
            r"\bplease give me a chance\b",
            r"\b(?:so )?sorry to (?:bother|trouble|disturb|pester|keep bothering)\b",
        ),
        "sounds like pleading; calm confidence reads better",
    ),
)

# Two or more of ! and ? in a row, at least one of them "!".
_EXCLAIMS = re.compile(r"(?=[!?]*!)[!?]{2,}")
# Three capitalised words in a row on one line: acronyms rarely come in threes.
_CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:[ \t,]+[A-Z]{2,}){2,}\b")
_CAPS_WORD = re.compile(
    r"\b(?:PLEASE|REALLY|VERY|NEED|HOPE|THANK|THANKS|LOVE|ANYTHING|SO|MUCH|ANY|EXCITED"
    r"|ALWAYS|NEVER|DREAM|PERFECT|DESPERATE)\b"
)

# (pattern, correction): homophones and slips that spell-checkers let through.
_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), fix)
    for pattern, fix in (
        (r"\b(?:to|forward to|hope to|glad to|eager to|keen to) here\b", "hear"),
        (r"\bhere (?:back|from you|anything)\b", "hear"),
        (r"\b(?:hear|hearing|heard) form\b", "from"),
        (r"\byour (?:welcome|still|not|the best)\b", "you're"),
        (r"\bthere (?:team|company|process|hiring|office)\b", "their"),
        (r"\bthen (?:expected|planned|anticipated|I thought|usual)\b", "than"),
        (r"\b(?:longer|more|sooner|better|rather|other) then\b", "than"),
        (r"\bloose (?:touch|track|sight)\b", "lose"),
        (r"\bdefin(?:ately|atly|itly|etly)\b", "definitely"),
        (r"\bwont\b", "won't"),
        (r"\bits (?:been|a pleasure|great to)\b", "it's"),
        (r"\bapart of (?:the|your|this|a)\b", "a part of"),
        (r"\bexcept (?:your|the|an|this) (?:offer|invitation)\b", "accept"),
        (r"\bfor you (?:time|consideration|help)\b", "your"),
        (r"\bweather or not\b", "whether"),
        (r"\bpeaked my (?:interest|curiosity)\b", "piqued"),
        (r"\bthe roll\b(?!-)", "role"),
        (r"\brecieve[ds]?\b", "receive"),
        (r"\bop(?:per|pur|pu)tunit(?:y|ies)\b", "opportunity"),
    )
)

_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\](?!\()|\{[A-Za-z_][A-Za-z0-9_ ]{0,40}\}")
_GREETING = re.compile(
    r"^[ \t]*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))[ \t]+"
    r"((?:(?:mr|mrs|ms|mx|dr|prof)\.[ \t]*)?[^\n,!:;.]+?)[ \t]*(?=[,!:;.\n]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|mx|miss|dr|prof)\.?\s+", re.IGNORECASE)
# A greeting with one of these words is to a group or a role, not to a person's name.
_GENERIC = frozenset(
    "there all everyone everybody team folks both you manager recruiter sir madam".split()  # noqa: SIM905
)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _found(rule: Rule, text: str, match: re.Match[str], message: str) -> Finding:
    return Finding(rule, message, (match.start(), match.end()), _line_of(text, match.start()))


def _marker_message(token: str) -> str:
    for placeholder in PLACEHOLDERS.values():
        if placeholder.marker and placeholder.marker == token:
            return f"{token} still needs filling in: {placeholder.meaning}"
    return f"{token} looks like a placeholder left in: fill it in or cut it"


def _greeting_findings(text: str, names: tuple[str, ...]) -> list[Finding]:
    known = {word.casefold() for name in names for word in name.replace("-", " ").split()}
    findings = []
    for match in _GREETING.finditer(text):
        addressee = match.group(1).strip()
        if "[" in addressee or "{" in addressee:
            continue  # an unfilled placeholder: flagged as such
        for one in re.split(r"\s+(?:and|&)\s+|\s*&\s*", addressee):
            who = _HONORIFIC.sub("", one.strip())
            words = [w.casefold() for w in who.replace("-", " ").split()]
            if not words or _GENERIC.intersection(words):
                continue
            if all(word in known for word in words):
                continue
            panel = ", ".join(names)
            findings.append(
                Finding(
                    Rule.UNFILLED,
                    f"the greeting names {who}, who is not on the panel ({panel})",
                    (match.start(1), match.end(1)),
                    _line_of(text, match.start(1)),
                )
            )
    return findings


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
    found: list[Finding] = []
    for rule, pattern, why in _PHRASES:
        found += [_found(rule, text, m, f'"{m.group(0)}" {why}') for m in pattern.finditer(text)]
    if offer := _OTHER_OFFER.search(text):
        for m in _DEADLINE.finditer(text):
            found.append(
                _found(
                    Rule.ULTIMATUM,
                    text,
                    m,
                    f'"{m.group(0)}" beside "{offer.group(0)}" reads as a deadline to force'
                    " an answer",
                )
            )
    found += [
        _found(Rule.DESPERATE, text, m, f'"{m.group(0)}": stacked marks read as anxious')
        for m in _EXCLAIMS.finditer(text)
    ]
    runs = list(_CAPS_RUN.finditer(text))
    shouted = runs + [
        m
        for m in _CAPS_WORD.finditer(text)
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
    if context.interviewer_names:
        found += _greeting_findings(text, context.interviewer_names)
    for pattern, fix in _TYPOS:
        found += [
            _found(Rule.TYPO, text, m, f'"{m.group(0)}": did you mean "{fix}"?')
            for m in pattern.finditer(text)
        ]
    found.sort(key=lambda f: f.span or (0, 0))
    return whole + found
