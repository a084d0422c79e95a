"""A read-only window offers to become the writer once the writer has gone, and only
takes the lock when the user says so."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.help import HelpScreen
from followup_tui.app.takeover import OFFER
from followup_tui.storage.store import Store
from tests.support.board import NOW, make
from tests.support.store import stored

from .conftest import AppFactory
from .helpers import order, plain, selected, settle, static_text
from .test_changed_elsewhere import notices, until


def offers(app: FollowupApp) -> int:
    """How many times the window has offered to take over."""
    return notices(app).count(OFFER)


def read_only_note(app: FollowupApp) -> str:
    """What the summary line says after "read-only" ("" when it doesn't say read-only); the
    words vary with the width, the key named when the window offers to take over."""
    line = static_text(app, "#summary")
    return line.split("read-only", 1)[1].strip() or "(none)" if "read-only" in line else ""


async def test_the_offer_appears_once_the_writer_quits(
    make_app: AppFactory, open_store: list[Store]
) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        app.on_app_focus()  # the writer is still there: nothing to offer
        await settle(pilot)
        assert offers(app) == 0
        assert read_only_note(app) and "W" not in read_only_note(app)

        open_store[0].close()  # the first window quits
        app.on_app_focus()  # as the timer does every two seconds
        await until(pilot, lambda: offers(app) == 1)
        await until(pilot, lambda: "W" in read_only_note(app))
        assert app.store.read_only  # offered, not taken


async def test_taking_over_reads_the_writers_last_save_and_later_saves_keep_it(
    make_app: AppFactory, open_store: list[Store], data_file: Path
) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        writer = open_store[0]
        writer.add(make("Latest", NOW - timedelta(days=1)))  # its last save, then it quits
        writer.close()
        app.on_app_focus()
        await until(pilot, lambda: offers(app) == 1)

        app.notify("Exported to /tmp/jobs.ics", timeout=30)  # any other notice still up
        await pilot.press("W")
        await until(pilot, lambda: not app.store.read_only)
        await until(pilot, lambda: "Latest" in order(app))
        assert any("can make changes now" in n for n in notices(app))
        assert offers(app) == 0, "the offer, taken, is no longer shown"
        assert "Exported to /tmp/jobs.ics" in notices(app), "other notices stay up"
        assert not read_only_note(app)

        company = selected(app)
        assert company is not None
        await pilot.press("x")  # archive: saved by this window now
        await until(pilot, lambda: any(f"{company}: archived" in n for n in notices(app)))
        on_disk = {i.company: i for i in stored(data_file).values()}
        assert "Latest" in on_disk
        assert on_disk[company].archived


async def test_an_offer_left_unanswered_is_not_repeated_and_the_key_still_works(
    make_app: AppFactory, open_store: list[Store]
) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        open_store[0].close()
        for _ in range(5):  # ten seconds of the timer's looks
            app.on_app_focus()
            await settle(pilot)
        assert offers(app) == 1
        assert app.store.read_only

        await pilot.press("x")  # a change tried meanwhile is refused, pointing at the key
        await until(pilot, lambda: any("Not saved" in n for n in notices(app)))
        (refused,) = [n for n in notices(app) if "Not saved" in n]
        assert refused.endswith("press W to take over editing.")

        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Take over editing (W)" in commands
        await pilot.press("question_mark")
        await until(pilot, lambda: "Edit here once the other window has closed" in help_text(app))
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("W")
        await until(pilot, lambda: not app.store.read_only)
        assert "Take over editing (W)" not in [c.title for c in app.get_system_commands(app.screen)]


async def test_a_third_window_taking_the_lock_first_is_said_and_this_one_stays_read_only(
    make_app: AppFactory, open_store: list[Store], data_file: Path
) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        open_store[0].close()
        app.on_app_focus()
        await until(pilot, lambda: offers(app) == 1)

        third = Store.open(data_file)  # opened before this window's user answers
        open_store.append(third)
        await pilot.press("W")
        await until(pilot, lambda: any("stays read-only" in n for n in notices(app)))
        assert offers(app) == 0, "the offer no longer stands"
        assert app.store.read_only
        app.on_app_focus()  # the next look sees the lock held again
        await until(pilot, lambda: read_only_note(app) and "W" not in read_only_note(app))

        third.close()  # its closing frees the lock again: a new offer
        app.on_app_focus()
        await until(pilot, lambda: offers(app) == 1)


def help_text(app: FollowupApp) -> str:
    """Everything the help screen shows (empty when it is not open)."""
    if not isinstance(app.screen, HelpScreen):
        return ""
    return "\n".join(plain(s.content) for s in app.screen.query(Static))


async def test_the_offer_to_take_over_is_read_in_full_at_80_columns(
    make_app: AppFactory, open_store: list[Store]
) -> None:
    app = make_app(read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_store[0].close()
        app.on_app_focus()
        await until(pilot, lambda: offers(app) == 1)
        await until(pilot, lambda: "W takes over editing" in static_text(app, "#summary"))
