"""Stock Textual still behaves as each workaround in ``followup_tui.app.workarounds`` says.

Each test runs Textual's own code, without the workaround. Once an upgrade stops the
behaviour, the test fails and names the workaround that can go.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version

import pytest
from rich.console import Console
from rich.segment import Segments
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, ScreenStackError
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.drivers._writer_thread import WriterThread
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList

from followup_tui.app import workarounds


@contextmanager
def still_happens(workaround: str, *errors: type[BaseException]) -> Iterator[None]:
    """The block must still fail with one of ``errors``; if not, ``workaround`` can go."""
    try:
        yield
    except errors:
        return
    can_go(workaround)


def can_go(workaround: str) -> None:
    """Fail, saying which workaround Textual no longer needs."""
    pytest.fail(
        f"Textual {version('textual')} no longer does this: {workaround} in "
        "followup_tui/app/workarounds.py can go (and its test here)"
    )


class Bare(App[None]):
    """Stock Textual: none of the app's overrides."""


class Pinged(Screen[None]):
    """A screen that notes each time its action runs."""

    def __init__(self) -> None:
        """A screen no action has reached yet."""
        super().__init__()
        self.pings = 0
        """How many times ``ping`` ran."""

    def action_ping(self) -> None:
        """Count the ping."""
        self.pings += 1


def test_textual_is_the_version_the_workarounds_were_written_for() -> None:
    assert version("textual") == workarounds.TEXTUAL_VERSION, (
        "Textual was upgraded: run this file, drop the workarounds it names, and set "
        "TEXTUAL_VERSION and the pin in pyproject.toml"
    )


async def test_a_palette_search_still_fails_once_its_palette_is_closing() -> None:
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        palette = CommandPalette()
        await app.push_screen(palette)
        await pilot.pause()
        app.pop_screen()
        while palette.is_attached and palette.query(CommandList):
            await asyncio.sleep(0)  # one step of the loop at a time, until they are gone
        assert palette.is_attached
        with still_happens("SteadyCommandPalette", NoMatches):
            await workarounds._search(palette, "qu")


class Options(App[None]):
    """An option list in a stock app."""

    def compose(self) -> ComposeResult:
        """Five options."""
        yield OptionList(*(f"option {n}" for n in range(5)))


async def test_an_option_list_still_fails_in_a_one_cell_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, method in workarounds.STOCK_OPTION_LIST.items():
        monkeypatch.setattr(OptionList, name, method)  # as if never hardened
    app = Options()
    with still_happens("harden_option_lists", ValueError, KeyError):
        async with app.run_test(size=(40, 10)) as pilot:
            options = app.query_one(OptionList)
            options.focus()
            options.highlighted = 2
            await pilot.resize_terminal(1, 1)
            await pilot.press("pagedown", "pageup", "down")
            await pilot.resize_terminal(40, 10)
            await pilot.press("pagedown")


