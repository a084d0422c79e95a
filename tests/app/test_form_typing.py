"""Typing through the form with Tab, as a person does."""

from __future__ import annotations

from followup_tui.app.widgets.fields import Field
from tests.app.conftest import AppFactory
from tests.app.helpers import field_message


async def test_tabbing_into_a_default_and_typing_replaces_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        duration = app.screen.query_one("#duration", Field)
        assert duration.text == "1h"
        duration.input.focus()
        await pilot.pause()
        await pilot.press("4", "5", "m")
        await pilot.pause()
        assert duration.text == "45m"
        assert "45m" in field_message(app, "duration")
