"""Next rounds as a user meets them: logging one adds the next interview, pre-filled and linked.

The board is the standard one at its pinned "now" (Wed 4 Nov 2026, 15:00); the second pane is
Initech (Analyst, Dana Ruiz, thanked, overdue), after the open offer at Hooli.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from followup_tui.app.screens.detail import DetailScreen
from followup_tui.app.screens.dialogs import EventDialog
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.fields import Field
from followup_tui.app.widgets.interviewer_row import InterviewerRow
from followup_tui.core.model import Channel, Interview, Outcome
from tests.support.store import FullDisk

from .conftest import AppFactory, at, stored
from .helpers import board_text, fill, settle, static_text


def later_round(data_file: Path) -> Interview:
    """The one interview that follows Initech."""
    (found,) = [i for i in stored(data_file).values() if i.follows == "initech"]
    return found


async def reply_next_round(pilot: Pilot[Any], when: str = "") -> None:
    """On Initech, log the reply "next round", with the next round's date if given."""
    await pilot.press("j", "r")
    dialog = pilot.app.screen
    assert isinstance(dialog, EventDialog)
    dialog.query_one("#outcome", Select).value = Outcome.NEXT_ROUND
    await pilot.pause()
    if when:
        await fill(pilot, "next_start", when)
    await pilot.press("ctrl+s")
    await settle(pilot)


def assert_prefilled(form: InterviewForm) -> None:
    """The form holds Initech's company, role and people, and no round or date yet."""
    value = {f.id: f.text for f in form.query(Field)}
    assert (value["company"], value["role"]) == ("Initech", "Analyst")
    assert (value["round"], value["when"]) == ("", "")
    (person,) = form.query(InterviewerRow)
    assert person.query_one("Input.-name", Input).value == "Dana Ruiz"
    assert person.query_one("Input.-email", Input).value == "dana@example.com"


async def test_a_next_round_with_its_date_is_added_at_once(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await reply_next_round(pilot, "thu 12 nov 2pm")
        assert isinstance(app.screen, MainScreen)
        new = later_round(data_file)
        assert (new.company, new.role, new.round) == ("Initech", "Analyst", "")
        assert new.start == at(11, 12, 14)
        assert [(p.name, p.email) for p in new.interviewers] == [("Dana Ruiz", "dana@example.com")]
        assert new.channel is Channel.EMAIL and new.events == ()
        old = app.board.get("initech")
        assert old is not None and old.standing.reason == "advanced"
        assert "next round" in board_text(app)  # the new pane says which round it is


async def test_without_a_date_the_prefilled_form_opens(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await reply_next_round(pilot)
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert_prefilled(form)
        assert form.query_one("#round", Field).input.has_focus  # the first thing to type
        await fill(pilot, "round", "onsite")
        await fill(pilot, "when", "mon 16 nov 10am")
        await pilot.press("ctrl+s")
        await settle(pilot)
        new = later_round(data_file)
        assert (new.round, new.start) == ("onsite", at(11, 16, 10))


async def test_escape_leaves_it_for_later_and_a_brings_the_same_form_back(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await reply_next_round(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not [i for i in stored(data_file).values() if i.follows]
        await pilot.press("s")  # shown with the closed ones
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.panes.select_id("initech")
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert_prefilled(form)


async def test_the_detail_lists_every_round_of_the_application(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await reply_next_round(pilot, "thu 12 nov 2pm")
        new = later_round(data_file)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.panes.select_id(new.id)
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        rounds = static_text(app, "#rounds")
        assert "Mon 19 Oct 2026, 10:00" in rounds and "Thu 12 Nov 2026, 14:00" in rounds
        assert rounds.index("19 Oct") < rounds.index("12 Nov")
        assert "advanced" in rounds and "this one" in rounds


async def test_the_round_added_at_once_is_selected(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await reply_next_round(pilot, "thu 12 nov 2pm")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        row = screen.panes.selected
        assert row is not None and row.interview.id == later_round(data_file).id


async def test_a_next_round_said_twice_is_added_once(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await reply_next_round(pilot, "thu 12 nov 2pm")
        await pilot.press("s")  # closed ones shown: Initech, advanced, among them
        await settle(pilot)
        index = app.board.index_of("initech")
        assert index is not None
        await pilot.press("g", *["j"] * index, "r")
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        dialog.query_one("#outcome", Select).value = Outcome.NEXT_ROUND
        await pilot.pause()
        await fill(pilot, "next_start", "fri 13 nov 10am")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert later_round(data_file).start == at(11, 12, 14)  # still one, the first


@pytest.mark.parametrize("room", [0, 1])
async def test_a_reply_and_its_next_round_are_saved_together_or_not_at_all(
    make_app: AppFactory, data_file: Path, monkeypatch: pytest.MonkeyPatch, room: int
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        FullDisk(monkeypatch, room)
        await reply_next_round(pilot, "thu 12 nov 2pm")
        initech = stored(data_file)["initech"]
        replied = any(e.outcome is Outcome.NEXT_ROUND for e in initech.events)
        rounds = [i for i in stored(data_file).values() if i.follows == "initech"]
        assert replied == bool(rounds)  # never the reply without its round
        said = [n.message for n in app._notifications]
        if not replied:
            assert any(m.startswith("Not saved") for m in said)
            assert app.board.later_rounds("initech") == []


async def test_one_undo_takes_back_the_reply_and_the_round_it_added(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        await reply_next_round(pilot, "thu 12 nov 2pm")
        await pilot.press("u")
        await settle(pilot)
        assert not [i for i in stored(data_file).values() if i.follows == "initech"]
        assert not [e for e in stored(data_file)["initech"].events if e.outcome]
        assert [n.message for n in app._notifications] == [
            "Initech: reply logged, next round added · u undoes it",
            "Undone: the reply from Initech and its next round",
        ]
