"""Writes to the store off the UI thread, one at a time and in the order asked.

The store persists each change (atomically, fsynced) before returning, which takes a
disk's time. Running it on one background thread keeps keys answering meanwhile, and a
single thread keeps two quick changes (log, then undo) in the order the user made them.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

T = TypeVar("T")

FRAME_WAIT = 0.1
"""Seconds at most a write waits for the frame it is asked to wait for, once the save
thread reaches it (see :meth:`Saver.run`): in case none comes."""


@dataclass(frozen=True, slots=True)
class Saved(Generic[T]):
    """What a write came to: its value, or the message of the store error that stopped it."""

    value: T | None
    """What the store returned (None when it failed)."""
    error: str = ""
    """The store's message for the user, or "" when the write succeeded."""

    @property
    def ok(self) -> bool:
        """True when the write reached the disk."""
        return not self.error


class Saver:
    """A single background thread that runs store writes in order."""

    def __init__(self) -> None:
        """A saver with its thread started on first use."""
        self._pool: ThreadPoolExecutor | None = None
        self._waiting: set[threading.Event] = set()

    def run(
        self,
        write: Callable[[], T],
        errors: tuple[type[Exception], ...],
        *,
        after: threading.Event | None = None,
    ) -> asyncio.Future[Saved[T]]:
        """Queue ``write`` on the save thread now; await the result for how it went.

        It is queued at once, not when the caller gets round to awaiting it, so a quit
        typed right after still finds it queued, and :meth:`close` waits for it; cancelling
        what awaits it (Textual cancels every worker as the app leaves) doesn't cancel it.
        An exception of ``errors`` becomes ``Saved.error``.

        With ``after``, it starts once that is set, or :data:`FRAME_WAIT` after the save
        thread reaches it: the app sets it once the screen has caught up with the keys
        handled before (Textual's ``call_after_refresh``). Encoding the file holds the GIL
        (~5 ms at 10,000 interviews), so a key typed with the change (``x``, then ``j``)
        would otherwise wait for it before its frame.
        """
        if after is not None:
            self._waiting.add(after)

        def when_drawn() -> T:
            if after is not None:
                after.wait(FRAME_WAIT)
                self._waiting.discard(after)
            return write()

        if self._pool is None:
            # Made (and its module imported) on the first write: not before the first frame.
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="followup-save")
        job = asyncio.get_running_loop().run_in_executor(self._pool, when_drawn)

        async def outcome() -> Saved[T]:
            try:
                value = await asyncio.shield(job)
            except errors as exc:
                return Saved(None, str(exc) or type(exc).__name__)
            return Saved(value)

        return asyncio.ensure_future(outcome())

    def close(self) -> None:
        """Wait for the writes already asked for, then stop the thread. A leaving app draws
        no more frames: writes waiting for one start at once."""
        for frame in list(self._waiting):
            frame.set()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
