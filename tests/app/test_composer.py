"""The composer as a user drives it: open from a pane, switch, edit, check, send, keep drafts.

The board is the standard one of ``conftest`` at its pinned "now" (Wed 4 Nov 2026, 15:00):
the offer at Hooli is first, then Initech with an overdue check-in, then Acme, which owes
thank-yous to Dana Ruiz and Sam Lee.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.composer_choices import Selection
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.widgets.tone_panel import TonePanel
from followup_tui.core.model import Channel, Event, EventKind, Interview, Interviewer
from followup_tui.core.standing import Status, Step
from followup_tui.core.tone import Rule
from followup_tui.paths import drafts_path
from followup_tui.storage.drafts import drafts_for
from followup_tui.storage.store import Store
from tests.support.desktop import Desktop

from .conftest import NOW, SETTINGS, AppFactory, at, make, standard_board, stored
from .helpers import settle

ME = replace(SETTINGS, name="Alex Morgan", highlight="I cut the release time in half")


pytestmark = pytest.mark.usefixtures("tone_at_once")


TOPICS = {
    "Acme": {"Dana Ruiz": "the onboarding funnel", "Sam Lee": "their on-call rota"},
    "Initech": {"": "moving reports off the nightly batch"},
}
"""What the user talked about with each interviewer ("" is anyone on that panel)."""


def noted(board: list[Interview] | None = None) -> list[Interview]:
    """The standard board (or ``board``) with topics, so every template has its own."""

    def topical(interview: Interview) -> Interview:
        topics = TOPICS.get(interview.company, {})
        people = tuple(
            replace(p, topic=topics.get(p.name, topics.get("", p.topic)))
            for p in interview.interviewers
        )
        return replace(interview, interviewers=people)

    return [topical(i) for i in board or standard_board()]


def signed(app: FollowupApp) -> FollowupApp:
    """The app with the user's name and highlight set, as after first-run setup."""
    app.settings = ME
    return app


def composer(app: FollowupApp) -> ComposerScreen:
    """The composer on top."""
    assert isinstance(app.screen, ComposerScreen)
    return app.screen


def chosen(screen: ComposerScreen) -> Selection:
    """What the composer is writing."""
    assert screen.selection is not None
    return screen.selection


def body(app: FollowupApp) -> str:
    """The message text on screen."""
    return app.screen.query_one("#composer-body", TextArea).text


def subject(app: FollowupApp) -> str:
    """The subject on screen."""
    return app.screen.query_one("#composer-subject", Input).value


def said(app: FollowupApp) -> list[str]:
    """Every notification shown so far."""
    return [n.message for n in app._notifications]


async def open_on(pilot: Pilot[Any], downs: int) -> ComposerScreen:
    """Select the pane ``downs`` below the top and press c."""
    await pilot.pause()
    await pilot.press(*["j"] * downs, "c")
    await pilot.pause()
    return composer(pilot.app)  # type: ignore[arg-type]


