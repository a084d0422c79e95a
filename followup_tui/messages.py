"""The composer's words and its tone check from the shell: ``followup compose`` prints the
message the composer would open with, ``followup tone`` checks a draft written anywhere.

Nothing here imports Textual: the same core that fills and checks messages in the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from followup_tui.core.board import Row, rank
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.choices import choices_for, nothing_to_write
from followup_tui.core.compose import Composition, Sender, compose, review
from followup_tui.core.model import Interview
from followup_tui.core.policy import policy_named
from followup_tui.core.standing import Action, Step
from followup_tui.core.templates import Library
from followup_tui.core.tone import Finding, ToneContext

TONE_STEPS = (
    "thank_you",
    "check_in",
    "closing_note",
    "thanks_after_rejection",
    "keep_warm",
    "update",
)
"""What ``followup tone --step`` takes: the steps whose length and timing rules differ."""


MAX_DRAFT = 50_000
"""The longest draft ``followup tone`` reads: far past any message (they run to hundreds of
words), and checked in well under a second."""


class MessageError(Exception):
    """A request the command can't answer (an unknown interview, step, person or wording)."""


@dataclass(frozen=True)
class Draft:
    """A message read from a file or typed: an optional ``Subject:`` line, then the body."""

    subject: str
    """The subject ("" when the text had none)."""
    body: str
    """Everything after it."""

    @classmethod
    def read(cls, text: str) -> Draft:
        """Split ``text`` as a mail client writes it: ``Subject: …``, a blank line, the body."""
        first, _, rest = text.partition("\n")
        if first.lower().startswith("subject:"):
            return cls(first.split(":", 1)[1].strip(), rest.lstrip("\n"))
        return cls("", text)


def find_row(rows: list[Row], key: str) -> Row:
    """The interview whose id is ``key`` (or starts with it, when only one does), to write
    for: one closed with nothing to write is said here, where its later rounds are known."""
    exact = [r for r in rows if r.interview.id == key]
    found = exact or [r for r in rows if r.interview.id.startswith(key)] if key else []
    if len(found) != 1:
        problem = "no interview has" if not found else "more than one interview has"
        raise MessageError(f"{problem} the id {key!r} (followup status --json lists them)")
    row = found[0]
    if not offered(row):
        later = [r.interview.id for r in rows if r.interview.follows == row.interview.id]
        where = f"followup compose {later[0]}" if later else "add it in the app first"
        raise MessageError(nothing_to_write(row.interview, row.standing, where))
    return row


def standings(
    interviews: list[Interview], policy: str, now: datetime, calendar: BusinessCalendar
) -> list[Row]:
    """Every interview with its standing, as the board ranks them (offers' steps included)."""
    return rank(interviews, policy, now, calendar)


def offered(row: Row) -> list[Action]:
    """The messages worth writing for ``row`` now, most urgent first: the composer's choices
    (:func:`followup_tui.core.choices.choices_for`), one action each."""
    return [choice.action for choice in choices_for(row.interview, row.standing)]


def _step_name(typed: str) -> str:
    """A step's name as the code spells it: "check-in" and "Check_In" are "check_in"."""
    return "_".join(typed.strip().casefold().replace("-", " ").replace("_", " ").split())


def _wording_name(typed: str) -> str:
    """A wording's name, hyphens and underscores read as spaces: "new-work" is "new work"."""
    return " ".join(typed.strip().casefold().replace("-", " ").replace("_", " ").split())


def _action(row: Row, step: str | None) -> Action:
    """The step to write: the one asked for, if the composer would offer it now; else the
    most urgent one."""
    actions = offered(row)
    if not actions:
        raise MessageError(nothing_to_write(row.interview, row.standing))
    if step is None:
        return actions[0]
    for action in actions:
        if action.step.value == _step_name(step):
            return action
    steps = ", ".join(a.step.value for a in actions)
    raise MessageError(f"no {step!r} message for {row.interview.company} now; one of {steps}")


def _person(interview: Interview, to: str | None) -> str | None:
    if to is None:
        return None
    wanted = to.strip().casefold()
    for person in interview.interviewers:
        if person.name.casefold() == wanted or person.first_name.casefold() == wanted:
            return person.name
    names = ", ".join(p.name for p in interview.interviewers) or "nobody is on record"
    raise MessageError(f"{to!r} is not on the panel of {interview.company} ({names})")


def composition(
    row: Row,
    sender: Sender,
    *,
    step: str | None,
    to: str | None,
    wording: str | None,
    now: datetime,
    calendar: BusinessCalendar,
    default_policy: str,
    library: Library,
) -> Composition:
    """The message the composer would open with for ``row`` (or the step/person/wording asked)."""
    interview = row.interview
    action = _action(row, step)
    composed = compose(
        interview,
        action,
        sender,
        now=now,
        calendar=calendar,
        policy=policy_named(interview.policy, default_policy),
        variant=wording,
        recipient=_person(interview, to),
        library=library,
    )
    if composed is None:
        raise MessageError(f"there is no message for {action.step.value!r}")
    if wording is None or composed.template.variant == wording:
        return composed
    named = [
        t.variant for t in composed.choices if _wording_name(t.variant) == _wording_name(wording)
    ]
    if not named:
        names = ", ".join(t.variant for t in composed.choices)
        raise MessageError(f"no wording {wording!r} for this message; one of {names}")
    return composition(
        row,
        sender,
        step=step,
        to=to,
        wording=named[0],
        now=now,
        calendar=calendar,
        default_policy=default_policy,
        library=library,
    )


def as_mail(composed: Composition) -> str:
    """``Subject: …``, a blank line, then the body: what a mail client takes."""
    draft = composed.draft
    return f"Subject: {draft.subject}\n\n{draft.body.rstrip()}\n"


def check(draft: Draft, tone: ToneContext) -> list[Finding]:
    """What the tone check finds in ``draft``."""
    return review(draft.subject, draft.body, tone)


def plain_context(step: str | None, to: str | None) -> ToneContext:
    """The tone check's inputs with no interview on record: the step and the recipient."""
    name = None if step is None else _step_name(step)
    if name is not None and name not in TONE_STEPS:
        raise MessageError(f"unknown step {step!r}; one of {', '.join(TONE_STEPS)}")
    return ToneContext(step=Step(name) if name else None, recipient=(to or "").strip())


def findings_json(text: str, findings: list[Finding]) -> dict[str, Any]:
    """``{"findings": [{"check", "line", "quote", "why"}]}`` for ``followup tone --json``."""
    draft = Draft.read(text)
    out = []
    for finding in findings:
        where = draft.subject if finding.line == 0 else draft.body
        quote = where[finding.span[0] : finding.span[1]] if finding.span else ""
        out.append(
            {
                "check": finding.rule.value,
                "line": finding.line,
                "quote": quote,
                "why": finding.message,
            }
        )
    return {"findings": out}


def findings_text(findings: list[Finding]) -> str:
    """One line a finding: its check, where it is, why it matters."""
    if not findings:
        return "Nothing to flag: short, warm and filled in."
    lines = []
    for f in findings:
        place = "" if f.line is None else " · subject" if f.line == 0 else f" · line {f.line}"
        lines.append(f"{f.rule.label}{place}: {f.message}")
    return "\n".join(lines)
