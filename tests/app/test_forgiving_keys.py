"""Nothing typed is lost by one key: escape on a changed form or log dialog asks, ctrl+c
copies or asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Label, Select, TextArea

from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.dialogs import ChooseInterviewer, Confirm, EventDialog
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.fields import Field
from followup_tui.core.model import Outcome

from .conftest import AppFactory, stored
from .helpers import fill, plain, settle


async def open_form(pilot: Pilot[Any]) -> InterviewForm:
    """``a`` on the board: the empty form."""
    await pilot.press("a")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, InterviewForm)
    return form


async def test_escape_on_an_untouched_form_closes_it_at_once(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_escape_on_a_changed_form_asks_and_the_safe_answer_keeps_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Wayne")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # the focused, safe answer
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#company", Field).input.value == "Wayne"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_ctrl_c_on_a_changed_form_asks_rather_than_quitting(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Wayne")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form


async def test_ctrl_c_copies_the_text_selected_in_a_field(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Wayne Enterprises")
        box = form.query_one("#company", Field).input
        box.selection = box.selection.__class__(0, 5)
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert app.clipboard == "Wayne"
        assert app.screen is form


async def test_ctrl_c_in_the_composer_copies_subject_and_body_and_stays(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "c")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        subject = composer.query_one("#composer-subject", Input).value
        body = composer.query_one("#composer-body", TextArea).text
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert app.is_running and app.screen is composer
        assert app.clipboard == f"Subject: {subject}\n\n{body}"
        area = composer.query_one("#composer-body", TextArea)
        area.select_line(0)
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert app.clipboard == body.splitlines()[0]


async def test_copy_takes_subject_and_body_together(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "c")
        await pilot.pause()
        composer = app.screen
        subject = composer.query_one("#composer-subject", Input).value
        body = composer.query_one("#composer-body", TextArea).text
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.clipboard == f"Subject: {subject}\n\n{body}"


async def test_ctrl_c_on_the_board_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_tabbing_round_the_form_never_stops_on_its_scrolling_frame(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        assert form.focused is form.query_one("#company", Field).input
        await pilot.press("shift+tab")
        assert form.focused is not None and form.focused.id != "form"


async def open_reply_dialog(pilot: Pilot[Any]) -> EventDialog:
    """``j r`` on the board: the dialog logging Initech's reply."""
    await pilot.press("j", "r")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, EventDialog)
    return dialog


async def test_escape_in_an_untouched_log_dialog_closes_it_at_once(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reply_dialog(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert len(stored(data_file)["initech"].events) == 1


async def test_escape_in_a_log_dialog_with_a_note_typed_asks_and_keeps_it(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_reply_dialog(pilot)
        await fill(pilot, "text", "Dana says the team is still interviewing")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        said = [plain(label.content).strip() for label in app.screen.query(Label)]
        assert said == ["Discard what you typed?", "Nothing typed here is logged until ctrl+s."]
        await pilot.press("enter")  # the focused, safe answer: keep it
        await pilot.pause()
        assert app.screen is dialog
        assert field_text(dialog, "text") == "Dana says the team is still interviewing"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert len(stored(data_file)["initech"].events) == 1  # nothing logged


async def test_escape_after_changing_the_outcome_asks_too(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_reply_dialog(pilot)
        dialog.query_one("#outcome", Select).value = Outcome.OFFER
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)


async def test_escape_in_the_thank_you_dialog_asks_once_a_time_is_typed(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChooseInterviewer)
        await pilot.press(*"yesterday")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # escape in the question is its safe answer too
        await pilot.pause()
        assert app.screen is dialog
        assert field_text(dialog, "when") == "yesterday"


def field_text(screen: Screen[Any], field_id: str) -> str:
    """What is typed in a field of ``screen``."""
    return screen.query_one(f"#{field_id}", Field).text