async def type_at_end(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` on a new line at the end of the body, key by key."""
    area = pilot.app.screen.query_one("#composer-body", TextArea)
    area.focus()
    area.move_cursor(area.document.end)
    await pilot.press("enter", *text)
    await pilot.pause()


async def test_c_opens_the_thank_you_owed_to_the_first_interviewer(make_app: AppFactory) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 2)  # Acme
        assert chosen(screen).choice.label == "thank-you"
        assert chosen(screen).message().recipient == "Dana Ruiz"
        assert body(app).startswith("Hi Dana,")
        for words in ("Acme", "Alex Morgan", "the onboarding funnel"):
            assert words in body(app)
        assert subject(app)
        assert "[" not in body(app) + subject(app)  # everything on record is filled in
        assert screen.query_one(TonePanel).findings == ()


async def test_switch_recipient_edit_mark_sent_then_the_status_moves_on(
    make_app: AppFactory, data_file: Path
) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 2)
        await pilot.press("ctrl+r")
        assert chosen(screen).message().recipient == "Sam Lee"
        assert body(app).startswith("Hi Sam,")
        await type_at_end(pilot, "PS: roadmap attached.")
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        acme = next(i for i in stored(data_file).values() if i.company == "Acme")
        (event,) = acme.events
        assert (event.kind, event.to, event.at) == (EventKind.THANK_YOU_SENT, "Sam Lee", NOW)
        assert event.text.startswith(subject_line := event.text.split("\n", 1)[0])
        assert subject_line and "Hi Sam," in event.text
        assert "PS: roadmap attached." in event.text
        row = app.board.get(acme.id)
        assert row is not None
        thank_yous = [a for a in row.standing.actions if a.step is Step.THANK_YOU]
        assert [a.recipient for a in thank_yous] == ["Dana Ruiz"]
        assert any("thank-you to Sam Lee marked sent" in m for m in said(app))
        assert drafts_for(app).count(acme.id) == 0  # the sent text is no draft

        # The next c starts on Dana, the one still owed; sending it ends the thank-you step.
        screen = await open_on(pilot, 0)
        assert chosen(screen).message().recipient == "Dana Ruiz"
        await pilot.press("ctrl+l")
        await settle(pilot)
        row = app.board.get(acme.id)
        assert row is not None and row.standing.status is Status.WAITING


async def test_switch_step_logs_that_step_and_undo_reverts_it(
    make_app: AppFactory, data_file: Path
) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 1)  # Initech: check-in overdue
        assert chosen(screen).choice.label == "check-in 1 of 2"
        assert chosen(screen).choice.owed
        check_in_body = body(app)
        await pilot.press("ctrl+t")
        assert chosen(screen).choice.label == "update: tell them about your offer"  # Hooli's
        assert body(app) != check_in_body
        await pilot.press("ctrl+t", "ctrl+t")  # keep-warm, then round to the check-in
        assert chosen(screen).choice.label == "check-in 1 of 2"
        await pilot.press("ctrl+l")
        await settle(pilot)
        initech = stored(data_file)["initech"]
        assert initech.events[-1].kind is EventKind.CHECK_IN_SENT
        assert initech.events[-1].channel is Channel.EMAIL
        row = app.board.get("initech")
        assert row is not None and row.standing.status is Status.WAITING
        await pilot.press("u")
        await settle(pilot)
        assert [e.kind for e in stored(data_file)["initech"].events] == [EventKind.THANK_YOU_SENT]
        row = app.board.get("initech")
        assert row is not None and row.standing.status is Status.OVERDUE


@pytest.mark.parametrize(
    ("presses", "kind"),
    [(1, EventKind.UPDATE_SENT), (2, EventKind.KEEP_WARM_SENT)],
)
async def test_each_step_logs_its_own_event(
    make_app: AppFactory, data_file: Path, presses: int, kind: EventKind
) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 1)
        await pilot.press(*["ctrl+t"] * presses)
        for box in screen.query("#composer-extras Input").results(Input):
            if box.display:  # what the record can't know (the article to share)
                box.value = "https://x.io/a"
        await pilot.pause()
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert stored(data_file)["initech"].events[-1].kind is kind


async def test_closing_note_and_thanks_after_rejection_log_their_events(
    make_app: AppFactory, data_file: Path
) -> None:
    from followup_tui.core.model import Outcome

    silent = make(
        "Wayne",
        at(9, 1),
        events=(
            Event(EventKind.THANK_YOU_SENT, at(9, 1, 18)),
            Event(EventKind.CHECK_IN_SENT, at(9, 14)),
            Event(EventKind.CHECK_IN_SENT, at(9, 25)),
        ),
    )
    turned_down = make(
        "Soylent",
        at(10, 1),
        events=(Event(EventKind.REPLY, at(10, 20), outcome=Outcome.REJECTED),),
    )
    app = signed(make_app([silent, turned_down]))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 0)
        first = chosen(screen).choice.label
        await pilot.press("ctrl+l")
        await settle(pilot)
        screen = await open_on(pilot, 0)
        second = chosen(screen).choice.label
        await pilot.press("ctrl+l")
        await settle(pilot)
    assert {first, second} == {"closing note", "thank-you after the rejection"}
    kinds = {i.company: i.events[-1].kind for i in stored(data_file).values()}
    assert kinds == {"Wayne": EventKind.CLOSING_NOTE_SENT, "Soylent": EventKind.THANKS_SENT}


async def test_escape_keeps_the_draft_and_start_over_discards_it(make_app: AppFactory) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 2)
        await pilot.press("ctrl+r")  # Sam
        await type_at_end(pilot, "Kept for later.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("Draft kept" in m for m in said(app))

        screen = await open_on(pilot, 0)  # Acme is still selected
        assert chosen(screen).message().recipient == "Sam Lee"  # back where the user left off
        assert body(app).rstrip().endswith("Kept for later.")
        await pilot.press("ctrl+r")  # Dana's message is untouched
        assert "Kept for later." not in body(app)
        await pilot.press("ctrl+r")
        assert "Kept for later." in body(app)

        await pilot.press("ctrl+f")
        assert "Kept for later." not in body(app)
        await pilot.press("escape")
        await pilot.pause()
        await open_on(pilot, 0)
        assert "Kept for later." not in body(app)


async def test_tone_panel_flags_a_pushy_line_as_it_is_typed(make_app: AppFactory) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 2)
        panel = screen.query_one(TonePanel)
        assert not panel.findings
        await type_at_end(pilot, "I need an answer ASAP")
        rules = {f.rule for f in panel.findings}
        assert Rule.PUSHY in rules
        shown = str(panel.query_one("#tone-lines").render())
        assert "pushy" in shown and "ASAP" in shown
        # It only warns: the message can still be marked sent.
        assert screen.check_action("mark_sent", ()) is True


async def test_a_missing_name_stays_marked_and_is_flagged(make_app: AppFactory) -> None:
    app = make_app()  # no name in the settings
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 2)
        assert "[your name]" in body(app)
        assert any(f.rule is Rule.UNFILLED for f in screen.query_one(TonePanel).findings)


async def test_keep_warm_asks_for_the_article_and_fills_it_in(make_app: AppFactory) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 1)
        await pilot.press("ctrl+t", "ctrl+t")
        assert chosen(screen).choice.label == "keep-warm note"
        while "article" not in chosen(screen).message().variant:
            await pilot.press("ctrl+n")
        box = screen.query_one("#composer-extra-article", Input)
        assert box.display
        assert "[link to the article]" in body(app)
        box.focus()
        await pilot.press(*"https://x.io/a")
        await pilot.pause()
        assert "https://x.io/a" in body(app)
        assert not any(f.rule is Rule.UNFILLED for f in screen.query_one(TonePanel).findings)


async def test_a_call_script_shows_the_number(make_app: AppFactory) -> None:
    caller = make(
        "Globex",
        at(11, 4, 9),
        channel=Channel.PHONE,
        interviewers=(Interviewer("Sam Okafor", phone="+1 555 0142"),),
    )
    app = signed(make_app([caller]))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 0)
        assert chosen(screen).message().phone
        call = str(screen.query_one("#composer-call").render())
        assert "Call Sam Okafor on +1 555 0142" in call
        assert screen.check_action("open_mail", ()) is None  # no mail for a call
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.store.get("globex").events[-1].to == "Sam Okafor"


async def test_copy_puts_the_message_on_the_terminal_clipboard(make_app: AppFactory) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 2)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.clipboard == f"Subject: {subject(app)}\n\n{body(app)}"
        assert any(
            m.startswith("Copied the subject and message to the terminal") for m in said(app)
        )
        app.screen.query_one("#composer-subject", Input).focus()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.clipboard == subject(app)


async def test_mail_opens_a_link_with_the_address_subject_and_body(
    make_app: AppFactory, quiet_desktop: Desktop
) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 1)  # Initech: Dana Ruiz, dana@example.com
        await pilot.press("ctrl+o")
        await settle(pilot)
        (url,) = quiet_desktop.opened
        parts = urlsplit(url)
        fields = parse_qs(parts.query)
        assert unquote(parts.path) == "dana@example.com"
        assert fields["subject"] == [subject(app)]
        assert fields["body"] == [body(app).replace("\n", "\r\n")]
        assert any("Opened in your mail client, to dana@example.com" in m for m in said(app))


async def test_a_hostile_address_is_refused_not_opened(
    make_app: AppFactory, quiet_desktop: Desktop
) -> None:
    board = standard_board()
    sneaky = Interviewer("Dana Ruiz", email="dana@example.com?bcc=spy@example.com")
    board[2] = replace(board[2], interviewers=(sneaky,))  # Initech
    app = signed(make_app(noted(board)))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 1)
        await pilot.press("ctrl+o")
        await settle(pilot)
    assert quiet_desktop.opened == []
    assert any("Not opened" in m and "question mark" in m for m in said(app))


async def test_a_failed_save_keeps_the_composer_and_the_draft(
    make_app: AppFactory, data_file: Path
) -> None:
    app = signed(make_app(read_only=True))
    before = stored(data_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 1)
        await type_at_end(pilot, "Still here.")
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, ComposerScreen)
        assert "Still here." in body(app)
        assert any(m.startswith("Not saved") for m in said(app))
    assert stored(data_file) == before


async def test_a_broken_template_file_is_reported_and_ours_still_work(
    make_app: AppFactory, quiet_desktop: Desktop
) -> None:
    folder = quiet_desktop.config_home / "followup"
    folder.mkdir(parents=True)
    (folder / "templates.toml").write_text("[[template]\nstep = ", encoding="utf-8")
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 2)
        assert body(app).startswith("Hi Dana,")
        assert any("templates.toml" in m and "not valid TOML" in m for m in said(app))


async def test_a_draft_outlives_the_app(
    make_app: AppFactory, data_file: Path, open_store: list[Store]
) -> None:
    app = signed(make_app(noted()))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 2)
        await pilot.press("ctrl+r")  # Sam
        await type_at_end(pilot, "See you soon.")
        await pilot.press("ctrl+q")  # quit straight from the composer
    open_store.pop().close()
    assert "See you soon." in drafts_path(data_file).read_text(encoding="utf-8")

    again = signed(make_app(noted()))
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 2)
        assert chosen(screen).message().recipient == "Sam Lee"
        assert body(again).rstrip().endswith("See you soon.")


RAW = "\x1b[2J\x1b]0;pwned\x07\u202e[bold]x[/]"
"""Escape codes, a bidi override and markup: none may reach the terminal as such."""


def inert(text: str) -> bool:
    """True when ``text`` holds no control or format character but line breaks."""
    return not any(ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


async def test_hostile_record_and_pastes_are_shown_inert(make_app: AppFactory) -> None:
    board = standard_board()
    board[0] = replace(board[0], company="Acme" + RAW, interviewers=(Interviewer("Dana" + RAW),))
    app = signed(make_app(noted(board)))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, 2)
        assert inert(body(app)) and inert(subject(app))
        assert "␛[2J" in body(app) and "[bold]x[/]" in body(app)  # visible, literally
        area = app.screen.query_one("#composer-body", TextArea)
        area.post_message(events.Paste("pasted" + RAW))
        await pilot.pause()
        assert "pasted␛[2J" in body(app) and inert(body(app))
        box = app.screen.query_one("#composer-subject", Input)
        box.focus()
        box.post_message(events.Paste("S" + RAW))
        await pilot.pause()
        assert "S␛[2J" in subject(app) and inert(subject(app))


async def test_mark_sent_asks_first_when_something_is_unfilled(
    make_app: AppFactory, data_file: Path
) -> None:
    from followup_tui.app.screens.dialogs import Confirm

    app = make_app(noted())  # no name set: the signature is still "[your name]"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_on(pilot, 2)  # Acme: thank-you
        assert "[your name]" in body(app)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # the safe answer is the one focused
        await settle(pilot)
        assert app.screen is screen
        acme = next(i for i in stored(data_file).values() if i.company == "Acme")
        assert acme.events == ()
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        acme = next(i for i in stored(data_file).values() if i.company == "Acme")
        assert [e.kind for e in acme.events] == [EventKind.THANK_YOU_SENT]
