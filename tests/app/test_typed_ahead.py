"""Keys typed together with the one that opens a dialog go into its first field, as they
do when typed one by one (a terminal delivers keys typed at once together)."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from followup_tui.app.screens.dialogs import ChooseInterviewer, Confirm, EventDialog
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.widgets.fields import Field

from .conftest import AppFactory
from .helpers import settle


@pytest.mark.parametrize(
    ("key", "dialog", "field"),
    [("z", EventDialog, "until"), ("t", ChooseInterviewer, "when")],
)
async def test_keys_typed_with_the_key_that_opens_a_dialog_go_into_its_field(
    make_app: AppFactory, key: str, dialog: type, field: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for typed in (key, *"mon"):
            app.post_message(events.Key(typed, typed))
        await settle(pilot)
        assert isinstance(app.screen, dialog)
        assert app.screen.query_one(f"#{field}", Field).text == "mon"


@pytest.mark.parametrize(
    ("key", "screen"), [("e", InterviewForm), ("a", InterviewForm), ("t", ChooseInterviewer)]
)
async def test_escape_typed_right_after_keys_typed_ahead_asks_first(
    make_app: AppFactory, key: str, screen: type
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for typed in (key, "Z"):
            app.post_message(events.Key(typed, typed))
        app.post_message(events.Key("escape", None))
        await settle(pilot)
        assert isinstance(app.screen, Confirm)  # the Z is something typed: not thrown away
        await pilot.press("enter")  # the safe answer: keep editing
        await settle(pilot)
        assert isinstance(app.screen, screen)
        assert "Z" in app.screen.query_one("Input:focus", Input).value
        assert not app.screen.typing_ahead  # arrived: the field itself now says it changed
