"""One interview in full: everything recorded, its standing, and its history as a timeline."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from followup_tui.app.rounds import rounds_of
from followup_tui.app.screens.actions import InterviewScreen
from followup_tui.app.text import clean_block, clean_line
from followup_tui.app.widgets.badge import Badge
from followup_tui.app.widgets.key_bar import KeyBar
from followup_tui.app.widgets.pane import action_text, round_name
from followup_tui.core.board import Row, due_instant
from followup_tui.core.compose import dates_in_force, resetting_reply
from followup_tui.core.dates import describe_date, describe_datetime
from followup_tui.core.durations import describe_duration
from followup_tui.core.model import Event, EventKind, Interview
from followup_tui.core.plan import plan
from followup_tui.core.standing import Step

EVENT_WORDS: dict[EventKind, str] = {
    EventKind.THANK_YOU_SENT: "thank-you sent",
    EventKind.CHECK_IN_SENT: "check-in sent",
    EventKind.REPLY: "reply",
    EventKind.UPDATE_SENT: "update sent",
    EventKind.CLOSING_NOTE_SENT: "closing note sent",
    EventKind.THANKS_SENT: "thanks sent",
    EventKind.KEEP_WARM_CHOSEN: "chose to keep warm",
    EventKind.KEEP_WARM_SENT: "keep-warm note sent",
    EventKind.SNOOZED: "snoozed",
    EventKind.REFERENCE_CONTACTED: "reference contacted",
    EventKind.WITHDREW: "withdrew",
    EventKind.NOTE: "note",
    EventKind.OFFER_ACCEPTED: "offer accepted",
    EventKind.OFFER_DECLINED: "offer declined",
}
"""Each kind of event, as the timeline says it."""


def event_words(event: Event) -> str:
    """One timeline entry in plain words: "thank-you sent to Dana Ruiz"."""
    words = EVENT_WORDS[event.kind]
    if event.kind is EventKind.THANK_YOU_SENT:
        words += f" to {event.to}" if event.to else " to everyone"
    elif event.kind is EventKind.CHECK_IN_SENT and event.channel is not None:
        words += f" by {event.channel.value}"
    elif event.kind is EventKind.REPLY and event.outcome is not None:
        words += ": " + event.outcome.value.replace("_", " ")
        if event.decision_by is not None:
            words += f", new date {describe_date(event.decision_by)}"
        if event.respond_by is not None:
            words += f", answer by {describe_date(event.respond_by)}"
    elif event.kind is EventKind.SNOOZED and event.until is not None:
        words += f" until {describe_date(event.until)}"
    return words


class DetailScreen(InterviewScreen):
    """Everything about one interview; the same keys act on it as on the board."""

    CSS_PATH = "detail.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", tooltip="Back to the board"),
    ]

    def __init__(self, interview_id: str) -> None:
        """The detail of the interview ``interview_id``."""
        super().__init__()
        self.interview_id = interview_id
        """The interview shown."""

    def compose(self) -> ComposeResult:
        """Heading with the badge, then the record and the timeline."""
        with Horizontal(id="heading"):
            yield Static(id="title")
            yield Badge(id="badge")
        with VerticalScroll(id="body"):
            yield Static(id="standing")
            yield Static(id="rounds")
            yield Static(id="record")
            yield Static(id="timeline")
        yield KeyBar()

    def on_mount(self) -> None:
        """Draw, and redraw whenever the board changes."""
        self.followup.board_changed.subscribe(self, lambda _id: self.show())
        self.show()
        self.query_one("#body").focus()

    def current_id(self) -> str | None:
        """The interview shown, while it exists."""
        return self.interview_id if self.followup.board.get(self.interview_id) else None

    def action_back(self) -> None:
        """Back to the board."""
        self.dismiss()

    def show(self) -> None:
        """Draw the interview as the board has it now."""
        row = self.followup.board.get(self.interview_id)
        if row is None:
            self.query_one("#title", Static).update(Text("This interview is gone (undone?)."))
            return
        interview, standing = row.interview, row.standing
        title = Text(clean_line(interview.company), style="bold")
        for part in (interview.role, round_name(interview)):
            if part.strip():
                title.append(" · " + clean_line(part))
        self.query_one("#title", Static).update(title)
        self.query_one(Badge).show(standing.status)
        self.query_one("#standing", Static).update(self._standing(row))
        rounds = self.query_one("#rounds", Static)
        rounds.update(self._rounds(interview))
        rounds.display = bool(interview.follows or self.followup.board.later_rounds(interview.id))
        self.query_one("#record", Static).update(self._record(interview))
        self.query_one("#timeline", Static).update(self._timeline(row))
        self.refresh_bindings()

    def _standing(self, row: Row) -> Text:
        now, calendar = self.followup.now(), self.followup.calendar
        words, _owed = action_text(row.standing)
        text = Text(clean_line(words), style="bold")
        if row.standing.countdown:
            text.append(f"   {row.standing.countdown}")
        if row.standing.then is not None:
            action, due = row.standing.then
            zone = self.followup.zone
            when = describe_datetime(due, zone) if isinstance(due, datetime) else describe_date(due)
            text.append(f"\n{clean_line(action.label)} falls due on {when}", "dim")
        if row.standing.overdue_after is not None:
            day = describe_date(row.standing.overdue_after)
            text.append(f"\nthe check-in turns overdue after {day}", "dim")
        road = plan(row.interview, self.followup.policy_of(row.interview), now, calendar)
        if road:
            steps = " · ".join(f"{clean_line(s.label)} {describe_date(s.day)}" for s in road)
            text.append(f"\nif nobody answers: {steps}", "dim")
        if row.interview.archived:
            text.append("\narchived (x brings it back)", "dim")
        return text

    def _rounds(self, interview: Interview) -> Table:
        """Every round of the application, earliest first, with where each stands."""
        board, zone = self.followup.board, self.followup.zone

        def get(key: str) -> Interview | None:
            row = board.get(key)
            return row.interview if row else None

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        for number, each in enumerate(rounds_of(interview, get, board.later_rounds), 1):
            row = board.get(each.id)
            where = (row.standing.reason or row.standing.status.label) if row else ""
            line = Text(f"{clean_line(round_name(each)) or f'round {number}'}", style="bold")
            line.append(f" · {describe_datetime(each.start, zone)}")
            if where:
                line.append(f" · {where}")
            if each.id == interview.id:
                line.append("  (this one)", style="italic")
            grid.add_row("Rounds" if number == 1 else "", line)
        return grid

    def _record(self, interview: Interview) -> Table:
        zone = self.followup.zone
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        when = describe_datetime(interview.start, zone)
        how = f"{describe_duration(interview.duration_minutes)}, {interview.format.value}"
        grid.add_row("When", Text(f"{when} ({how})"))
        for index, person in enumerate(interview.interviewers or ()):
            details = [clean_line(p) for p in (person.title, person.email, person.phone) if p]
            line = Text(clean_line(person.name), style="bold")
            if details:
                line.append(" · " + " · ".join(details))
            if person.topic.strip():
                line.append(f"\n  talked about {clean_line(person.topic)}", style="not bold italic")
            grid.add_row("Interviewers" if index == 0 else "", line)
        if not interview.interviewers:
            grid.add_row("Interviewers", Text("none recorded", style="dim"))
        grid.add_row("Decision by", Text(self._decision(interview)))
        grid.add_row("Check-in agreed", Text(_day(interview.check_in_on)))
        grid.add_row("Check in by", Text(interview.channel.value))
        policy = interview.policy or f"{self.followup.settings.policy} (the default)"
        grid.add_row("Policy", Text(clean_line(policy)))
        grid.add_row("Posting", Text(clean_line(interview.posting_url) or "—"))
        grid.add_row("Private notes", Text(clean_block(interview.notes) or "—"))
        return grid

    def _decision(self, interview: Interview) -> str:
        """The decision date in force, and where it came from if a reply changed it."""
        reply = resetting_reply(interview)
        if reply is None:
            return _day(interview.decision_by)
        decision, _ = dates_in_force(interview)
        said = describe_date(self.followup.calendar.day_of(reply.at))
        first = interview.decision_by
        before = f"; first {describe_date(first)}" if first and first != decision else ""
        return f"{_day(decision)} (their reply of {said}{before})"

    def _timeline(self, row: Row) -> Table:
        zone = self.followup.zone
        now = self.followup.now()
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        grid.add_row(Text("Timeline", style="bold"), "")
        # (when, order among equal times, when as shown, what): "now" after events logged now.
        entries: list[tuple[datetime, int, str, Text]] = [
            (
                row.interview.start,
                0,
                describe_datetime(row.interview.start, zone),
                Text("the interview"),
            ),
            (
                now,
                1,
                describe_datetime(now, zone),
                Text(f"now: {row.standing.status.label}", style="bold"),
            ),
        ]
        for event in row.interview.sorted_events():
            words = Text(clean_line(event_words(event)))
            if event.text:
                words.append("\n" + clean_block(event.text), style="italic")
            entries.append((event.at, 0, describe_datetime(event.at, zone), words))
        due = due_instant(row, self.followup.calendar)
        # The news of another company's offer is optional and has no day of its own.
        ahead = [
            a.label for a in row.standing.actions if not a.due_now and a.step is not Step.UPDATE
        ]
        if due is not None and due > now and ahead:
            shown = row.standing.due
            if isinstance(shown, datetime):
                when = describe_datetime(shown, zone)
            else:
                when = describe_date(self.followup.calendar.day_of(due))
            entries.append((due, 2, when, Text(f"due: {ahead[0]}", style="italic")))
        for _at, _order, when, words in sorted(entries, key=lambda entry: entry[:2]):
            grid.add_row(Text(when), words)
        return grid


def _day(day: date | None) -> str:
    return describe_date(day) if day is not None else "—"
