"""The virtual list of interview panes: one widget, however many interviews.

Mounting a widget per interview costs ~10 ms each, so at 10,000 interviews that design
never paints. This list is a single :class:`~textual.scroll_view.ScrollView` using the Line
API: its virtual height is ``len(board) * PANE_HEIGHT`` lines, and ``render_line(y)`` draws
only the line asked for, from the row at ``(scroll_y + y) // PANE_HEIGHT``. Textual asks only
for the lines on screen, so the cost of a frame is the height of the terminal, not the size
of the file. Drawn panes are kept in a small cache keyed by the row object, so a frame that
repaints an unchanged pane reuses its strips.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import ClassVar, Protocol

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from followup_tui.app.widgets.badge import component_css
from followup_tui.app.widgets.pane import PANE_LINES, PaneStyles, pane_lines
from followup_tui.core.board import Row
from followup_tui.core.standing import Status

PANE_HEIGHT = PANE_LINES + 1
"""Screen lines per pane: its text and one blank line below it."""


class Panes(Protocol):
    """What the list draws: a board's view (a ``LiveBoard``, or the standings cache's
    ``EarlyBoard`` until the data file is read)."""

    def __len__(self) -> int:
        """How many rows the view holds."""

    def row_at(self, index: int) -> Row:
        """The row at ``index`` of the view."""

    def index_of(self, interview_id: str) -> int | None:
        """Where an interview is in the view, or None when it is not shown."""


class InterviewList(ScrollView, can_focus=True):
    """Every interview of a board's view as a pane; one is selected."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Select the next interview"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Select the previous interview"),
        Binding("home,g", "first", "First", show=False, tooltip="Select the first interview"),
        Binding("end,G", "last", "Last", show=False, tooltip="Select the last interview"),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "open", "Detail", tooltip="Everything recorded, and the timeline"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "interview-list--bar",
        "interview-list--cursor",
        "interview-list--company",
        "interview-list--muted",
        "interview-list--owed",
        "interview-list--countdown",
        *(f"badge--{status.value}" for status in Status),
    }

    DEFAULT_CSS = """
    InterviewList {
        background: $surface;
        scrollbar-gutter: stable;
        & > .interview-list--bar { color: $accent; }
        & > .interview-list--cursor { background: $boost; }
        &:focus > .interview-list--cursor { background: $accent 20%; }
        & > .interview-list--company { text-style: bold; }
        & > .interview-list--muted { color: $text-muted; }
        & > .interview-list--owed { text-style: bold; }
        & > .interview-list--countdown { text-style: bold; }
    }
    """ + component_css("InterviewList")

    class Highlighted(Message):
        """The selection moved to another interview (or to none)."""

        def __init__(self, interview_id: str | None) -> None:
            """``interview_id`` is None when the list is empty."""
            super().__init__()
            self.interview_id = interview_id
            """The interview now selected."""

    class Opened(Message):
        """The user asked for an interview's detail (enter or a double click)."""

        def __init__(self, interview_id: str) -> None:
            """The interview to open."""
            super().__init__()
            self.interview_id = interview_id
            """The interview to open."""

    def __init__(self, board: Panes, tz: tzinfo, *, id: str | None = None) -> None:
        """A list showing ``board``'s view; dates are shown in zone ``tz``."""
        super().__init__(id=id)
        self.board = board
        """What the list shows (the screen owns it and tells the list when it changed)."""
        self._tz = tz
        self._cursor = 0
        self._selected_id: str | None = None
        self._styles: PaneStyles | None = None
        self._base: Style | None = None
        self._cache: LRUCache[tuple[str, int, bool], tuple[Row, list[Strip]]] = LRUCache(256)

    @property
    def cursor(self) -> int:
        """Index of the selected pane in the board's view (0 when empty)."""
        return self._cursor

    @property
    def selected(self) -> Row | None:
        """The selected row, or None when the list is empty."""
        count = len(self.board)
        return self.board.row_at(min(self._cursor, count - 1)) if count else None

    def select(self, index: int) -> None:
        """Move the selection to ``index`` (clamped) and bring it into view."""
        count = len(self.board)
        index = max(0, min(index, count - 1)) if count else 0
        old, self._cursor = self._cursor, index
        if old != index:
            self._refresh_pane(old)
            self._refresh_pane(index)
        self._scroll_to_cursor()
        row = self.selected
        self._selected_id = row.interview.id if row else None
        self.post_message(self.Highlighted(self._selected_id))

    def select_id(self, interview_id: str | None) -> bool:
        """Select an interview by id; False (selection unchanged) when it is not shown."""
        index = self.board.index_of(interview_id) if interview_id else None
        if index is None:
            return False
        self.select(index)
        return True

    def reload(self, keep: str | None = None) -> None:
        """The board's view changed: resize, and keep ``keep`` (default: the interview that
        was selected) selected if it is still shown; otherwise stay at the same place."""
        keep = keep or self._selected_id
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(self.board) * PANE_HEIGHT)
        self._cache.clear()
        self.refresh()
        if not (keep and self.select_id(keep)):
            self.select(self._cursor)

    def visible_indices(self) -> range:
        """The indices of the panes on screen (at least partly)."""
        top = int(self.scroll_offset.y) // PANE_HEIGHT
        bottom = (int(self.scroll_offset.y) + self.size.height) // PANE_HEIGHT
        return range(top, min(bottom + 1, len(self.board)))

    def repaint(self, indices: list[int]) -> None:
        """Redraw the panes at ``indices`` (their rows changed)."""
        for index in indices:
            self._refresh_pane(index)

    def action_cursor_down(self) -> None:
        """Select the next interview."""
        self.select(self._cursor + 1)

    def action_cursor_up(self) -> None:
        """Select the previous interview."""
        self.select(self._cursor - 1)

    def action_first(self) -> None:
        """Select the first interview."""
        self.select(0)

    def action_last(self) -> None:
        """Select the last interview."""
        self.select(len(self.board) - 1)

    def action_page_down(self) -> None:
        """Move the selection down by a screenful."""
        self.select(self._cursor + max(self.size.height // PANE_HEIGHT, 1))

    def action_page_up(self) -> None:
        """Move the selection up by a screenful."""
        self.select(self._cursor - max(self.size.height // PANE_HEIGHT, 1))

    def action_open(self) -> None:
        """Open the selected interview's detail."""
        if (row := self.selected) is not None:
            self.post_message(self.Opened(row.interview.id))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_offset.y)) // PANE_HEIGHT
        if 0 <= index < len(self.board):
            self.select(index)
            if event.chain >= 2:
                self.action_open()

    def notify_style_update(self) -> None:
        """The theme or CSS changed: draw everything again."""
        super().notify_style_update()
        self._styles = None
        self._base = None
        self._cache.clear()

    def _on_resize(self, event: events.Resize) -> None:
        # Drawn panes stay cached: their key holds the width, and only the width shapes them.
        self.virtual_size = Size(event.size.width, len(self.board) * PANE_HEIGHT)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if not self.is_mounted or not len(self.board):
            return
        region = Region(0, self._cursor * PANE_HEIGHT, self.size.width, PANE_LINES)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def _refresh_pane(self, index: int) -> None:
        self.refresh_lines(index * PANE_HEIGHT, PANE_HEIGHT)

    def _pane_styles(self) -> PaneStyles:
        if self._styles is None:
            get = self.get_component_rich_style
            self._styles = PaneStyles(
                base=Style(),
                bar=get("interview-list--bar", partial=True),
                company=get("interview-list--company", partial=True),
                muted=get("interview-list--muted", partial=True),
                owed=get("interview-list--owed", partial=True),
                countdown=get("interview-list--countdown", partial=True),
                badges={s: get(f"badge--{s.value}") for s in Status},
            )
        return self._styles

    def _base_style(self) -> Style:
        # The widget's own colours over its ancestors' (worked out by walking up the DOM).
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def _cursor_style(self) -> Style:
        # Rich styles have no alpha: blend a translucent cursor colour onto the background here.
        cursor = self.get_component_styles("interview-list--cursor")
        background = self.background_colors[1] + cursor.background
        return Style(bgcolor=background.rich_color)

    def _pane(self, index: int, width: int) -> list[Strip]:
        row = self.board.row_at(index)
        selected = index == self._cursor
        key = (row.interview.id, width, selected)
        cached = self._cache.get(key)
        if cached is not None and cached[0] is row:
            return cached[1]
        styles = self._pane_styles()
        base = self._base_style()
        if selected:
            base = base + self._cursor_style()
        console = self.app.console
        strips = [
            Strip(list(text.render(console))).adjust_cell_length(width, base).apply_style(base)
            for text in pane_lines(row, width, selected=selected, styles=styles, tz=self._tz)
        ]
        self._cache[key] = (row, strips)
        return strips

    def render_line(self, y: int) -> Strip:
        """One screen line: a line of a pane, or the blank line between panes."""
        width = self.scrollable_content_region.width
        index, line = divmod(int(self.scroll_offset.y) + y, PANE_HEIGHT)
        if index >= len(self.board) or line >= PANE_LINES:
            return Strip.blank(width, self._base_style())
        return self._pane(index, width)[line]
