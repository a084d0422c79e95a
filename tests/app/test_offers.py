"""Offers as a user meets them in the app: the other panes, the composer, what logging does.

The board is the standard one at its pinned "now" (Wed 4 Nov 2026, 15:00): Hooli made an
offer on 27 Oct, which stays open and first.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Select

from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.detail import DetailScreen
from followup_tui.core.model import Event, EventKind, Interview, Outcome
from followup_tui.core.standing import Status

from .conftest import SETTINGS, AppFactory, at, standard_board, stored
from .helpers import board_text, order, selected, settle, static_text

pytestmark = pytest.mark.usefixtures("tone_at_once")


def accepted() -> list[Interview]:
    """The standard board, with Hooli's offer accepted this morning."""
    board = standard_board()
    hooli = next(i for i in board if i.company == "Hooli")
    board[board.index(hooli)] = hooli.with_event(Event(EventKind.OFFER_ACCEPTED, at(11, 4, 9)))
    return board


async def test_an_open_offer_is_first_and_the_others_may_tell_their_company(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert order(app)[0] == "Hooli"
        assert "OFFER" in board_text(app)
        await pilot.press("j", "j", "j", "enter")  # Globex: waiting, nothing owed yet
        assert isinstance(app.screen, DetailScreen)
        globex = app.board.get("globex")
        assert globex is not None
        assert "tell Globex about your offer" in [a.label for a in globex.standing.actions]


async def test_once_an_offer_is_accepted_the_others_say_withdraw(make_app: AppFactory) -> None:
    app = make_app(accepted())
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert order(app) == ["Initech", "Acme", "Globex", "Umbrella"]
        text = board_text(app)
        for company in ("Initech", "Acme", "Globex"):
            assert f"withdraw from {company}" in text
        await pilot.press("j", "j", "enter")  # Globex
        assert "withdraw from Globex" in static_text(app, "#standing")


async def test_c_on_another_interview_writes_the_withdrawal_and_sending_closes_it(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app(accepted())
    app.settings = replace(SETTINGS, name="Alex Morgan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "c")  # Globex
        screen = app.screen
        assert isinstance(screen, ComposerScreen) and screen.selection is not None
        assert screen.selection.choice.label == "withdrawal"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert stored(data_file)["globex"].events[-1].kind is EventKind.WITHDREW
        row = app.board.get("globex")
        assert row is not None and row.standing.status is Status.CLOSED
        assert row.standing.reason == "withdrew"
        assert "Globex" not in order(app)


async def test_accepting_the_offer_from_the_composer_closes_it(
    make_app: AppFactory, data_file: Path
) -> None:
    offer = Event(EventKind.REPLY, at(10, 27), outcome=Outcome.OFFER)
    thanks = Event(EventKind.THANKS_SENT, at(10, 27, 12))
    board = [i for i in standard_board() if i.company != "Hooli"]
    hooli = next(i for i in standard_board() if i.company == "Hooli")
    app = make_app([*board, replace(hooli, events=(offer, thanks))])
    app.settings = replace(SETTINGS, name="Alex Morgan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")  # Hooli, first
        screen = app.screen
        assert isinstance(screen, ComposerScreen) and screen.selection is not None
        await pilot.press("ctrl+t")
        assert screen.selection.choice.label == "accept the offer"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert stored(data_file)["hooli"].events[-1].kind is EventKind.OFFER_ACCEPTED
        assert "Hooli" not in order(app)
        assert selected(app) is not None
        assert "withdraw from" in board_text(app)


@pytest.mark.parametrize(
    ("kind", "said"),
    [(EventKind.OFFER_ACCEPTED, "offer accepted"), (EventKind.OFFER_DECLINED, "offer declined")],
)
async def test_an_answer_logged_by_hand_is_named_in_the_notice(
    make_app: AppFactory, kind: EventKind, said: str
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")  # Hooli, first
        app.screen.query_one("#kind", Select).value = kind
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [n.message for n in app._notifications] == [f"Hooli: {said} · u undoes it"]


async def test_the_composer_opens_on_an_answered_offer_with_the_answer(
    make_app: AppFactory,
) -> None:
    app = make_app(accepted())
    app.settings = replace(SETTINGS, name="Alex Morgan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # closed ones shown: Hooli, accepted, among them
        await settle(pilot)
        index = app.board.index_of("hooli")
        assert index is not None
        await pilot.press("g", *["j"] * index, "c")
        screen = app.screen
        assert isinstance(screen, ComposerScreen) and screen.selection is not None
        assert [c.label for c in screen.selection.choices] == ["accept the offer"]


def test_every_kind_of_event_has_words_in_the_timeline_the_notice_and_the_undo_list() -> None:
    from followup_tui.app.screens.actions import LOGGED_WORDS
    from followup_tui.app.screens.detail import EVENT_WORDS
    from followup_tui.storage.history import logged

    assert set(EVENT_WORDS) == set(EventKind)
    assert set(LOGGED_WORDS) == set(EventKind)
    for kind in EventKind:
        assert "Hooli" in logged(kind, "Hooli")  # the words themselves: tests/storage


async def test_the_detail_of_an_accepted_offer_tells_its_story(make_app: AppFactory) -> None:
    app = make_app(accepted())
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", "G", "k", "enter")  # Hooli, shown with the closed ones
        assert isinstance(app.screen, DetailScreen) and app.screen.interview_id == "hooli"
        timeline = static_text(app, "#timeline")
        assert "reply: offer" in timeline
        assert "offer accepted" in timeline


def test_an_offer_pane_does_not_repeat_its_badge() -> None:
    from followup_tui.app.widgets.pane import action_text
    from followup_tui.core.board import rank
    from followup_tui.core.calendar import BusinessCalendar

    from .conftest import NOW, NY

    rows = rank(standard_board(), "standard", NOW, BusinessCalendar(NY))
    hooli = next(r for r in rows if r.interview.company == "Hooli")
    assert action_text(hooli.standing) == ("→ thank them for the offer · answer the offer", True)


async def test_the_optional_tell_step_is_never_given_a_due_time(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("j", "j", "enter")  # Acme: thank-yous due, and the offer's news
        timeline = static_text(app, "#timeline")
        assert "tell Acme about your offer" not in timeline


def test_thanks_for_an_offer_in_the_timeline_say_nothing_of_a_rejection() -> None:
    from followup_tui.app.screens.detail import event_words

    # The same event is logged for thanks after a no and for thanks for an offer.
    assert event_words(Event(EventKind.THANKS_SENT, at(11, 20))) == "thanks sent"
