"""The reply and "log…" dialogs show only the fields an outcome takes, and refuse in plain words.

The board is the standard one at its pinned "now" (Wed 4 Nov 2026, 15:00); the second pane is
Initech (thanked, overdue), after the open offer at Hooli.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Select

from followup_tui.app.screens.dialogs import EventDialog
from followup_tui.app.widgets.fields import Field
from followup_tui.core.model import EventKind, Outcome
from followup_tui.core.standing import Status

from .conftest import AppFactory, stored
from .helpers import field_message, fill, order, settle


def shown_fields(dialog: EventDialog) -> list[str]:
    """The ids of the fields the dialog shows now."""
    return [f.id or "" for f in dialog.query(Field) if f.display]


async def choose(pilot: Pilot[Any], dialog: EventDialog, outcome: Outcome) -> None:
    """Pick what they replied."""
    dialog.query_one("#outcome", Select).value = outcome
    await pilot.pause()


async def test_each_outcome_shows_only_its_own_fields(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("j", "r")  # Initech
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        assert shown_fields(dialog) == ["decision_by", "when", "text"]
        for outcome, fields in (
            (Outcome.OFFER, ["respond_by", "when", "text"]),
            (Outcome.NEXT_ROUND, ["next_start", "when", "text"]),
            (Outcome.REJECTED, ["when", "text"]),
            (Outcome.OTHER, ["when", "text"]),
            (Outcome.STILL_DECIDING, ["decision_by", "when", "text"]),
        ):
            await choose(pilot, dialog, outcome)
            assert shown_fields(dialog) == fields, outcome


async def test_an_offer_with_a_date_to_answer_by_keeps_the_note(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("j", "r")  # Initech
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        await fill(pilot, "decision_by", "fri 13 nov")  # typed first, then the outcome changed
        await choose(pilot, dialog, Outcome.OFFER)
        await fill(pilot, "respond_by", "fri 13 nov")
        assert field_message(app, "respond_by").strip() == "→ Fri 13 Nov 2026"
        await fill(pilot, "text", "verbal offer from Dana, letter to follow")
        await pilot.press("ctrl+s")
        await settle(pilot)
        reply = stored(data_file)["initech"].events[-1]
        assert (reply.kind, reply.outcome) == (EventKind.REPLY, Outcome.OFFER)
        assert (reply.respond_by, reply.decision_by) == (date(2026, 11, 13), None)
        assert reply.text == "verbal offer from Dana, letter to follow"
        # Both offers open and first; the one with a date to answer by comes before.
        assert order(app)[:2] == ["Initech", "Hooli"]
        row = app.board.get("initech")
        assert row is not None and row.standing.status is Status.OFFER
        assert "to answer" in row.standing.countdown


async def test_a_refusal_says_why_and_keeps_what_was_typed(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    before = stored(data_file)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("j", "r")
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        await choose(pilot, dialog, Outcome.OFFER)
        await fill(pilot, "respond_by", "31/02")
        await fill(pilot, "text", "verbal offer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "February has no day 31" in field_message(app, "respond_by")
        assert dialog.query_one("#text", Field).text == "verbal offer"
        assert stored(data_file) == before


async def test_the_log_dialog_offers_accepting_declining_and_withdrawing(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("l")  # Hooli, the open offer
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        kinds = dialog.query_one("#kind", Select)
        words = {str(prompt) for prompt, _ in kinds._options}
        assert {"I accepted the offer", "I declined the offer", "I withdrew"} <= words
        kinds.value = EventKind.OFFER_ACCEPTED
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(data_file)["hooli"].events[-1].kind is EventKind.OFFER_ACCEPTED
        row = app.board.get("hooli")
        assert row is not None and row.standing.reason == "offer accepted"
        assert "Hooli" not in order(app)


async def test_what_the_file_would_refuse_is_refused_in_the_dialog_still_filled_in(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    before = stored(data_file)
    notes: list[str] = []
    async with app.run_test(size=(110, 40)) as pilot:
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("j", "r")
        dialog = app.screen
        assert isinstance(dialog, EventDialog)
        await fill(pilot, "when", "1 jan 1850 10am")  # refused as it is read
        await fill(pilot, "text", "found it in an old letter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "outside 1900 to 2999" in field_message(app, "when")
        assert dialog.query_one("#text", Field).text == "found it in an old letter"
        await fill(pilot, "when", "")
        long = "x" * 200_001  # past what the data file keeps in a note: refused by its rules
        dialog.query_one("#text", Field).input.value = long
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert any(n.startswith("Not logged:") and "200,000" in n for n in notes), notes
        assert dialog.query_one("#text", Field).text == long
        assert stored(data_file) == before
