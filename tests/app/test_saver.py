"""The save thread: writes in the order asked, off the app's thread."""

from __future__ import annotations

import asyncio
import threading

import pytest

from followup_tui.app import saver
from followup_tui.app.saver import Saver


async def test_writes_run_in_the_order_asked_and_errors_become_messages() -> None:
    writes = Saver()
    done: list[int] = []

    def failing() -> None:
        raise OSError("disk full")

    try:
        first = writes.run(lambda: done.append(1), (OSError,))
        second = writes.run(failing, (OSError,))
        third = writes.run(lambda: done.append(3), (OSError,))
        outcomes = [await first, await second, await third]
    finally:
        writes.close()
    assert done == [1, 3]
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == "disk full"


async def test_leaving_lets_a_save_waiting_for_its_frame_run_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An app that is leaving draws no more frames: its last saves must not wait for one."""
    monkeypatch.setattr(saver, "FRAME_WAIT", 30.0)
    writes = Saver()
    frame = threading.Event()
    done: list[int] = []
    pending = writes.run(lambda: done.append(1), (OSError,), after=frame)

    writes.close()

    assert frame.is_set()
    assert done == [1]
    assert (await pending).ok


async def test_a_write_still_runs_when_what_awaits_it_is_cancelled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Leaving, Textual cancels the workers awaiting saves: the saves must run even so."""
    monkeypatch.setattr(saver, "FRAME_WAIT", 30.0)
    writes = Saver()
    done: list[int] = []
    writes.run(lambda: done.append(1), (OSError,), after=threading.Event())  # holds the thread
    second = writes.run(lambda: done.append(2), (OSError,))
    await asyncio.sleep(0)  # its outcome now awaits the write
    second.cancel()
    await asyncio.sleep(0)

    writes.close()

    assert done == [1, 2]


async def test_a_frame_that_never_comes_holds_a_write_back_only_a_moment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(saver, "FRAME_WAIT", 0.01)
    writes = Saver()
    try:
        saved = await writes.run(lambda: 7, (OSError,), after=threading.Event())
    finally:
        writes.close()
    assert saved.value == 7
