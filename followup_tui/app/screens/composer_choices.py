"""Which message the composer shows, and what sending it logs.

The messages on offer come from :func:`followup_tui.core.choices.choices_for`, the list
``followup compose`` takes too. :class:`Selection` is the composer's state: the message,
recipient and wording chosen. Nothing here touches the screen, so it is tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.choices import Choice, choices_for
from followup_tui.core.compose import Composition, Sender, compose, switch
from followup_tui.core.model import Channel, Event, EventKind, Interview, Interviewer
from followup_tui.core.policy import Policy
from followup_tui.core.standing import Standing, Step
from followup_tui.core.templates import Library, Template, action_key
from followup_tui.storage.drafts import Message

_SENT_KIND = {
    Step.THANK_YOU: EventKind.THANK_YOU_SENT,
    Step.CHECK_IN: EventKind.CHECK_IN_SENT,
    Step.CLOSING_NOTE: EventKind.CLOSING_NOTE_SENT,
    Step.THANKS_AFTER_REJECTION: EventKind.THANKS_SENT,
    Step.KEEP_WARM: EventKind.KEEP_WARM_SENT,
    Step.UPDATE: EventKind.UPDATE_SENT,
    Step.OFFER_THANKS: EventKind.THANKS_SENT,
    Step.OFFER_TIME: EventKind.UPDATE_SENT,
    Step.OFFER_ACCEPT: EventKind.OFFER_ACCEPTED,
    Step.OFFER_DECLINE: EventKind.OFFER_DECLINED,
    Step.WITHDRAW: EventKind.WITHDREW,
}

_SENT_WORDS = {
    Step.CHECK_IN: "check-in",
    Step.CLOSING_NOTE: "closing note",
    Step.THANKS_AFTER_REJECTION: "thanks for their consideration",
    Step.KEEP_WARM: "keep-warm note",
    Step.UPDATE: "update",
    Step.OFFER_THANKS: "thanks for the offer",
    Step.OFFER_TIME: "request for a little time",
    Step.OFFER_ACCEPT: "acceptance: offer accepted",
    Step.OFFER_DECLINE: "reply: offer declined",
    Step.WITHDRAW: "withdrawal",
}


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


@dataclass
class Selection:
    """What the composer is writing: which message, to whom, in which wording."""

    interview: Interview
    """The interview, as it was when the composer opened."""
    standing: Standing
    """Its standing then."""
    library: Library
    """The templates on offer (ours and the user's)."""
    choices: list[Choice]
    """The messages on offer (:func:`choices_for`)."""
    index: int = 0
    """Which of them is being written."""
    recipient: str = ""
    """Whom it is addressed to ("" when nobody is on record)."""
    template: Template | None = None
    """The wording, or None when the library has none for the step."""

    @classmethod
    def start(
        cls, interview: Interview, standing: Standing, library: Library, last: Message | None
    ) -> Selection:
        """The message last open (``last``) if it still makes sense, else the most urgent."""
        selection = cls(interview, standing, library, choices_for(interview, standing))
        if last is None or not selection.restore(last):
            selection.select(0)
        return selection

    @property
    def choice(self) -> Choice:
        """The message being written."""
        return self.choices[self.index]

    def templates(self) -> list[Template]:
        """The wordings of the chosen step: the interview's preferred kind (email or call) first."""
        key = action_key(self.choice.action)
        calls_first = self.interview.channel is Channel.PHONE
        return self.library.find(key, calls_first) + self.library.find(key, not calls_first)

    def select(self, index: int, recipient: str | None = None) -> None:
        """Write the message ``index``, to ``recipient`` (default: its first), first wording."""
        self.index = index
        self.recipient = recipient if recipient is not None else self.choice.recipients[0]
        templates = self.templates()
        self.template = templates[0] if templates else None

    def restore(self, last: Message) -> bool:
        """Select ``last`` again; False when it no longer fits (sent, or thanked meanwhile)."""
        for index, choice in enumerate(self.choices):
            if action_key(choice.action) != last.key or last.recipient not in choice.recipients:
                continue
            if choice.action.step is Step.THANK_YOU and last.recipient not in choice.owed_to:
                continue  # thanked since: start on someone still owed one
            self.index, self.recipient = index, last.recipient
            wanted = (last.phone, last.variant)
            self.template = next(
                (t for t in self.templates() if (t.phone, t.variant) == wanted), None
            )
            return self.template is not None
        return False

    def message(self) -> Message:
        """Which draft this is."""
        assert self.template is not None
        return Message(
            self.template.key, self.recipient, self.template.phone, self.template.variant
        )

    def next_step(self) -> bool:
        """Move to the next message on offer (round again); False when there is no other."""
        if len(self.choices) < 2:
            return False
        self.select((self.index + 1) % len(self.choices))
        return True

    def next_wording(self) -> bool:
        """Move to the next wording of the same message; False when there is no other."""
        templates = self.templates()
        if self.template is None or len(templates) < 2:
            return False
        self.template = templates[(templates.index(self.template) + 1) % len(templates)]
        return True

    def next_recipient(self) -> bool:
        """Address it to the next interviewer; False when there is no other."""
        people = self.choice.recipients
        if len(people) < 2:
            return False
        self.recipient = people[(people.index(self.recipient) + 1) % len(people)]
        return True

    def person(self) -> Interviewer | None:
        """The interviewer it is addressed to, as recorded."""
        wanted = self.recipient.casefold()
        return next((p for p in self.interview.interviewers if p.name.casefold() == wanted), None)

    def composition(
        self,
        sender: Sender,
        now: datetime,
        calendar: BusinessCalendar,
        policy: Policy,
        extras: Mapping[str, str],
    ) -> Composition | None:
        """The message filled in from the record (None without a wording)."""
        template = self.template
        if template is None:
            return None
        composition = compose(
            self.interview,
            self.choice.action,
            sender,
            now=now,
            calendar=calendar,
            policy=policy,
            variant=template.variant,
            phone=template.phone,
            recipient=self.recipient,
            extras=extras,
            library=self.library,
        )
        if composition is not None and composition.template != template:
            composition = switch(composition, template)
        return composition
