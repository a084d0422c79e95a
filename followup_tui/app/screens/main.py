"""The board: every interview as a pane, most urgent first, with a summary line on top."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.widgets import Input, Static

from followup_tui.app.early import EarlyBoard
from followup_tui.app.live import Change, LiveBoard
from followup_tui.app.screens.actions import InterviewScreen
from followup_tui.app.text import clean_line
from followup_tui.app.widgets.interview_list import InterviewList
from followup_tui.app.widgets.key_bar import KeyBar
from followup_tui.core.model import Interview
from followup_tui.core.standing import Status

TICK_SECONDS = 1.0
"""How often countdowns on screen are brought up to date."""

BADGES_PER_FRAME = 150
"""How many standings a tick recomputes before the screen may draw again. At a day
boundary hundreds of badges may change at once; recomputed in one go at 10,000 interviews
they held the screen for two frames, so the rest follow in the next frames."""

READ_ONLY = "read-only: another window is editing"
"""The notice shown while another window holds the data file (never shortened)."""

TAKE_OVER = "read-only: W takes over editing"
"""The notice once the other window has gone and this one has offered to take over."""

WELCOME = """\
No interviews yet.

Press  a  to add one: the company, the role, when it is, and who you met.
From then on followup tells you when a thank-you is owed and when to check in,
and counts down to each.

