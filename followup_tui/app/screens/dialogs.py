"""Small dialogs that log one event: who was thanked, how a check-in went, what they replied.

Each returns what the user chose (or None on escape); the screen that opened it does the
writing. Nothing is logged until every field reads cleanly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Select
from textual.widgets.option_list import Option

from followup_tui.app.text import clean_line
from followup_tui.app.widgets.fields import Field, plain
from followup_tui.core.dates import (
    DateError,
    describe_date,
    describe_datetime,
    parse_date,
    parse_datetime,
)
from followup_tui.core.model import Channel, Event, EventKind, Interview, Outcome

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

EVERYONE = ""
"""What :class:`ChooseInterviewer` returns for "everyone on the panel"."""

OTHER_EVENTS: dict[EventKind, str] = {
    EventKind.UPDATE_SENT: "I sent an update (another offer, new work to show)",
    EventKind.CLOSING_NOTE_SENT: "I sent a closing note",
    EventKind.THANKS_SENT: "I thanked them after a rejection",
    EventKind.KEEP_WARM_SENT: "I sent a keep-warm note",
    EventKind.REFERENCE_CONTACTED: "One of my references was contacted",
    EventKind.WITHDREW: "I withdrew from this process",
    EventKind.NOTE: "Just a note",
}
"""The events the "log…" dialog offers, in the user's words."""

OUTCOMES: dict[Outcome, str] = {
    Outcome.STILL_DECIDING: "Still deciding",
    Outcome.NEXT_ROUND: "Invited to a next round",
    Outcome.REJECTED: "Rejected",
    Outcome.OFFER: "Offer",
    Outcome.OTHER: "Something else",
}
"""What a reply can say."""

CHANNELS: dict[Channel, str] = {
    Channel.EMAIL: "By email",
    Channel.PHONE: "By phone",
    Channel.UNKNOWN: "Some other way",
}
"""How a check-in can go."""

_TITLES = {
    EventKind.CHECK_IN_SENT: "Log a check-in",
    EventKind.REPLY: "Log their reply",
    EventKind.SNOOZED: "Snooze until a date",
}


