"""The board's first frame from the standings cache, drawn before the data file is read.

Reading and decoding the data file and ranking every interview is most of what the app's
start costs at thousands of interviews. When ``followup status`` (or an earlier run) left a
standings cache that still holds, its rows already say, in board order, what the first
screen shows: the counts, how many rows the list has, and each visible row's names,
badge, countdown and next step. The app draws that first, then reads the file and swaps
the real board in; until then keys wait (see :class:`~followup_tui.app.app.FollowupApp`).

Only a cache that gives exactly the frame the full board would gives one: any doubt (no
cache, a stale or damaged one, an accepted offer, whose steps reorder the board) and the
app starts as it always did.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.core.board import Row, summary_of
from followup_tui.core.model import Interview, Interviewer

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp
    from followup_tui.settings import Settings
    from followup_tui.standings_frame import Frame
    from followup_tui.storage.store import Store

CacheKey = Callable[[list[object], "Settings"], "dict[str, Any] | None"]
"""The standings cache's key for a file's identity and the settings (``None``: uncacheable)."""


class EarlyBoard:
    """The open rows of a standings cache, shown as the app's board shows them (no filter,
    closed ones hidden); read-only, and only until the real board is in."""

    def __init__(self, frame: Frame) -> None:
        """The board the cache's ``frame`` holds."""
        self._frame = frame
        self._rows: dict[int, Row] = {}
        self._length = frame.open_rows
        self.summary = summary_of(frame.open_statuses)
        """The counts line of the open interviews."""
        self.total = frame.total
        """How many interviews the board holds, shown or not."""
        self.hidden = frame.total - frame.open_rows
        """How many closed, offered or archived interviews the view leaves out."""
        self.query = ""
        """No filter: the filter box starts empty."""
        self.show_closed = False
        """Closed ones start hidden."""

    def __len__(self) -> int:
        """How many rows the view holds (the scrollbar's length)."""
        return self._length

    def row_at(self, index: int) -> Row:
        """The row at ``index`` of the view (made when first drawn; the cache holds the
        first rows, more than a screenful, and nothing scrolls before the board is in)."""
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = self._make(min(index, len(self._frame) - 1))
        return row

    def index_of(self, interview_id: str) -> int | None:
        """Where an interview is among the rows drawn so far (the first frame asks only
        for the first one)."""
        return next((i for i, row in self._rows.items() if row.interview.id == interview_id), None)

    def _make(self, index: int) -> Row:
        cached = self._frame.row(index)
        pane = self._frame.pane(index)
        names = cached.interview
        interview = Interview(
            id=names.id,
            company=names.company,
            role=names.role,
            start=pane.start,
            round=pane.round,
            interviewers=tuple(Interviewer(name) for name in pane.interviewers),
            archived=names.archived,
            follows=pane.follows,
        )
        return Row(interview, cached.standing)


@dataclass
class EarlyStart:
    """What the app needs to start from the standings cache."""

    board: EarlyBoard
    """The first frame's board."""
    open_store: Callable[[], tuple[Store, str]]
    """Opens the data file, after the first frame: the store, and a notice for the user
    ("" for none). Raises ``StoreError`` when the file can't be used."""
    gate: asyncio.Event | None = field(default=None)
    """When set, the file is read only once this is set (a test's hold on the loading)."""


def early_start(
    path: Path, settings: Settings, now: datetime, cache_key: CacheKey
) -> EarlyStart | None:
    """The app's start from the standings cache of the data file at ``path``, or None
    when the cache doesn't hold at ``now`` (start as always)."""
    from followup_tui import standings_cache, standings_frame

    identity = standings_cache.file_identity(path)
    key = None if identity is None else cache_key(identity, settings)
    if key is None:
        return None
    frame = standings_frame.load_frame(path, key, now)
    if frame is None or frame.offer_accepted:
        return None
    board = EarlyBoard(frame)
    try:
        if len(board):
            board.row_at(0)  # a damaged first row means no early frame, not a crash
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    return EarlyStart(board, lambda: open_for_app(path))


def open_for_app(path: Path) -> tuple[Store, str]:
    """The data file opened for writing, else (another window has it) for reading, with
    the notice that says so."""
    from followup_tui.storage.store import Store, StoreLocked

    try:
        return Store.open(path), ""
    except StoreLocked as exc:
        return Store.open(path, read_only=True), f"{exc} Opened read-only."


def read_file_after(app: FollowupApp, early: EarlyStart) -> asyncio.Future[None] | None:
    """Once the first frame is on screen: read the file as soon as the app's queue gets to
    it (keys typed so far are held), or once ``early.gate`` is set; the wait, if any."""
    if early.gate is None:
        app.call_later(read_file, app, early)
        return None

    async def when_set(gate: asyncio.Event) -> None:
        await gate.wait()
        app.call_later(read_file, app, early)

    return asyncio.ensure_future(when_set(early.gate))


def read_file(app: FollowupApp, early: EarlyStart) -> None:
    """Open the data file, draw the full board in place of the cache's, then let what
    waited run; a file that can't be used ends the app (the command line says why)."""
    from followup_tui.app.app import hold_collections, release_collections
    from followup_tui.app.screens.main import MainScreen
    from followup_tui.storage.store import StoreError

    hold_collections()  # as before the first frame of a start without the cache
    try:
        store, notice = early.open_store()
    except StoreError as exc:
        release_collections()
        app.open_error = exc
        app.exit(return_code=1)
        return
    app.took_in_file(store)
    board = app.screen_stack[0] if app.screen_stack else None
    if isinstance(board, MainScreen):
        board.board_loaded()
    release_collections()
    if notice:
        app.notify(notice, severity="warning", timeout=8, markup=False)
    app.after_file()