To look around first, quit with  q  and run  followup demo  : it opens the app
on a dozen made-up interviews, one for every badge.\
"""


class MainScreen(InterviewScreen):
    """The list of interview panes, the summary, the filter and the footer."""

    # Default CSS, not a CSS_PATH: a screen's CSS file makes Textual parse every stylesheet
    # again from scratch and restyle every widget when the screen is first shown (~8 ms).
    DEFAULT_CSS = """
    MainScreen {
        & > #summary { height: auto; padding: 0 1; background: $panel; }
        & > #list { height: 1fr; }
        & > #empty { height: 1fr; padding: 2 4; color: $text; }
        & > #filter { height: auto; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", tooltip="Show only interviews holding some text"),
        Binding(
            "s",
            "show_closed",
            "Closed",
            show=False,
            tooltip="Show or hide closed and archived ones",
        ),
        Binding("question_mark", "help", "Help", tooltip="Every key, and what it does"),
        Binding(
            "comma",
            "settings",
            "Settings",
            show=False,
            tooltip="Your name, signature and highlight",
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        """The board screen (it reads the app's board)."""
        super().__init__()
        self._last_tick: datetime | None = None
        self._catching_up = False
        """Whether the badges due by the last tick are still being recomputed."""
        self._had_selection = False
        self._known: dict[str, Interview] = {}

    def compose(self) -> ComposeResult:
        """Summary, list or empty-state text, key bar (the filter box comes when asked for).

        Each widget starts showing what the board holds, so the first frame is complete.
        """
        message = self._empty_message()
        yield Static(self._summary(), id="summary")
        panes = InterviewList(self._shown(), self.followup.zone, id="list")
        panes.display = not message
        yield panes
        empty = Static(Text(message), id="empty")
        empty.display = bool(message)
        yield empty
        yield KeyBar(show_command_palette=False)

    @property
    def panes(self) -> InterviewList:
        """The pane list."""
        return self.query_one(InterviewList)

    def _shown(self) -> LiveBoard | EarlyBoard:
        """The board drawn: the standings cache's until the data file is read."""
        return self.followup.early_board or self.followup.board

    def on_mount(self) -> None:
        """Draw the board, follow its changes, and start the countdown tick."""
        self.followup.board_changed.subscribe(self, self._board_changed)
        if self.followup.early_board is None:
            self._known = self._stored()
        self.panes.reload()
        self.panes.focus()
        self._last_tick = self.followup.now()
        self.set_interval(TICK_SECONDS, self.tick)

    def board_loaded(self) -> None:
        """The data file is read: draw the full board in place of the cache's rows."""
        self._known = self._stored()
        self.panes.board = self.followup.board
        self.panes.reload()
        self._show_state()

    def current_id(self) -> str | None:
        """The selected interview."""
        row = self.panes.selected
        return row.interview.id if row else None

    def _board_changed(self, interview_id: str | None) -> None:
        if interview_id is None:  # the whole board (an undo): select what it brought back
            interview_id = self._restored()
        elif (row := self.followup.board.get(interview_id)) is not None:
            self._known[interview_id] = row.interview
        self.panes.reload(keep=interview_id)
        self._show_state()

    def _stored(self) -> dict[str, Interview]:
        return {interview.id: interview for interview in self.followup.store.interviews()}

    def _restored(self) -> str | None:
        """The interview a whole-board change touched, shown ones first (None if none)."""
        before, self._known = self._known, self._stored()
        touched = [key for key, now in self._known.items() if before.get(key) != now]
        shown = [key for key in touched if self.followup.board.index_of(key) is not None]
        return next(iter(shown or touched), None)

    def after_added(self, interview: Interview) -> None:
        """Select an interview just added or edited."""
        self.panes.select_id(interview.id)

    def tick(self) -> None:
        """Bring the visible countdowns up to date, and any badge whose time has come."""
        now = self.followup.now()
        if now == self._last_tick or self._catching_up or self.followup.early_board is not None:
            # A pinned clock: nothing can have moved; the last tick's still going; or no
            # board yet to move.
            return
        self._last_tick = now
        self._advance(now)

    def _advance(self, now: datetime) -> None:
        """Recompute a frame's worth of the badges due to change by ``now``, and the rest
        after the frames that follow; the board changes once all are in."""
        board = self.followup.board
        changes = board.advance(now, at_most=BADGES_PER_FRAME)
        if board.behind(now):
            # Not scheduled only when the screen is going: then no tick matters.
            self._catching_up = self.call_after_refresh(self._advance, now)
            return
        self._catching_up = False
        repaint, more = board.refresh(list(self.panes.visible_indices()), now)
        changes += more
        if changes:
            self._announce(changes)
            self.panes.reload()
            self._show_state()
        elif repaint:
            self.panes.repaint(repaint)

    def _announce(self, changes: list[Change]) -> None:
        urgent = any(c.after.standing.status is Status.OVERDUE for c in changes)
        severity: SeverityLevel = "warning" if urgent else "information"
        if len(changes) <= 3:
            for change in changes:
                self.notify(clean_line(change.message), severity=severity, markup=False)
            return
        shown = "; ".join(clean_line(c.message) for c in changes[:3])
        self.notify(f"{len(changes)} badges changed: {shown}; …", severity=severity, markup=False)

    def _show_state(self) -> None:
        self.query_one("#summary", Static).update(self._summary())
        message = self._empty_message()
        empty = self.query_one("#empty", Static)
        empty.update(Text(message))
        empty.display = bool(message)
        self.panes.display = not message
        self.refresh_bindings()

    def _summary(self) -> Text:
        """The summary line in the longest wording that fits the screen's width.

        Narrower terminals lose the app's name first, then the words of the notes, then the
        note on hidden interviews: the counts always stay. The read-only notice is never
        cut: where it doesn't fit beside the counts, it takes a second line.
        """
        room = self.app.size.width - 2  # the line's padding
        for wording in range(4):
            summary = self._summary_in(wording)
            if summary.cell_len <= room:
                return summary
        if not self.followup.read_only:
            return summary
        for wording in range(4):
            summary = self._summary_in(wording, read_only_notice=False)
            if summary.cell_len <= room:
                break
        return Text("\n").join([summary, Text(self._read_only_notice(), style="bold")])

    def _read_only_notice(self) -> str:
        """What the summary says while this window is read-only (never shortened)."""
        return TAKE_OVER if self.followup.takeover.offered else READ_ONLY

    def _summary_in(self, wording: int, *, read_only_notice: bool = True) -> Text:
        """The summary line: ``wording`` 0 is the full one, 3 the shortest; the read-only
        notice at its end, unless told not to."""
        board = self._shown()
        summary = Text()
        if wording < 2:
            summary.append("followup", style="bold")
            summary.append("  ")
        summary.append(board.summary if board.total else "no interviews yet")
        if board.hidden and wording < 3:
            note = "finished, hidden (s shows)" if wording == 0 else "hidden (s)"
            summary.append(f" · {board.hidden} {note}", style="dim")
        elif board.show_closed and wording < 3:
            note = "finished shown (s hides)" if wording == 0 else "finished shown (s)"
            summary.append(f" · {note}", style="dim")
        if read_only_notice and self.followup.read_only:
            summary.append(f" · {self._read_only_notice()}", style="bold")
        if board.query:
            summary.append(f" · filter “{clean_line(board.query)}”: {len(board)} shown")
        return summary

    def on_resize(self) -> None:
        """Reword the summary for the new width."""
        self.query_one("#summary", Static).update(self._summary())

    def _empty_message(self) -> str:
        """What to say instead of the list ("" when the list has panes to show)."""
        board = self._shown()
        if not board.total:
            return WELCOME
        if not len(board) and board.query:
            return f"No interview matches “{clean_line(board.query)}”. Escape clears the filter."
        if not len(board):
            return "Nothing open right now. Press s to see the closed ones, or a to add one."
        return ""

    @on(InterviewList.Highlighted)
    def _highlighted(self, event: InterviewList.Highlighted) -> None:
        # Redrawing the footer costs a layout: only when keys turn on or off.
        has_one = event.interview_id is not None
        if has_one != self._had_selection:
            self._had_selection = has_one
            self.refresh_bindings()

    @on(InterviewList.Opened)
    def _opened(self, event: InterviewList.Opened) -> None:
        from followup_tui.app.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(event.interview_id))

    def action_open(self) -> None:
        """Open the selected interview's detail."""
        self.panes.action_open()

    async def action_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self._filter_box()
        if box is None:
            if not self.is_attached:
                return  # the app is closing: no screen to put it on
            # Made on first use: most sessions never filter, and the first frame is
            # quicker without it (and without importing the safe text boxes).
            from followup_tui.app.safety import SafeInput

            box = SafeInput(placeholder="filter: company, role, person, notes…", id="filter")
            await self.mount(box, after="#empty")
        box.display = True
        box.focus()

    def _filter_box(self) -> Input | None:
        boxes = self.query("#filter").results(Input)
        return next(boxes, None)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.followup.board.set_query(event.value)
        self.panes.reload()
        self._show_state()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.input.display = bool(event.value)
        self.panes.focus()

    def action_clear_filter(self) -> None:
        """Drop the filter and hide its box."""
        if (box := self._filter_box()) is not None:
            box.value = ""
            box.display = False
        self.followup.board.set_query("")
        self.panes.reload()
        self._show_state()
        self.panes.focus()

    def action_show_closed(self) -> None:
        """Show or hide the closed, offered and archived interviews."""
        board = self.followup.board
        board.set_show_closed(not board.show_closed)
        self.panes.reload()
        self._show_state()

    def action_settings(self) -> None:
        """Ask for the user's name, signature and highlight."""
        from followup_tui.app.screens.settings_screen import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_help(self) -> None:
        """Show every key and what it does."""
        from followup_tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
