"""The board's first frame from the standings cache, before the data file is read.

Each test warms the cache as ``followup status`` would, starts the app from it with the
file's reading held back, and compares what it drew with what the full board draws.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from followup_tui import standings_cache
from followup_tui.app.app import FollowupApp
from followup_tui.app.early import early_start
from followup_tui.cli_status import cache_key
from followup_tui.clock import FixedClock
from followup_tui.core.board import Row, rank, standing_of
from followup_tui.core.model import Event, EventKind, Interview
from followup_tui.storage.store import Store
from tests.app.helpers import board_text, selected, settle, static_text
from tests.support.board import NOW, SETTINGS, standard_board


def write_board(path: Path, interviews: Sequence[Interview]) -> None:
    """A data file at ``path`` holding ``interviews``."""
    with Store.open(path) as store:
        store.import_interviews(interviews)


def warm(path: Path, now: datetime) -> None:
    """Write the standings cache of ``path`` as ``followup status`` does at ``now``."""
    calendar = SETTINGS.calendar()
    with Store.open(path, read_only=True) as store:
        rows = rank(store.interviews(), SETTINGS.policy, now, calendar)

    def countdown_at(row: Row, at: datetime) -> str:
        return standing_of(row.interview, SETTINGS.policy, at, calendar).countdown

    identity = standings_cache.file_identity(path)
    assert identity is not None
    key = cache_key(identity, SETTINGS)
    assert key is not None
    assert standings_cache.save(path, key, rows, now, calendar, countdown_at)


def start(path: Path, now: datetime) -> tuple[FollowupApp, asyncio.Event]:
    """The app started from the cache, the file read only once the event is set."""
    early = early_start(path, SETTINGS, now, cache_key)
    assert early is not None, "the warmed cache holds"
    gate = asyncio.Event()
    early.gate = gate
    app = FollowupApp(None, SETTINGS, FixedClock(now), early=early)
    app.asked_who = True
    return app, gate


def as_today(path: Path, now: datetime) -> FollowupApp:
    """The app started as without the cache: the file read before the first frame."""
    app = FollowupApp(Store.open(path), SETTINGS, FixedClock(now))
    app.asked_who = True
    return app


def screen_text(app: FollowupApp) -> str:
    """The summary and the list, as drawn."""
    return static_text(app, "#summary") + "\n" + board_text(app)


@pytest.mark.parametrize("hours", [0, 3, 50])
async def test_the_first_frame_is_the_full_boards(data_file: Path, hours: int) -> None:
    now = NOW + timedelta(hours=hours)
    write_board(data_file, standard_board())
    warm(data_file, now)
    app, gate = start(data_file, now)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.early_board is not None
        first, first_svg = screen_text(app), app.export_screenshot()
        gate.set()
        await settle(pilot)
        assert app.early_board is None
        assert screen_text(app) == first
        assert app.export_screenshot() == first_svg
        assert "Acme" in first


async def keys_then(app: FollowupApp, gate: asyncio.Event | None, keys: Sequence[str]) -> str:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        if gate is not None:
            assert app.early_board is not None  # nothing acted yet: all held
            gate.set()
            while app.early_board is not None or app.held_keys.pending:
                await pilot.pause()
        await settle(pilot)
        focused = app.focused.id if app.focused is not None else None
        return f"{selected(app)} {focused}\n{screen_text(app)}"


@pytest.mark.parametrize(
    "keys",
    [("j", "j"), ("j", "j", "x"), ("slash", "g", "l", "o", "enter"), ("j", "slash", "a")],
)
async def test_keys_typed_before_the_file_is_read_act_after_it(
    tmp_path: Path, keys: Sequence[str]
) -> None:
    early_file, today_file = tmp_path / "early.json", tmp_path / "today.json"
    for path in (early_file, today_file):
        write_board(path, standard_board())
    warm(early_file, NOW)
    app, gate = start(early_file, NOW)
    early = await keys_then(app, gate, keys)
    today = await keys_then(as_today(today_file, NOW), None, keys)
    assert early == today
    with Store.open(early_file, read_only=True) as a, Store.open(today_file, read_only=True) as b:
        assert [i.archived for i in a.interviews()] == [i.archived for i in b.interviews()]


async def test_nothing_is_written_before_the_file_is_read(data_file: Path) -> None:
    write_board(data_file, standard_board())
    warm(data_file, NOW)
    before = data_file.read_bytes(), data_file.stat().st_mtime_ns
    app, gate = start(data_file, NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("x", "a", "q")
        assert app.early_board is not None
        app.exit()
    assert (data_file.read_bytes(), data_file.stat().st_mtime_ns) == before
    assert not gate.is_set()


async def test_a_file_changed_since_the_cache_starts_as_today(data_file: Path) -> None:
    write_board(data_file, standard_board())
    warm(data_file, NOW)
    with Store.open(data_file) as store:
        first = store.interviews()[0]
        store.update(first.__class__(**{**_fields(first), "company": "Renamed"}))
    assert early_start(data_file, SETTINGS, NOW, cache_key) is None


def test_a_damaged_cache_starts_as_today(data_file: Path) -> None:
    write_board(data_file, standard_board())
    warm(data_file, NOW)
    cache = standings_cache.cache_path_for(data_file)
    text = cache.read_bytes()
    assert b'"waiting"' in text
    cache.write_bytes(text.replace(b'"waiting"', b'"waitinG"'))  # same length: offsets hold
    assert early_start(data_file, SETTINGS, NOW, cache_key) is None


def test_an_instant_past_the_caches_starts_as_today(data_file: Path) -> None:
    write_board(data_file, standard_board())
    warm(data_file, NOW)
    assert early_start(data_file, SETTINGS, NOW + timedelta(days=30), cache_key) is None


def _fields(interview: Interview) -> dict[str, object]:
    return {name: getattr(interview, name) for name in interview.__slots__}


async def test_a_file_another_window_holds_opens_read_only_and_says_so(data_file: Path) -> None:
    write_board(data_file, standard_board())
    warm(data_file, NOW)
    with Store.open(data_file):  # the other window, the writer
        app, gate = start(data_file, NOW)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert not app.read_only  # nothing known yet
            gate.set()
            while app.early_board is not None:
                await pilot.pause()
            assert app.store.read_only
            assert "read-only" in static_text(app, "#summary")
            assert any("Opened read-only" in n.message for n in app._notifications)


def test_an_accepted_offer_starts_as_today(data_file: Path) -> None:
    # Its steps move the other rows to "move on", which the app's board orders by the
    # ladder's own standing: the cache's order could differ.
    board = standard_board()
    hooli = next(i for i in board if i.company == "Hooli")
    board[board.index(hooli)] = hooli.with_event(Event(EventKind.OFFER_ACCEPTED, NOW))
    write_board(data_file, board)
    warm(data_file, NOW)
    assert early_start(data_file, SETTINGS, NOW, cache_key) is None
