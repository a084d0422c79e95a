"""The one way a screen changes the data: ``FollowupApp.save``."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from followup_tui.app import saver
from followup_tui.core.model import Event, EventKind
from followup_tui.storage.store import StoreError
from tests.app.conftest import NOW, AppFactory
from tests.app.helpers import settle


async def test_a_save_is_on_the_board_and_announced_before_the_caller_hears(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        heard: list[str | None] = []
        app.board_changed.subscribe(app.screen, heard.append)
        store = app.store
        acme = next(i for i in store.interviews() if i.company == "Acme")
        note = Event(EventKind.NOTE, NOW, text="asked about the team")

        saved = await app.save(lambda: store.log(acme.id, note))

        assert saved.ok
        assert heard == [acme.id]  # every screen was told, once
        row = app.board.get(acme.id)
        assert row is not None and note in row.interview.events


async def test_an_undo_reloads_the_whole_board(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        store = app.store
        acme = next(i for i in store.interviews() if i.company == "Acme")
        await app.save(lambda: store.remove(acme.id))
        heard: list[str | None] = []
        app.board_changed.subscribe(app.screen, heard.append)

        saved = await app.save(store.undo, whole_board=True)

        assert saved.ok
        assert heard == [None]
        assert app.board.get(acme.id) is not None  # back on the board


async def test_a_failed_save_is_shown_and_changes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        heard: list[str | None] = []
        app.board_changed.subscribe(app.screen, heard.append)

        def fails() -> None:
            raise StoreError("the disk is full")

        saved = await app.save(fails)

        assert not saved.ok and saved.error == "the disk is full"
        assert heard == []
        assert [n.message for n in app._notifications] == ["Not saved: the disk is full"]


async def test_a_changes_save_starts_once_the_frame_after_it_is_drawn(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys typed with a change (``x``, then ``j``) are drawn before the save thread encodes
    the file, which holds the GIL ~5 ms at 10,000 interviews."""
    monkeypatch.setattr(saver, "FRAME_WAIT", 60.0)  # no frame: the save waits, not a clock
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        after_frame: list[Callable[[], object]] = []

        def later(callback: Callable[[], object]) -> bool:
            after_frame.append(callback)
            return True

        monkeypatch.setattr(app, "call_after_refresh", later)
        ran = threading.Event()
        pending = app.save(ran.set)
        await pilot.pause()

        assert not ran.is_set()
        assert len(after_frame) == 1
        after_frame[0]()  # the frame is drawn
        saved = await pending
        assert saved.ok
        assert ran.is_set()


async def test_the_frame_a_save_waits_for_comes(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's own ``call_after_refresh`` lets the write go, not the fallback's timeout."""
    monkeypatch.setattr(saver, "FRAME_WAIT", 600.0)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ran = threading.Event()

        saved = await asyncio.wait_for(app.save(ran.set), timeout=120)  # a guard, not a clock

        assert saved.ok
        assert ran.is_set()
