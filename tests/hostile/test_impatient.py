"""Keys pressed faster than the app can follow: again while a save is on its way to the
disk, or quit the moment a screen opens.

A slow disk (or a long fsync) keeps a save running for a while; an impatient user presses
the key again: the second press must not save a second copy. And quitting must be clean
however soon it follows the key that opened a screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.css.query import NoMatches
from textual.screen import Screen

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.detail import DetailScreen
from followup_tui.app.screens.dialogs import ChooseInterviewer, EventDialog
from followup_tui.app.screens.form import InterviewForm
from followup_tui.app.screens.help import HelpScreen
from followup_tui.app.screens.main import MainScreen
from followup_tui.app.workarounds import SteadyCommandPalette, _search
from followup_tui.core.model import EventKind, Interview
from tests.app.conftest import AppFactory, at, make, stored
from tests.app.helpers import fill, settle
from tests.support.desktop import Desktop

WAIT = 10.0
"""Longest a held save waits to be let go (only reached if the test is broken)."""


async def test_saving_a_new_interview_twice_adds_it_once(
    make_app: AppFactory, data_file: Path
) -> None:
    app = make_app()
    store = app.store
    add = store.add
    started, go_on = threading.Event(), threading.Event()

    def held_add(interview: Interview) -> Interview:
        started.set()
        go_on.wait(WAIT)  # a slow disk: the save takes until the test lets it finish
        return add(interview)

    store.add = held_add  # type: ignore[method-assign]
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Wayne", "tab", *"Analyst")
        await fill(pilot, "when", "fri 6 nov 2pm")
        await pilot.press("ctrl+s")
        while not started.is_set():  # the first save is under way...
            await pilot.pause()
        await pilot.press("ctrl+s")  # ...and the key is pressed again
        await pilot.pause()
        go_on.set()
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    companies = [i.company for i in stored(data_file).values()]
    assert companies.count("Wayne") == 1


def acme(app: FollowupApp) -> Interview:
    """The standard board's Acme (two interviewers, thank-yous owed)."""
    return next(i for i in app.store.interviews() if i.company == "Acme")


OPENED: dict[str, Callable[[FollowupApp], Screen[Any]]] = {
    "form": lambda app: InterviewForm(None),
    "detail": lambda app: DetailScreen(acme(app).id),
    "choose": lambda app: ChooseInterviewer(acme(app), []),
    "dialog": lambda app: EventDialog(acme(app), EventKind.REPLY),
    "help": lambda app: HelpScreen(),
    "composer": lambda app: ComposerScreen(acme(app).id),
}
"""Every screen a key opens."""


@pytest.mark.parametrize("screen", list(OPENED))
async def test_quitting_the_moment_a_screen_opens_is_a_clean_exit(
    make_app: AppFactory,
    screen: str,
    quiet_desktop: Desktop,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A key opens it and ctrl+q follows before it is on screen: the app is leaving while
    # the screen mounts, its widgets already gone.
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        app.push_screen(OPENED[screen](app))
        app.exit()  # (no pause after it: Pilot would wait for a screen that never settles)
    assert app.return_code == 0
    assert "unexpected error" not in capsys.readouterr().err
    assert not quiet_desktop.crash_log.exists()


EARLY_KEYS: dict[str, tuple[Callable[[FollowupApp], Screen[Any]], str]] = {
    "form save": (lambda app: InterviewForm(None), "save"),
    "form add person": (lambda app: InterviewForm(None), "add_person"),
    "snooze log it": (lambda app: EventDialog(acme(app), EventKind.SNOOZED), "submit"),
    "reply log it": (lambda app: EventDialog(acme(app), EventKind.REPLY), "submit"),
    "composer mark sent": (lambda app: ComposerScreen(acme(app).id), "mark_sent"),
}
"""A screen, and a key of its own pressed before it has appeared."""


@pytest.mark.parametrize("case", list(EARLY_KEYS))
async def test_a_key_for_a_screen_not_yet_shown_does_nothing(
    make_app: AppFactory, case: str
) -> None:
    # Typed fast (or pasted), the key after the one that opens a screen reaches that
    # screen's bindings before the screen has made its widgets.
    app = make_app()
    before = stored(app.store.path)
    opened, action = EARLY_KEYS[case]
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        screen = opened(app)
        app.push_screen(screen)
        await app.run_action(action, screen)  # as the key's binding does
        await settle(pilot)
        assert app.return_code is None  # still running
        assert app.screen is screen  # and the screen came up as usual
    assert stored(app.store.path) == before


async def test_a_palette_search_that_outlives_its_palette_stops_quietly(
    make_app: AppFactory,
) -> None:
    # The monkey found it (seed 32): the palette closed while its search worker ran, and
    # the search, finding none of the palette's widgets, ended the app.
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        closed = SteadyCommandPalette()  # never shown, as a closed one is: no widgets
        with pytest.raises(NoMatches):
            await _search(closed, "qu")  # Textual's own search fails...
        await closed._search_while_open("qu")  # ...ours stops quietly
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, SteadyCommandPalette)  # and it is the app's palette


