"""Markup, escape codes, control characters and bidi overrides in every text field.

They arrive two ways: imported (a data file can hold anything a string can) and pasted
into the form (a terminal delivers a paste as it is, escapes included). Either way they
are kept in the data exactly as given, and every screen shows them as inert text: markup
literally, controls as visible symbols, and nothing raw in what goes to the terminal.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from followup_tui.app.screens.detail import DetailScreen
from followup_tui.app.screens.dialogs import ChooseInterviewer, EventDialog
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.help import HelpScreen
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.fields import Field
from followup_tui.app.widgets.interviewer_row import InterviewerRow
from followup_tui.core.model import Event, EventKind, Interview, Interviewer, Outcome
from tests.app.conftest import AppFactory, at, make, stored
from tests.app.helpers import settle

from .screen import CONTROLS, ESCAPES, assert_inert, hostile, rendered, shown

WIDE = (320, 70)
"""Wide enough that no hostile field is cut short on screen."""

PERSON_FIELDS = {"name": "NA", "title": "TI", "email": "EM", "phone": "PH"}
"""Each interviewer field and the tag its hostile text carries."""


def hostile_interview() -> Interview:
    """An interview (thank-yous owed today) with hostile text in every text field."""
    first = Interviewer(**{field: hostile(tag) for field, tag in PERSON_FIELDS.items()})
    return make(
        hostile("CO"),
        at(11, 4),
        role=hostile("RO"),
        round=hostile("RD"),
        interviewers=(first, Interviewer(hostile("NB"))),
        notes=hostile("NO") + "\n" + hostile("N2"),
        posting_url=hostile("UR"),
        events=(
            Event(EventKind.NOTE, at(11, 4, 12), text=hostile("EV")),
            Event(
                EventKind.REPLY, at(11, 4, 13), outcome=Outcome.STILL_DECIDING, text=hostile("RE")
            ),
        ),
    )


def said(app: object) -> list[str]:
    """The notifications shown so far."""
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_board_detail_and_help_show_it_literally(make_app: AppFactory) -> None:
    app = make_app([hostile_interview()])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert_inert(app, "CO", "RO", "RD", "NA", "NB")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert_inert(app, "CO", "RO", "RD", *PERSON_FIELDS.values(), "NB")
        assert_inert(app, "NO", "N2", "UR", "EV", "RE")
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert_inert(app)
        await pilot.press("escape", "slash")
        await paste(pilot, hostile("CO"))
        await settle(pilot)
        assert len(app.board) == 1  # the whole paste went into the filter, and matches
        assert_inert(app, "CO")  # the filter box, and the pane it matches


async def test_dialogs_and_notifications_show_it_inert(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app([hostile_interview()])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ChooseInterviewer)
        assert_inert(app, "CO", "NA", "NB")
        await pilot.press("down", "enter")  # the first interviewer
        await settle(pilot)
        assert any(shown("CO") in m for m in said(app))  # the notification names them...
        assert_inert(app)  # ...inert
        await pilot.press("u")
        await settle(pilot)
        assert_inert(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, EventDialog)
        assert_inert(app, "CO")
        await pilot.press("escape")
        await settle(pilot)
    (kept,) = stored(data_file).values()
    assert kept == hostile_interview()  # logged and undone: exactly as imported


def saveable(interview: Interview) -> Interview:
    """The hostile interview with an email and a link the form accepts (no spaces, an @)."""
    first, second = interview.interviewers
    return replace(
        interview,
        interviewers=(replace(first, email=hostile("EM") + "@example.com"), second),
        posting_url="https://jobs.example/" + ESCAPES + CONTROLS,
    )


async def test_the_edit_form_shows_it_inert_and_saves_it_unchanged(
    make_app: AppFactory, data_file: Path
) -> None:
    original = saveable(hostile_interview())
    app = make_app([original])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, InterviewForm)
        await app.screen.complete()
        assert app.screen.query_one("#company", Field).text == hostile("CO")
        assert_inert(app, "CO", "RO", "RD", *PERSON_FIELDS.values(), "NB", "NO")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert_inert(app)
    (kept,) = stored(data_file).values()
    assert kept == original


async def paste(pilot: object, text: str) -> None:
    """Paste ``text`` into the focused widget, as a terminal delivers a paste."""
    pilot.app.post_message(events.Paste(text))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_pasted_into_the_form_it_is_kept_as_pasted_and_shown_inert(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app([])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, InterviewForm)
        for field, tag in (("company", "CO"), ("role", "RO"), ("round", "RD")):
            form.query_one(f"#{field}", Field).input.focus()
            await paste(pilot, hostile(tag))
        form.query_one("#when", Field).input.focus()
        await paste(pilot, "fri 6 nov 2pm")
        row = form.query_one(InterviewerRow)
        for field, tag in PERSON_FIELDS.items():
            row.query_one(f"Input.-{field}", Input).focus()
            await paste(pilot, hostile(tag) + ("@example.com" if field == "email" else ""))
        await form.complete()
        form.query_one("#notes", TextArea).focus()
        await paste(pilot, hostile("NO") + "\n" + hostile("N2"))
        await settle(pilot)
        assert_inert(app, "CO", "RO", "RD", *PERSON_FIELDS.values(), "NO", "N2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert_inert(app, "CO")
    (added,) = stored(data_file).values()
    assert (added.company, added.role, added.round) == tuple(map(hostile, ("CO", "RO", "RD")))
    (person,) = added.interviewers
    assert person.name == hostile("NA") and person.email == hostile("EM") + "@example.com"
    assert added.notes == hostile("NO") + "\n" + hostile("N2")


async def test_a_bad_email_error_shows_what_was_typed_inert(make_app: AppFactory) -> None:
    app = make_app([replace(hostile_interview(), interviewers=(Interviewer(hostile("NA")),))])
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        row = app.screen.query_one(InterviewerRow)
        row.query_one("Input.-email", Input).focus()
        await paste(pilot, hostile("EM"))  # no @: refused, and the error quotes it
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewForm)
        frame = rendered(app)
        assert "is not an email address" in frame.text
        assert frame.raw == []
