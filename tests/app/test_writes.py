"""Every change the user can make from the keyboard, checked in the data file on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Label, Select, SelectionList

from followup_tui.app.screens.dialogs import ChooseInterviewer, EventDialog
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.fields import Field
from followup_tui.app.widgets.interviewer_row import InterviewerRow
from followup_tui.core.model import Channel, EventKind, Format, Outcome
from followup_tui.core.standing import Status

from .conftest import NOW, AppFactory, at, make, stored
from .helpers import field_message, fill, order, selected, settle, static_text


def by_company(data_file: Path, company: str):  # type: ignore[no-untyped-def]
    """The stored interview of ``company``."""
    return next(i for i in stored(data_file).values() if i.company == company)


async def test_add_an_interview_through_the_form(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, InterviewForm)
        await pilot.press(*"Wayne", "tab", *"Analyst")  # typed, as a user would
        await fill(pilot, "when", "fri 6 nov 2pm")
        assert field_message(app, "when").strip() == "→ Fri 6 Nov 2026, 14:00"
        await fill(pilot, "duration", "45m")
        await fill(pilot, "decision_by", "13 Nov")
        app.screen.query_one("#format", Select).value = Format.ONSITE
        row = app.screen.query_one(InterviewerRow)
        row.query_one("Input.-name", Input).value = "Bruce Wayne"
        row.query_one("Input.-email", Input).value = "bruce@wayne.example"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        wayne = by_company(data_file, "Wayne")
        assert wayne.role == "Analyst"
        assert wayne.start.isoformat() == "2026-11-06T14:00:00-05:00"
        assert wayne.duration_minutes == 45
        assert wayne.format is Format.ONSITE
        assert wayne.decision_by == date(2026, 11, 13)
        assert [p.name for p in wayne.interviewers] == ["Bruce Wayne"]
        assert selected(app) == "Wayne"


async def test_bad_input_is_refused_and_nothing_is_saved(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    before = stored(data_file)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await fill(pilot, "company", "Wayne")
        await fill(pilot, "when", "1A2B")
        await fill(pilot, "decision_by", "31/02")
        await fill(pilot, "check_in_on", "03/04")
        await fill(pilot, "duration", "an hour")
        row = app.screen.query_one(InterviewerRow)
        row.query_one("Input.-title", Input).value = "CTO"  # a title with no name
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewForm)  # still open, still filled in
        assert "required" in field_message(app, "role")
        assert "can't read '1a2b'" in field_message(app, "when")
        assert "February has no day 31" in field_message(app, "decision_by")
        assert "could be 3 Apr or 4 Mar" in field_message(app, "check_in_on")
        assert "as a length" in field_message(app, "duration")
        assert row.has_class("-invalid")
        assert stored(data_file) == before
        await fill(pilot, "when", "next blursday 10am")
        assert "expected a day of the week" in field_message(app, "when")
        await pilot.press("escape")  # a changed form asks first
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert stored(data_file) == before


async def test_edit_keeps_the_log_and_changes_the_fields(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "e")  # Globex (the offer at Hooli is first)
        assert isinstance(app.screen, InterviewForm)
        assert field_message(app, "when").strip() == "→ Thu 29 Oct 2026, 14:00"
        await fill(pilot, "role", "Senior Product Manager")
        await fill(pilot, "decision_by", "2026-11-09")
        await pilot.press("ctrl+s")
        await settle(pilot)
        globex = by_company(data_file, "Globex")
        assert globex.role == "Senior Product Manager"
        assert globex.decision_by == date(2026, 11, 9)
        assert [e.kind for e in globex.events] == [EventKind.THANK_YOU_SENT]
        assert app.board.get(globex.id).interview.role == "Senior Product Manager"  # type: ignore[union-attr]


async def test_thank_you_asks_whom_with_those_owed_ticked(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "t")  # Acme: Dana Ruiz and Sam Lee, both owed
        dialog = app.screen
        assert isinstance(dialog, ChooseInterviewer)
        people = dialog.query_one(SelectionList)
        assert people.selected == ["Dana Ruiz", "Sam Lee"]
        people.deselect("Dana Ruiz")  # only Sam's went out
        await pilot.press("enter")  # from the "when" field, empty: now
        await settle(pilot)
        acme = by_company(data_file, "Acme")
        assert [(e.kind, e.to, e.at) for e in acme.events] == [
            (EventKind.THANK_YOU_SENT, "Sam Lee", NOW)
        ]
        assert app.board.get(acme.id).standing.actions[0].label == "thank-you to Dana Ruiz"  # type: ignore[union-attr]


async def test_a_thank_you_sent_yesterday_is_logged_at_its_time(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "t")  # Globex: thanked already
        dialog = app.screen
        assert isinstance(dialog, ChooseInterviewer)
        assert "Everyone has been thanked" in static_text(app, "#owed")
        assert dialog.query_one(SelectionList).selected == []
        await pilot.press("enter")  # nobody ticked: nothing is logged, and it says why
        await settle(pilot)
        assert app.screen is dialog
        assert len(by_company(data_file, "Globex").events) == 1
        dialog.query_one(SelectionList).select("Dana Ruiz")
        await fill(pilot, "when", "tomorrow 9am")
        await pilot.press("enter")
        await settle(pilot)
        assert "hasn't happened yet" in field_message(app, "when")
        await fill(pilot, "when", "yesterday 6pm")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        last = by_company(data_file, "Globex").events[-1]
        assert (last.kind, last.to) == (EventKind.THANK_YOU_SENT, "Dana Ruiz")
        assert last.at.isoformat() == "2026-11-03T18:00:00-05:00"


async def test_thank_you_to_a_single_interviewer_asks_when(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app([make("Wayne", at(11, 4, 9))])  # one interviewer, owed a thank-you
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        assert isinstance(app.screen, ChooseInterviewer)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        events = by_company(data_file, "Wayne").events
        assert [(e.kind, e.to, e.at) for e in events] == [
            (EventKind.THANK_YOU_SENT, "Dana Ruiz", NOW)
        ]


async def test_check_in_is_logged_with_its_channel_and_time(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "f")  # Initech, overdue (after the offer at Hooli)
        assert isinstance(app.screen, EventDialog)
        app.screen.query_one("#channel", Select).value = Channel.PHONE
        await fill(pilot, "when", "today 9am")
        await pilot.press("enter")
        await settle(pilot)
        event = by_company(data_file, "Initech").events[-1]
        assert (event.kind, event.channel) == (EventKind.CHECK_IN_SENT, Channel.PHONE)
        assert event.at.isoformat() == "2026-11-04T09:00:00-05:00"
        assert order(app)[:2] == ["Hooli", "Acme"]  # Initech is no longer overdue


async def test_a_check_in_in_the_future_is_refused(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    before = stored(data_file)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await fill(pilot, "when", "tomorrow 9am")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EventDialog)
        assert "hasn't happened yet" in field_message(app, "when")
        assert stored(data_file) == before


async def test_reply_with_a_new_date_moves_the_next_check_in(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "r")  # Initech
        assert app.screen.query_one("#outcome", Select).value is Outcome.STILL_DECIDING
        await fill(pilot, "decision_by", "fri 13 nov")
        assert field_message(app, "decision_by").strip() == "→ Fri 13 Nov 2026"
        await pilot.press("enter")
        await settle(pilot)
        reply = by_company(data_file, "Initech").events[-1]
        assert (reply.kind, reply.outcome, reply.decision_by) == (
            EventKind.REPLY,
            Outcome.STILL_DECIDING,
            date(2026, 11, 13),
        )
        row = app.board.get(reply and by_company(data_file, "Initech").id)
        assert row is not None and row.standing.status is Status.WAITING
        assert row.standing.due == date(2026, 11, 18)  # 3 business days after the 13th


async def test_snooze_holds_the_next_step_until_a_date(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "z")  # Initech
        await fill(pilot, "until", "yesterday")
        await pilot.press("enter")
        assert "not after today" in field_message(app, "until")
        await fill(pilot, "until", "in 2 weeks")
        await pilot.press("enter")
        await settle(pilot)
        event = by_company(data_file, "Initech").events[-1]
        assert (event.kind, event.until) == (EventKind.SNOOZED, date(2026, 11, 18))
        assert order(app)[:2] == ["Hooli", "Acme"]


async def test_keep_warm_and_other_events_are_logged(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "w")  # Initech
        await settle(pilot)
        assert by_company(data_file, "Initech").events[-1].kind is EventKind.KEEP_WARM_CHOSEN
        await pilot.press("l")
        app.screen.query_one("#kind", Select).value = EventKind.WITHDREW
        await fill(pilot, "text", "took another offer")
        await pilot.press("enter")
        await settle(pilot)
        last = by_company(data_file, "Initech").events[-1]
        assert (last.kind, last.text) == (EventKind.WITHDREW, "took another offer")
        assert "Initech" not in order(app)  # closed: tucked away


async def test_archive_hides_and_unarchive_brings_back(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "x")  # Initech
        await settle(pilot)
        assert by_company(data_file, "Initech").archived
        assert "Initech" not in order(app)
        assert selected(app) == "Acme"
        await pilot.press("s")
        assert "Initech" in order(app)
        await pilot.press("G", "x")  # Stark was archived from the start
        await settle(pilot)
        assert not by_company(data_file, "Stark").archived


async def test_undo_takes_back_the_last_change(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "t", "enter")  # Acme: the whole panel thanked now
        await settle(pilot)
        assert [e.to for e in by_company(data_file, "Acme").events] == [""]
        await pilot.press("u")
        await settle(pilot)
        assert by_company(data_file, "Acme").events == ()
        assert app.board.get(by_company(data_file, "Acme").id).interview.events == ()  # type: ignore[union-attr]
        assert selected(app) == "Acme"


async def test_a_storage_error_is_a_notice_and_the_edit_is_kept(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app(read_only=True)
    before = stored(data_file)
    notes: list[str] = []
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        assert "read-only" in static_text(app, "#summary")
        await pilot.press("j", "j", "t", "enter")  # Acme, owed a thank-you
        await settle(pilot)
        assert any(n.startswith("Not saved:") and "read-only" in n for n in notes)
        await pilot.press("e")
        await fill(pilot, "role", "Lead Analyst")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewForm)  # still open, the edit still there
        assert app.screen.query_one("#role", Field).input.value == "Lead Analyst"
        assert stored(data_file) == before


async def test_the_form_takes_several_interviewers(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "e")  # Acme: Dana Ruiz and Sam Lee
        rows = list(app.screen.query(InterviewerRow))
        assert len(rows) == 2
        await pilot.press("ctrl+n")
        await pilot.pause()
        new = list(app.screen.query(InterviewerRow))[-1]
        new.query_one("Input.-name", Input).value = "Kim Ito"
        new.query_one("Input.-phone", Input).value = "555-0142"
        await pilot.click(rows[0].query_one(".remove"))  # Dana left the panel
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        people = by_company(data_file, "Acme").interviewers
        assert [(p.name, p.phone) for p in people] == [("Sam Lee", ""), ("Kim Ito", "555-0142")]


async def test_escape_in_a_dialog_logs_nothing(make_app: AppFactory, data_file: Path) -> None:
    app = make_app()
    before = stored(data_file)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        for key in ("t", "f", "r", "z", "l"):
            await pilot.press(*(("j", "j") if key == "t" else ("g",)), key)  # t: Acme
            assert app.screen is not None and not isinstance(app.screen, MainScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
        assert stored(data_file) == before


async def test_each_interviewer_keeps_a_topic_and_the_notes_are_private(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "e")  # Acme: Dana Ruiz and Sam Lee
        labels = " ".join(str(label.content) for label in app.screen.query(Label))
        assert "Private notes (for you alone: never written into a message)" in labels
        rows = list(app.screen.query(InterviewerRow))
        rows[1].query_one("Input.-topic", Input).value = "your on-call rota"
        await pilot.press("ctrl+s")
        await settle(pilot)
        people = by_company(data_file, "Acme").interviewers
        assert [(p.name, p.topic) for p in people] == [
            ("Dana Ruiz", ""),
            ("Sam Lee", "your on-call rota"),
        ]
        await pilot.press("enter")  # the detail view of Acme, still selected
        await pilot.pause()
        shown = static_text(app, "#record")
        assert "talked about your on-call rota" in shown
        assert "Private notes" in shown


async def test_a_thank_you_to_a_panel_with_no_names_goes_to_the_panel(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app([make("Wayne", at(11, 4, 9), interviewers=())])
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        assert isinstance(app.screen, ChooseInterviewer)
        assert "owed to the panel" in static_text(app, "#owed")
        await fill(pilot, "when", "today 1pm")
        await pilot.press("enter")
        await settle(pilot)
        (event,) = by_company(data_file, "Wayne").events
        assert (event.kind, event.to, event.at) == (EventKind.THANK_YOU_SENT, "", at(11, 4, 13))


async def test_a_thank_you_before_the_interview_is_refused_and_one_ahead_says_so(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app([make("Wayne", at(11, 4, 9)), make("Umbrella", at(11, 6, 10))])
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # Wayne: the interview was today at 9:00
        await fill(pilot, "when", "yesterday 6pm")
        await pilot.press("enter")
        await settle(pilot)
        assert "is before the interview" in field_message(app, "when")
        assert by_company(data_file, "Wayne").events == ()
        await pilot.press("escape")  # a time was typed: it asks before throwing it away
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        await pilot.press("j", "t")  # Umbrella: still ahead
        await settle(pilot)
        assert isinstance(app.screen, ChooseInterviewer)
        assert "The interview is still ahead" in static_text(app, "#owed")