@pytest.mark.parametrize("action", ["add_person", "save"])
async def test_a_key_for_a_screen_just_closed_does_nothing(
    make_app: AppFactory, action: str
) -> None:
    # The monkey found it: a key read while the form was still on top ran its action
    # after a finished save had closed it and taken its widgets down.
    app = make_app()
    before = stored(app.store.path)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        form = InterviewForm(None)
        await app.push_screen(form)
        await settle(pilot)
        form.dismiss(None)
        await settle(pilot)
        await app.run_action(action, form)  # as the key's binding does
        await settle(pilot)
        assert app.return_code is None and isinstance(app.screen, MainScreen)
    assert stored(app.store.path) == before


async def test_archiving_then_leaving_the_detail_at_once_still_archives(
    make_app: AppFactory,
) -> None:
    # The monkey found it (seed 52): x on the detail, escape before the save ran; the
    # save, running on its own thread, asked the closed screen for the app and failed.
    app = make_app()
    store = app.store
    update = store.update
    busy, go_on = threading.Event(), threading.Event()

    def held_update(interview: Interview) -> None:
        if not busy.is_set():  # the first save holds the save thread (a slow disk)...
            busy.set()
            go_on.wait(WAIT)
        update(interview)

    store.update = held_update  # type: ignore[method-assign]
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("x")  # archive the first interview: the save thread is held
        while not busy.is_set():
            await pilot.pause()
        await pilot.press("enter")  # the next one's detail
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        archived = app.screen.current()
        assert archived is not None
        await pilot.press("x", "escape")  # ...so this save waits until the detail is gone
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        go_on.set()
        await settle(pilot)
        assert app.return_code is None
    assert stored(store.path)[archived.id].archived


async def test_a_change_typed_just_before_quitting_is_saved(make_app: AppFactory) -> None:
    # The quit key's tooltip says every change is already saved; typed fast, a key that
    # saves at once ("w", keep warm; "t" once did too) then "q" quit before the save had
    # started, and it was dropped. (ctrl+q is a priority key: Textual runs it before a key
    # already on its way to the screen, so "w" then ctrl+q at once never logs anything,
    # and nothing is shown as logged.)
    app = make_app([make("Acme", at(11, 4))])
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        app.post_message(events.Key("w", "w"))
        app.post_message(events.Key("q", "q"))
        await pilot.pause()
    assert app.return_code == 0
    (acme,) = stored(app.store.path).values()
    assert [e.kind for e in acme.events] == [EventKind.KEEP_WARM_CHOSEN]


async def test_marking_sent_just_before_quitting_is_saved(
    make_app: AppFactory,
) -> None:
    app = make_app([make("Acme", at(11, 4))])
    app.settings = replace(app.settings, name="Alex Morgan")  # nothing left to fill in
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ComposerScreen)
        app.post_message(events.Key("ctrl+l", None))  # mark sent (a priority key)...
        app.post_message(events.Key("ctrl+q", None))  # ...then quit (another), in order
        await pilot.pause()
    assert app.return_code == 0
    (acme,) = stored(app.store.path).values()
    assert [e.kind for e in acme.events] == [EventKind.THANK_YOU_SENT]


async def test_escape_while_the_form_is_saving(make_app: AppFactory) -> None:
    # The monkey found it (seed 72): escape closed the form while its save was on the
    # way; the finished save closed it again (InvalidStateError), and the board never
    # heard of the interview it had added.
    app = make_app()
    store = app.store
    add = store.add
    started, go_on = threading.Event(), threading.Event()

    def held_add(interview: Interview) -> Interview:
        started.set()
        go_on.wait(WAIT)
        return add(interview)

    store.add = held_add  # type: ignore[method-assign]
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Wayne", "tab", *"Analyst")
        await fill(pilot, "when", "fri 6 nov 2pm")
        await pilot.press("ctrl+s")
        while not started.is_set():
            await pilot.pause()
        await pilot.press("escape")
        go_on.set()
        await settle(pilot)
        assert app.return_code is None
        assert isinstance(app.screen, MainScreen)
        shown = [app.board.row_at(i).interview.company for i in range(len(app.board))]
        assert "Wayne" in shown  # on the board
    assert [i.company for i in stored(store.path).values()].count("Wayne") == 1


async def test_saving_again_as_the_saved_form_closes(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The monkey found it (seed 72 again): ctrl+s read after the first save had finished
    # but before the form was gone saved the interview a second time, and closed the
    # form a second time (InvalidStateError).
    app = make_app()
    dismiss = InterviewForm.dismiss

    def dismiss_then_save_again(self: InterviewForm, result: Any = None) -> Any:
        done = dismiss(self, result)
        self.action_save()  # the next ctrl+s, read before the form is off the screen
        return done

    monkeypatch.setattr(InterviewForm, "dismiss", dismiss_then_save_again)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Wayne", "tab", *"Analyst")
        await fill(pilot, "when", "fri 6 nov 2pm")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.return_code is None and isinstance(app.screen, MainScreen)
    assert [i.company for i in stored(app.store.path).values()].count("Wayne") == 1
