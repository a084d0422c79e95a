"""Keys typed while the data file is read, after a first frame drawn from the standings
cache (see :mod:`followup_tui.app.early`): held, then replayed once the board is in."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events

from followup_tui.app import workarounds

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp


class HeldKeys:
    """Keys and pastes typed while the data file is read after an early start: held, then
    replayed in the order typed, each once the app has settled after the one before (as
    keys typed at a person's pace are). Keys typed during the replay queue behind it."""

    def __init__(self, app: FollowupApp) -> None:
        """Holding for ``app`` (only while its ``early_board`` is up)."""
        self._app = app
        self._waiting: list[events.Key | events.Paste] = []
        self._replaying: events.Event | None = None
        self._handled: asyncio.Future[None] | None = None
        self._task: asyncio.Future[None] | None = None

    def hold(self, event: events.Event) -> bool:
        """Whether ``event`` is held (or, a click or scroll on the cache's rows, dropped)."""
        if event is self._replaying:
            return False
        if isinstance(event, events.Key | events.Paste):
            if self._app.early_board is not None or self._waiting or self._task is not None:
                self._waiting.append(event)
                return True
            return False
        return self._app.early_board is not None  # the mouse: nothing to act on yet

    @property
    def pending(self) -> bool:
        """Whether keys are held or being replayed."""
        return bool(self._waiting) or self._task is not None

    def done(self, event: events.Event) -> None:
        """``event`` was handled by the app (sent on to the focused widget)."""
        if event is self._replaying and self._handled is not None:
            self._handled.set_result(None)

    def replay(self) -> None:
        """Send the held keys on their way, one at a time."""
        if self._waiting and self._task is None:
            self._task = asyncio.ensure_future(self._replay())

    async def _replay(self) -> None:
        while self._waiting:
            held = self._waiting.pop(0)
            again: events.Key | events.Paste
            if isinstance(held, events.Key):
                again = events.Key(held.key, held.character)
            else:
                again = events.Paste(held.text)
            self._handled = asyncio.get_running_loop().create_future()
            self._replaying = again
            if not self._app.post_message(again):
                break  # the app is closing
            await self._handled
            await workarounds.settled()
        self._replaying = self._handled = self._task = None