async def test_closing_a_covered_screen_still_closes_the_one_on_top(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, method in workarounds.STOCK_SCREEN.items():
        monkeypatch.setattr(Screen, name, method)  # as if never patched
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        below, above = Pinged(), Pinged()
        await app.push_screen(below)
        await app.push_screen(above)
        below.dismiss()
        await pilot.pause()
        if app.screen is not below:
            can_go("dismiss_only_from_top")


async def test_popping_the_last_screen_still_raises() -> None:
    app = Bare()
    async with app.run_test(size=(80, 24)):
        with still_happens("may_pop_screen", ScreenStackError):
            App.pop_screen(app)


async def test_an_action_still_runs_for_a_screen_not_shown_or_covered() -> None:
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        unshown = Pinged()
        await app.run_action("ping", unshown)
        below = Pinged()
        await app.push_screen(below)
        await app.push_screen(Pinged())
        await pilot.pause()
        await app.run_action("ping", below)
        if unshown.pings == 0 and below.pings == 0:
            can_go("screen_may_act")


async def test_an_error_report_still_shows_local_variables() -> None:
    app = Bare()
    with pytest.raises(RuntimeError):  # run_test raises the app's first error at the end
        async with app.run_test(size=(80, 24)):
            try:
                private = "salary talk with Dana"  # noqa: F841 (what the report would show)
                raise RuntimeError("boom")
            except RuntimeError as error:
                App._handle_exception(app, error)
            report = app._exit_renderables[0]
            assert isinstance(report, Segments)
            text = "".join(segment.text for segment in report.segments)
            app._exit_renderables.clear()  # not printed into the test's output
    if "salary talk with Dana" not in text:
        can_go("end_after_error (and FollowupApp._handle_exception)")


async def test_exit_errors_are_still_printed_fitted_to_the_terminal() -> None:
    printed: list[str] = []

    class Noting(Bare):
        def _print_error_renderables(self) -> None:
            printed.append("called")
            super()._print_error_renderables()

    app = Noting()
    async with app.run_test(size=(80, 24)):
        pass
    assert printed, "Textual no longer calls _print_error_renderables: the crash notice is lost"
    out = io.StringIO()
    app.error_console = Console(file=out, width=40)
    app._exit_renderables.append(Text("x" * 100))
    App._print_error_renderables(app)
    if len(out.getvalue().splitlines()) == 1:
        can_go("print_whole")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_the_output_thread_still_ends_at_the_first_failed_write() -> None:
    tried: list[str] = []

    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            tried.append(text)
            raise OSError("the terminal has gone")

    thread = WriterThread(Gone())
    thread.start()
    thread.write("first")
    thread.write("second")
    thread.stop()  # ends a thread still running; returns at once for one already dead
    if tried != ["first"]:
        can_go("revive_output")


class Restyled(App[None]):
    """A stock app noting each tree ``update_styles`` restyles, by its top node."""

    def __init__(self) -> None:
        """No tree restyled yet."""
        super().__init__()
        self.restyled: list[object] = []
        """The node at the top of each tree restyled, in order."""

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Note the node, then restyle as Textual does."""
        self.restyled.append(node)
        super().update_styles(node, animate=animate)


class Once(workarounds.StyledOnceScreen[None]):
    """A screen built for one use."""


async def test_a_screen_pushed_is_still_restyled_as_it_comes_up() -> None:
    app = Restyled()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Screen[None]()
        await app.push_screen(screen)
        await pilot.pause()
        if screen not in app.restyled:
            can_go("StyledOnceScreen")


async def test_a_screen_styled_once_is_restyled_only_when_it_comes_back_up() -> None:
    app = Restyled()
    async with app.run_test(size=(80, 24)) as pilot:
        once = Once()
        await app.push_screen(once)
        await pilot.pause()
        assert once not in app.restyled
        once.post_message(events.ScreenResume())  # as switching back to it does
        await pilot.pause()
        assert once in app.restyled


async def test_a_widget_not_mounted_is_still_restyled_when_its_classes_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, method in workarounds.STOCK_DOM_NODE.items():
        monkeypatch.setattr(DOMNode, name, method)  # as if never patched
    app = Restyled()
    async with app.run_test(size=(80, 24)):
        label = Label("not mounted")
        label.add_class("-loud")
        if label not in app.restyled:
            can_go("style_widgets_once_mounted")


class Loud(Restyled):
    """Labels marked loud are three lines tall."""

    CSS = "Label.-loud { height: 3; }"


async def test_a_widget_is_restyled_once_mounted_and_not_before() -> None:
    workarounds.style_widgets_once_mounted()
    app = Loud()
    async with app.run_test(size=(80, 24)) as pilot:
        label = Label("soon mounted")
        label.add_class("-loud")
        assert label not in app.restyled
        await app.screen.mount(label)
        await pilot.pause()
        assert label.region.height == 3  # styled with the class it was given unmounted
        label.add_class("-louder")
        await pilot.pause()
        assert label in app.restyled


class Asking(Screen[None]):
    """A stock screen that starts in a field, focused the usual way (``AUTO_FOCUS``)."""

    def compose(self) -> ComposeResult:
        """One field."""
        yield Input()


class Opening(App[None]):
    """A stock app in which ``e`` opens :class:`Asking`."""

    BINDINGS = [("e", "ask", "Ask")]  # noqa: RUF012 (Textual reads it as a class attribute)

    def action_ask(self) -> None:
        """Open the screen with the field."""
        self.push_screen(Asking())


async def test_keys_typed_with_the_one_that_opens_a_screen_are_still_dropped() -> None:
    app = Opening()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "emon":  # read at once, as a terminal delivers keys typed together
            app.post_message(events.Key(key, key))
        while not isinstance(app.screen, Asking) or app.screen.focused is None:
            await pilot.pause()
        await pilot.pause()
        typed = app.screen.query_one(Input).value
        assert typed in ("", "m", "mo", "mon")
        if typed == "mon":
            can_go("typed_ahead (and TypesAhead)")


def test_textual_still_has_no_public_way_to_take_down_one_notice() -> None:
    # Once it has one, workarounds.withdraw can go.
    public = {name for name in dir(App) if "notif" in name and not name.startswith("_")}
    assert public == {"action_notify", "clear_notifications", "notify", "notify_style_update"}
    assert callable(App._unnotify)
