"""Small dialogs that log one event: who was thanked, how a check-in went, what they replied.

Each returns what the user chose (or None on escape); the screen that opened it does the
writing. Nothing is logged until every field reads cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, SelectionList
from textual.widgets.selection_list import Selection

from followup_tui.app.screens.unsaved import dismiss_or_ask, typed
from followup_tui.app.text import clean_line
from followup_tui.app.widgets.fields import Field, plain
from followup_tui.app.workarounds import TypesAhead
from followup_tui.core.codec import CodecError, checked
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
    EventKind.THANKS_SENT: "I thanked them for an offer, or after a no",
    EventKind.KEEP_WARM_SENT: "I sent a keep-warm note",
    EventKind.REFERENCE_CONTACTED: "One of my references was contacted",
    EventKind.OFFER_ACCEPTED: "I accepted the offer",
    EventKind.OFFER_DECLINED: "I declined the offer",
    EventKind.WITHDREW: "I withdrew",
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

OUTCOME_FIELDS: dict[Outcome, str] = {
    Outcome.STILL_DECIDING: "decision_by",
    Outcome.OFFER: "respond_by",
    Outcome.NEXT_ROUND: "next_start",
}
"""The one field of its own an outcome takes (the others take none)."""

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


@dataclass(frozen=True, slots=True)
class Thanked:
    """What the thank-you dialog logs: to whom, and when."""

    to: tuple[str, ...]
    """The interviewers thanked; ``(EVERYONE,)`` for the whole panel (or a nameless one)."""
    at: datetime
    """When it went out."""


def read_past_instant(
    app: FollowupApp, text: str, *, not_before: datetime | None = None
) -> tuple[datetime, str]:
    """An instant something happened, as typed: a bare weekday or time is the last one; the
    future is refused, and so is anything before ``not_before``."""
    now, zone = app.now(), app.zone
    instant = parse_datetime(text, now, zone, lean="past")
    shown = describe_datetime(instant, zone)
    if instant > now:
        raise DateError(f"{shown} hasn't happened yet")
    if not_before is not None and instant < not_before:
        raise DateError(f"{shown} is before the interview ({describe_datetime(not_before, zone)})")
    return instant, shown


class ChooseInterviewer(TypesAhead, ModalScreen[Thanked | None]):
    """Log a thank-you: to whom (those still owed one ticked) and when (empty means now)."""

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = ""  # focused in on_mount, without scrolling the title away
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", tooltip="Log nothing"),
        Binding("ctrl+s", "submit", "Log it", tooltip="Log it (enter in the field works too)"),
    ]

    def __init__(self, interview: Interview, owed: list[str]) -> None:
        """Offer the panel of ``interview``; those in ``owed`` are ticked as still owed."""
        super().__init__()
        self._interview = interview
        self._owed = set(owed)
        self._names = [p.name for p in interview.interviewers if p.name.strip()]
        self._as_opened: tuple[object, ...] = ()

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        """A title, whether one is owed, the names to tick, and when."""
        with Vertical(classes="dialog"):
            yield Label(
                Text(f"Thank-you sent — {clean_line(self._interview.company)}"),
                classes="title",
            )
            if self.followup.now() < self._interview.end:
                owed = "The interview is still ahead: log a thank-you only if one went out"
            elif not self._owed:
                owed = "Everyone has been thanked (log another only if one went out)"
            elif self._names:
                owed = "Still owed one: " + ", ".join(
                    clean_line(n) for n in self._names if n in self._owed
                )
            else:
                owed = "A thank-you is owed to the panel"
            yield Label(Text(owed), id="owed", classes="detail")
            if self._names:
                yield SelectionList[str](
                    *(
                        Selection(Text(clean_line(name)), name, name in self._owed)
                        for name in self._names
                    )
                )
            yield Field(
                "When (empty means now)",
                self._read_past_instant,
                placeholder="e.g. yesterday 6pm",
                id="when",
            )
            # Focus starts in the time (enter alone logs it, now, to those ticked); the names
            # are the field above it.
            hint = "enter logs it · escape cancels"
            if self._names:
                hint = "shift+tab to the names, space ticks one\nenter logs it · escape cancels"
            yield Label(Text(hint), classes="hint")

    def on_mount(self) -> None:
        """Start in the "when" field: enter alone logs it, now, to those ticked."""
        self._as_opened = typed(self)
        # Textual centres a widget focused; in a short terminal that scrolled the title away.
        self.focus_first(self.query_one("#when", Field).input, scroll_visible=False)

    def _read_past_instant(self, text: str) -> tuple[datetime, str]:
        # A thank-you follows the interview: one sent before it began is a typo.
        return read_past_instant(self.followup, text, not_before=self._interview.start)

    def action_submit(self) -> None:
        """Log it, once someone is ticked and the time reads cleanly."""
        ok, when = self.query_one("#when", Field).check()
        if not ok:
            return
        at = cast(datetime | None, when) or self.followup.now()
        if not self._names:  # nobody named: it went to the panel
            self.dismiss(Thanked((EVERYONE,), at))
            return
        ticked = self.query_one(SelectionList).selected
        if not ticked:
            self.notify("Tick whom the thank-you went to first (space)", severity="warning")
            return
        to = (EVERYONE,) if len(ticked) == len(self._names) > 1 else tuple(ticked)
        self.dismiss(Thanked(to, at))

    def on_input_submitted(self) -> None:
        """Enter in the field logs it."""
        self.action_submit()

    def action_dismiss_none(self) -> None:
        """Close, logging nothing (asking first if anything was typed or ticked)."""
        dismiss_or_ask(self, self._as_opened)


class EventDialog(TypesAhead, ModalScreen[Event | None]):
    """Log one event on an interview: a check-in, a reply, a snooze, or another kind."""

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = ""  # focused in on_mount, without scrolling the title away
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", tooltip="Log nothing"),
        Binding("ctrl+s", "submit", "Log it", tooltip="Log it (enter works too)"),
    ]

    def __init__(self, interview: Interview, kind: EventKind | None) -> None:
        """A dialog for ``kind`` on ``interview``; ``kind`` None lets the user pick one."""
        super().__init__()
        self._interview = interview
        self._kind = kind
        self.next_start: datetime | None = None
        """For a next round: when it is, if the user gave it (read once the reply is logged)."""
        self._as_opened: tuple[object, ...] = ()

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
                # Every outcome's field is made once and shown only for its outcome, so
                # what was typed survives a change of mind.
                yield Field(
                    "New decision date, if they gave one",
                    self._read_day,
                    placeholder="e.g. fri, 13 Nov, 2026-11-13",
                    id="decision_by",
                )
                yield Field(
                    "Answer by, if they asked for one",
                    self._read_day,
                    placeholder="e.g. fri, 13 Nov, 2026-11-13",
                    id="respond_by",
                )
                yield Field(
                    "Next round's date and time (empty: add it later)",
                    self._read_instant,
                    placeholder="e.g. thu 12 nov 2pm",
                    id="next_start",
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

    def on_mount(self) -> None:
        """Start in the first field, the title in view; show the fields of the outcome
        picked first."""
        self._as_opened = typed(self)
        self._show_outcome_fields()
        self.focus_first(self.query("Select, Input").first(), scroll_visible=False)

    @on(Select.Changed, "#outcome")
    def _show_outcome_fields(self) -> None:
        if self._kind is not EventKind.REPLY:
            return
        wanted = OUTCOME_FIELDS.get(cast(Outcome, self.query_one("#outcome", Select).value))
        for name in OUTCOME_FIELDS.values():
            self.query_one(f"#{name}", Field).display = name == wanted

    def _read_instant(self, text: str) -> tuple[datetime, str]:
        zone = self.followup.zone
        instant = parse_datetime(text, self.followup.now(), zone)
        return instant, describe_datetime(instant, zone)

    def _read_day(self, text: str) -> tuple[date, str]:
        day = parse_date(text, self.followup.calendar.day_of(self.followup.now()))
        return day, describe_date(day)

    def _read_future_day(self, text: str) -> tuple[date, str]:
        # Must be after today: "mon" typed on a Monday is the next one.
        day = parse_date(text, self.followup.calendar.day_of(self.followup.now()), lean="future")
        shown = describe_date(day)
        if day <= self.followup.calendar.day_of(self.followup.now()):
            raise DateError(f"{shown} is not after today")
        return day, shown

    def _read_past_instant(self, text: str) -> tuple[datetime, str]:
        return read_past_instant(self.followup, text)

    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        """Log it, if every field reads cleanly."""
        values: dict[str, object] = {}
        valid = True
        for field in self.query(Field):
            if not field.display:
                continue  # another outcome's field: what it holds is kept, not logged
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
            event = Event(
                kind,
                when,
                outcome=outcome,
                decision_by=cast(date | None, values.get("decision_by")),
                respond_by=cast(date | None, values.get("respond_by")),
                text=event.text,
            )
            self.next_start = cast(datetime | None, values.get("next_start"))
        elif kind is EventKind.SNOOZED:
            event = Event(kind, when, until=cast(date, values["until"]))
        try:
            checked(self._interview.with_event(event))
        except CodecError as exc:  # refused here, with the dialog still filled in
            self.notify(f"Not logged: {exc.problem}", severity="warning", markup=False)
            return
        self.dismiss(event)

    def on_input_submitted(self) -> None:
        """Enter in any field logs it."""
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def action_dismiss_none(self) -> None:
        """Close, logging nothing (asking first if anything was typed or chosen)."""
        dismiss_or_ask(self, self._as_opened)


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
