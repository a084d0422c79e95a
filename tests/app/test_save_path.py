"""The one way a screen changes the data: ``FollowupApp.save``."""

from __future__ import annotations

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
