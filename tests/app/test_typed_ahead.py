"""Keys typed together with the one that opens a dialog go into its first field, as they
do when typed one by one (a terminal delivers keys typed at once together)."""

from __future__ import annotations

import pytest
from textual import events

from followup_tui.app.screens.dialogs import ChooseInterviewer, EventDialog
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