class ChooseInterviewer(ModalScreen[str | None]):
    """Pick who the thank-you went to: one interviewer, or everyone."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", tooltip="Log nothing")
    ]

    def __init__(self, interview: Interview, owed: list[str]) -> None:
        """Offer the panel of ``interview``; those in ``owed`` are marked as still owed."""
        super().__init__()
        self._interview = interview
        self._owed = set(owed)

    def compose(self) -> ComposeResult:
        """A title and the list of names."""
        options = [Option(Text("Everyone on the panel"), id="\x00everyone")]
        for person in self._interview.interviewers:
            if person.name.strip():
                label = Text(clean_line(person.name))
                if person.name in self._owed:
                    label.append("  still owed", style="italic")
                options.append(Option(label, id=person.name))
        with Vertical(classes="dialog"):
            yield Label(
                Text(f"Thank-you sent to whom? — {clean_line(self._interview.company)}"),
                classes="title",
            )
            yield OptionList(*options)
            yield Label(Text("enter logs it · escape cancels"), classes="hint")

    def on_mount(self) -> None:
        """Start on the first interviewer still owed a thank-you."""
        options = self.query_one(OptionList)
        names = [p.name for p in self._interview.interviewers if p.name.strip()]
        first_owed = next((i for i, n in enumerate(names) if n in self._owed), 0)
        options.highlighted = first_owed + 1

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        self.dismiss(EVERYONE if key == "\x00everyone" else key)

    def action_dismiss_none(self) -> None:
        """Close, logging nothing."""
        self.dismiss(None)


class EventDialog(ModalScreen[Event | None]):
    """Log one event on an interview: a check-in, a reply, a snooze, or another kind."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", tooltip="Log nothing"),
        Binding("ctrl+s", "submit", "Log it", tooltip="Log it (enter works too)"),
    ]

    def __init__(self, interview: Interview, kind: EventKind | None) -> None:
        """A dialog for ``kind`` on ``interview``; ``kind`` None lets the user pick one."""
        super().__init__()
        self._interview = interview
        self._kind = kind

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        """The fields this kind of event needs."""
        kind, company = self._kind, clean_line(self._interview.company)
        title = _TITLES.get(kind, "Log something else") if kind else "Log something else"
        with Vertical(classes="dialog"):
            yield Label(Text(f"{title} — {company}"), classes="title")
            if kind is None:
                yield Select(
                    [(words, k) for k, words in OTHER_EVENTS.items()],
                    value=EventKind.UPDATE_SENT,
                    allow_blank=False,
                    id="kind",
                )
            elif kind is EventKind.CHECK_IN_SENT:
                channel = self._interview.channel
                yield Select(
                    [(words, c) for c, words in CHANNELS.items()],
                    value=Channel.EMAIL if channel is Channel.UNKNOWN else channel,
                    allow_blank=False,
                    id="channel",
                )
            elif kind is EventKind.REPLY:
                yield Select(
                    [(words, o) for o, words in OUTCOMES.items()],
                    value=Outcome.STILL_DECIDING,
                    allow_blank=False,
                    id="outcome",
                )
                yield Field(
                    "New decision date, if they gave one",
                    self._read_day,
                    placeholder="e.g. fri, 13 Nov, 2026-11-13",
                    id="decision_by",
                )
            if kind is EventKind.SNOOZED:
                yield Field(
                    "Nothing falls due before",
                    self._read_future_day,
                    required=True,
                    placeholder="e.g. next mon, in 2 weeks, 30 Nov",
                    id="until",
                )
            else:
                yield Field(
                    "When (empty means now)",
                    self._read_past_instant,
                    placeholder="e.g. yesterday 5pm",
                    id="when",
                )
            if kind in (None, EventKind.REPLY):
                yield Field("Note (optional)", plain, id="text")
            with Horizontal(classes="buttons"):
                yield Button("Log it", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def _read_day(self, text: str) -> tuple[date, str]:
        day = parse_date(text, self.followup.calendar.day_of(self.followup.now()))
        return day, describe_date(day)

    def _read_future_day(self, text: str) -> tuple[date, str]:
        day, shown = self._read_day(text)
        if day <= self.followup.calendar.day_of(self.followup.now()):
            raise DateError(f"{shown} is not after today")
        return day, shown

    def _read_past_instant(self, text: str) -> tuple[datetime, str]:
        now, zone = self.followup.now(), self.followup.zone
        instant = parse_datetime(text, now, zone, lean="past")  # it happened: the last one
        if instant > now:
            raise DateError(f"{describe_datetime(instant, zone)} hasn't happened yet")
        return instant, describe_datetime(instant, zone)

    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        """Log it, if every field reads cleanly."""
        values: dict[str, object] = {}
        valid = True
        for field in self.query(Field):
            ok, value = field.check()
            valid = valid and ok
            values[field.id or ""] = value
        if not valid:
            self.notify("Fix the field marked in red first", severity="warning")
            return
        kind = self._kind or cast(EventKind, self.query_one("#kind", Select).value)
        when = cast(datetime | None, values.get("when")) or self.followup.now()
        event = Event(kind, when, text=cast(str | None, values.get("text")) or "")
        if kind is EventKind.CHECK_IN_SENT:
            channel = cast(Channel, self.query_one("#channel", Select).value)
            event = Event(kind, when, channel=channel)
        elif kind is EventKind.REPLY:
            outcome = cast(Outcome, self.query_one("#outcome", Select).value)
            new_date = cast(date | None, values.get("decision_by"))
            event = Event(kind, when, outcome=outcome, decision_by=new_date, text=event.text)
        elif kind is EventKind.SNOOZED:
            event = Event(kind, when, until=cast(date, values["until"]))
        self.dismiss(event)

    def on_input_submitted(self) -> None:
        """Enter in any field logs it."""
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def action_dismiss_none(self) -> None:
        """Close, logging nothing."""
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A question with two answers; escape (and the focused default) takes the safe one."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "Cancel", tooltip="The safe answer: change nothing")
    ]

    def __init__(self, question: str, detail: str, *, yes: str, no: str) -> None:
        """Ask ``question`` (``detail`` under it); the buttons say ``yes`` and ``no``."""
        super().__init__()
        self._question, self._detail, self._yes, self._no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        """The question, what it is about, and the two answers (the safe one focused)."""
        with Vertical(classes="dialog"):
            yield Label(Text(self._question), classes="title")
            if self._detail:
                yield Label(Text(self._detail), classes="detail")
            with Horizontal(classes="buttons"):
                yield Button(self._no, variant="primary", id="no")
                yield Button(self._yes, variant="warning", id="yes")

    def on_mount(self) -> None:
        """Start on the safe answer: enter alone changes nothing."""
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer without a button."""
        self.dismiss(yes)
