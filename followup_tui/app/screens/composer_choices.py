"""What the composer offers for one interview now, and what marking a message sent logs.

The messages on offer are those the ladder says are owed (most urgent first), or the next
step ahead when nothing is owed yet, then an update and a keep-warm note, which fit at
almost any time. A thank-you is one choice whose recipients are the interviewers, those
still owed one first. Nothing here touches the screen, so it is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followup_tui.core.model import Channel, Event, EventKind, Interview
from followup_tui.core.standing import Action, Standing, Status, Step


@dataclass(frozen=True, slots=True)
class Choice:
    """One message the composer can write for an interview."""

    action: Action
    """The ladder's action it answers (or one made up for an update or keep-warm note)."""
    label: str
    """How the composer names it: "thank-you", "check-in 1 of 2", "update"."""
    owed: bool
    """True when the ladder says it is owed now."""
    recipients: tuple[str, ...]
    """Whom it can go to, the default first ("" alone when nobody is on record)."""
    owed_to: frozenset[str] = frozenset()
    """For a thank-you: the interviewers still owed one."""
    ahead: bool = False
    """True for the ladder's next step when it is not due yet."""


_SENT_KIND = {
    Step.THANK_YOU: EventKind.THANK_YOU_SENT,
    Step.CHECK_IN: EventKind.CHECK_IN_SENT,
    Step.CLOSING_NOTE: EventKind.CLOSING_NOTE_SENT,
    Step.THANKS_AFTER_REJECTION: EventKind.THANKS_SENT,
    Step.KEEP_WARM: EventKind.KEEP_WARM_SENT,
    Step.UPDATE: EventKind.UPDATE_SENT,
}

# The ladder's own labels say what to do ("send a closing note and move on"); the composer
# names the message instead.
_LABELS = {
    Step.CLOSING_NOTE: "closing note",
    Step.THANKS_AFTER_REJECTION: "thank-you after the rejection",
}

_SENT_WORDS = {
    Step.CHECK_IN: "check-in",
    Step.CLOSING_NOTE: "closing note",
    Step.THANKS_AFTER_REJECTION: "thanks for their consideration",
    Step.KEEP_WARM: "keep-warm note",
    Step.UPDATE: "update",
}


def _names(interview: Interview) -> tuple[str, ...]:
    return tuple(p.name for p in interview.interviewers if p.name.strip())


def _keep_warm_number(interview: Interview) -> int:
    sent = 0
    for event in interview.sorted_events():
        if event.kind is EventKind.REPLY:
            sent = 0
        elif event.kind is EventKind.KEEP_WARM_SENT:
            sent += 1
    return sent + 1


def choices_for(interview: Interview, standing: Standing) -> list[Choice]:
    """The messages worth writing now, the one to preselect first."""
    names = _names(interview) or ("",)
    owed = [a for a in standing.actions if a.due_now]
    ahead = [a for a in standing.actions if not a.due_now and a.step is not Step.PREPARE]
    choices: list[Choice] = []
    thank_yous = [a for a in owed if a.step is Step.THANK_YOU]
    for action in owed or ahead[:1]:
        if action.step is Step.THANK_YOU:
            if action is not thank_yous[0]:
                continue  # one choice for the whole panel; the recipient key picks who
            still = [a.recipient for a in thank_yous]
            order = tuple(dict.fromkeys([*still, *names]))
            choices.append(Choice(action, "thank-you", True, order, frozenset(still)))
            continue
        label = action.label if action.due_now else f"{action.label} (not due yet)"
        if action.step in _LABELS:
            label = _LABELS[action.step] + ("" if action.due_now else " (not due yet)")
        choices.append(Choice(action, label, action.due_now, names, ahead=not action.due_now))
    steps = {c.action.step for c in choices}
    if Step.UPDATE not in steps:
        choices.append(Choice(Action(Step.UPDATE, "update", False), "update", False, names))
    closed = standing.status in (Status.UPCOMING, Status.OFFER)
    if Step.KEEP_WARM not in steps and not closed:
        number = _keep_warm_number(interview)
        action = Action(Step.KEEP_WARM, "keep-warm note", False, number=number)
        choices.append(Choice(action, "keep-warm note", False, names))
    return choices


def sent_event(
    step: Step, at: datetime, *, recipient: str, phone: bool, subject: str, body: str
) -> Event:
    """The event that marks a message of ``step`` sent at ``at``, with its text."""
    kind = _SENT_KIND[step]
    heading = subject.strip()
    text = f"{heading}\n\n{body.strip()}" if heading else body.strip()
    if step is Step.THANK_YOU:
        return Event(kind, at, to=recipient, text=text)
    if step is Step.CHECK_IN:
        return Event(kind, at, channel=Channel.PHONE if phone else Channel.EMAIL, text=text)
    return Event(kind, at, text=text)


def sent_words(step: Step, recipient: str) -> str:
    """What marking it sent logged, in a few words: "thank-you to Dana Ruiz"."""
    if step is Step.THANK_YOU:
        return f"thank-you to {recipient}" if recipient else "thank-you"
    return _SENT_WORDS[step]
