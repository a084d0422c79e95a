"""Thank-yous logged to several people of a panel at once: one save, one undo, all or none.

The board is the standard one at its pinned "now" (Wed 4 Nov 2026, 15:00), with a third
person on Acme's panel (Kim Cho), so that ticking two of three logs one thank-you each.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.dialogs import ChooseInterviewer
from followup_tui.core.model import EventKind, Interviewer
from tests.support.store import FullDisk

from .conftest import AppFactory, standard_board, stored
from .helpers import order, settle, static_text


def app_with_a_panel_of_three(make_app: AppFactory) -> FollowupApp:
    """The standard board; Acme's panel is Dana Ruiz, Sam Lee and Kim Cho."""
    board = standard_board()
    acme = next(i for i in board if i.company == "Acme")
    panel = (*acme.interviewers, Interviewer("Kim Cho", "Designer"))
    board[board.index(acme)] = replace(acme, interviewers=panel)
    return make_app(board)


def thanked(data_file: Path) -> list[str]:
    """Whom Acme's stored thank-yous went to."""
    acme = stored(data_file)["acme"]
    return [e.to for e in acme.events if e.kind is EventKind.THANK_YOU_SENT]


@pytest.mark.parametrize("room", [0, 1])
async def test_thank_yous_to_two_people_are_saved_together_or_not_at_all(
    make_app: AppFactory, data_file: Path, monkeypatch: pytest.MonkeyPatch, room: int
) -> None:
    app = app_with_a_panel_of_three(make_app)
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause()
        FullDisk(monkeypatch, room)
        await pilot.press(*["j"] * order(app).index("Acme"), "t")
        dialog = app.screen
        assert isinstance(dialog, ChooseInterviewer)
        dialog.query_one(SelectionList).deselect("Kim Cho")
        await pilot.press("enter")
        await settle(pilot)
        # One write for the two: with room for it, both are saved; with none, neither is.
        # Never one of the two without the other.
        assert thanked(data_file) == (["Dana Ruiz", "Sam Lee"] if room else [])
        if not room:
            said = [n.message for n in app._notifications]
            assert any(m.startswith("Not saved") for m in said)
            acme = app.board.get("acme")
            assert acme is not None and acme.interview.events == ()


async def test_one_undo_takes_back_the_thank_yous_logged_together(
    make_app: AppFactory, data_file: Path
) -> None:
    app = app_with_a_panel_of_three(make_app)
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*["j"] * order(app).index("Acme"), "t")
        app.screen.query_one(SelectionList).deselect("Kim Cho")
        await pilot.press("enter")
        await settle(pilot)
        assert thanked(data_file) == ["Dana Ruiz", "Sam Lee"]
        await pilot.press("u")
        await settle(pilot)
        assert thanked(data_file) == []
        assert [n.message for n in app._notifications] == [
            "Acme: thank-yous to Dana Ruiz and Sam Lee logged · u undoes it",
            "Undone: the thank-yous to Dana Ruiz and Sam Lee logged for Acme",
        ]


async def test_the_hint_says_how_to_reach_the_names_and_following_it_ticks_one(
    make_app: AppFactory, data_file: Path
) -> None:
    app = app_with_a_panel_of_three(make_app)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*["j"] * order(app).index("Acme"), "t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChooseInterviewer)
        assert dialog.focused is dialog.query_one("#when Input")  # enter alone logs it now
        hint = static_text(app, ".hint")
        assert hint.startswith("shift+tab to the names, space ticks one")
        names = dialog.query_one(SelectionList)
        await pilot.press("shift+tab")
        assert dialog.focused is names
        names.highlighted = 2  # Kim Cho
        await pilot.press("space")
        assert names.selected == ["Dana Ruiz", "Sam Lee"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert thanked(data_file) == ["Dana Ruiz", "Sam Lee"]


async def test_with_no_names_the_hint_offers_none_to_tick(make_app: AppFactory) -> None:
    board = standard_board()
    acme = next(i for i in board if i.company == "Acme")
    board[board.index(acme)] = replace(acme, interviewers=())
    app = make_app(board)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*["j"] * order(app).index("Acme"), "t")
        await settle(pilot)
        assert isinstance(app.screen, ChooseInterviewer)
        assert "tick" not in static_text(app, ".hint")
