"""Which messages an interview's standing offers now, in which order, and to whom.

The messages on offer are those the ladder says are owed (most urgent first), or the next
step ahead when nothing is owed yet, then an update and a keep-warm note, which fit at
almost any time while the interview is open. A thank-you is one choice whose recipients are
the interviewers, those still owed one first; an offer's answer is three choices. A closed
interview offers nothing but an offer's answer, which may still be wanted in writing;
:func:`nothing_to_write` says why in one line. The composer shows them and
``followup compose --step`` takes them, so both offer the same messages in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup_tui.core.compose import keep_warm_number
from followup_tui.core.model import EventKind, Interview
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


# The ladder's own labels say what to do ("send a closing note and move on"); the composer
# names the message instead.
_LABELS = {
    Step.CLOSING_NOTE: "closing note",
    Step.THANKS_AFTER_REJECTION: "thank-you after the rejection",
    Step.OFFER_THANKS: "thanks for the offer",
    Step.WITHDRAW: "withdrawal",
}

_ANSWERS = (
    (Step.OFFER_TIME, "ask for a little time"),
    (Step.OFFER_ACCEPT, "accept the offer"),
    (Step.OFFER_DECLINE, "decline the offer"),
)
"""An offer's answer is one of three messages; each is a choice of its own."""

_ANSWERED = {"offer accepted": _ANSWERS[1], "offer declined": _ANSWERS[2]}
"""Once an offer is answered, the answer given is the one message left to write (in writing,
say, after a call): to the company that made the offer, an update about another offer or a
keep-warm note would read wrong."""


_OVER = {
    "advanced": "{company} moved you to a next round: write from that one{where}",
    "withdrew": "You withdrew from {company}: nothing more is owed to them",
    "no response": "{company} went quiet and your closing note is sent: nothing more is "
    "owed (w on the board keeps in touch)",
    "no response, kept warm": "{company} went quiet, and your closing and keep-warm notes "
    "are sent: nothing more is owed",
    "thanked after rejection": "{company} said no and you have thanked them: nothing more is owed",
    "archived": "{company} is archived: bring it back (x on the board) to write to them",
}
"""Why a closed interview offers nothing, by the reason it is closed. Each outcome is the
last word on that round (DOMAIN.md, ladder 5 to 8): withdrawn, moved on to a next round
(whose own interview carries the conversation), or thanked after a no or after silence; an
update then would read as pressing the point ("still where I'd most like to be"). Keep-warm
notes (ladder 9) are the user's choice: chosen on the board they reopen the interview, and
the ladder spaces them, three at most."""


_LAST_WORD = frozenset({"advanced", "rejected"})
"""Replies after which only what they owe is left to write (thank-yous, thanks for their
consideration): a next round carries the conversation on in its own interview, and to a
company that has said no an update or keep-warm note would read wrong. Once another offer
is accepted, the withdrawal is likewise the one message left."""


def _names(interview: Interview) -> tuple[str, ...]:
    return tuple(p.name for p in interview.interviewers if p.name.strip())


def _warm_chosen(interview: Interview) -> bool:
    """Keep-warm was chosen since their last reply (a reply starts the ladder again)."""
    chosen = False
    for event in interview.sorted_events():
        if event.kind is EventKind.REPLY:
            chosen = False
        elif event.kind is EventKind.KEEP_WARM_CHOSEN:
            chosen = True
    return chosen


def nothing_to_write(interview: Interview, standing: Standing, where: str = "") -> str:
    """One plain line saying why :func:`choices_for` offers nothing for ``interview``.

    ``where`` says where to write instead of an advanced round (its next round), in the
    caller's terms: a pane's name, or a command.
    """
    company = interview.company.strip() or "This interview"
    reason = standing.reason
    if reason == "no response" and _warm_chosen(interview):
        reason = "no response, kept warm"  # closed only once the notes at most are sent
    wording = _OVER.get(reason, "{company}: there is nothing to write now")
    return wording.format(company=company, where=f" ({where})" if where else "")


def choices_for(interview: Interview, standing: Standing) -> list[Choice]:
    """The messages worth writing now, the one to preselect first (none once it is closed,
    but for an offer's answer)."""
    names = _names(interview) or ("",)
    if standing.status is Status.CLOSED:
        if standing.reason not in _ANSWERED:
            return []
        step, words = _ANSWERED[standing.reason]
        return [Choice(Action(step, words, False), words, False, names)]
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
        if action.step is Step.OFFER_ANSWER:
            for step, words in _ANSWERS:
                choices.append(Choice(Action(step, words, True), words, True, names))
            continue
        label = action.label if action.due_now else f"{action.label} (not due yet)"
        if action.step in _LABELS:
            label = _LABELS[action.step] + ("" if action.due_now else " (not due yet)")
        choices.append(Choice(action, label, action.due_now, names, ahead=not action.due_now))
    steps = {c.action.step for c in choices}
    if standing.status is Status.OFFER:
        return choices  # nothing about another offer goes to the company that made this one
    if standing.reason in _LAST_WORD or Step.WITHDRAW in steps:
        return choices
    if Step.UPDATE not in steps:
        # While another company's offer is open, the update is the news of it.
        told = next((a for a in standing.actions if a.step is Step.UPDATE), None)
        label = "update: tell them about your offer" if told else "update"
        action = told or Action(Step.UPDATE, "update", False)
        choices.append(Choice(action, label, False, names))
    closed = standing.status is Status.UPCOMING
    if Step.KEEP_WARM not in steps and not closed:
        number = keep_warm_number(interview)
        action = Action(Step.KEEP_WARM, "keep-warm note", False, number=number)
        choices.append(Choice(action, "keep-warm note", False, names))
    return choices
