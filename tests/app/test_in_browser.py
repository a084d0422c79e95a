"""In a browser tab (``followup serve``) copying and mail links go to the browser, never to
the clipboard tools or the mail client of the machine serving it.

The board is the standard one of ``conftest`` at its pinned "now": Initech's check-in is to
Dana Ruiz, dana@example.com.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui.app import clipboard
from followup_tui.app.app import FollowupApp
from followup_tui.app.clipboard import Copied, Tool
from followup_tui.app.screens.composer import ComposerScreen
from tests.support.desktop import Desktop

from .conftest import AppFactory, standard_board
from .helpers import settle

pytestmark = pytest.mark.usefixtures("tone_at_once")


class Page:
    """An app in a browser tab, as the composer's send paths see it."""

    is_web = True

    def __init__(self) -> None:
        self.copied: list[str] = []
        """What reached the clipboard escape."""
        self.opened: list[tuple[str, bool]] = []
        """Each link handed to the browser, and whether in a new tab."""

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append((url, new_tab))


def test_copying_in_a_browser_runs_no_tool_of_the_server() -> None:
    ran: list[Tool] = []

    def run(tool: Tool, text: str) -> str:
        ran.append(tool)
        return ""

    page = Page()
    tools = [Tool("xclip", ("xclip",))]
    copied = asyncio.run(clipboard.copy_text(page, "body text", tools=tools))
    assert page.copied == ["body text"] and ran == []
    assert copied == Copied("", (), False, browser=True)
    assert copied.describe("message") == "Copied the message to the browser's clipboard"


def test_a_mail_link_in_a_browser_goes_to_the_page(quiet_desktop: Desktop) -> None:
    page = Page()
    assert asyncio.run(clipboard.open_mail_from(page, "mailto:dana@example.com")) == ""
    assert page.opened == [("mailto:dana@example.com", False)]
    assert quiet_desktop.opened == []  # not the server's mail client


def test_a_mail_link_in_a_terminal_goes_to_the_desktop(quiet_desktop: Desktop) -> None:
    page = Page()
    page.is_web = False
    assert asyncio.run(clipboard.open_mail_from(page, "mailto:dana@example.com")) == ""
    assert page.opened == [] and quiet_desktop.opened == ["mailto:dana@example.com"]


@pytest.fixture
def in_a_browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, bool]]]:
    """The app believes it is drawn in a browser tab; yields the links it handed the page."""
    opened: list[tuple[str, bool]] = []

    def open_url(self: FollowupApp, url: str, *, new_tab: bool = True) -> None:
        opened.append((url, new_tab))

    monkeypatch.setattr(FollowupApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(FollowupApp, "open_url", open_url)
    yield opened


async def open_composer(pilot: Pilot[Any]) -> ComposerScreen:
    await pilot.pause()
    await pilot.press("c")  # the top pane: Initech's overdue check-in
    await pilot.pause()
    assert isinstance(pilot.app.screen, ComposerScreen)
    return pilot.app.screen


def said(app: FollowupApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_composer_copies_to_the_browser(
    make_app: AppFactory, in_a_browser: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "clipboard_tools", lambda *_, **__: pytest.fail("a tool"))
    app = make_app(standard_board())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_composer(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        subject = screen.query_one("#composer-subject", Input).value
        body = screen.query_one("#composer-body", TextArea).text
        assert app.clipboard == f"Subject: {subject}\n\n{body}"
        assert "Copied the subject and message to the browser's clipboard" in said(app)


async def test_the_composer_hands_the_mail_link_to_the_browser(
    make_app: AppFactory, in_a_browser: list[tuple[str, bool]], quiet_desktop: Desktop
) -> None:
    app = make_app(standard_board())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_composer(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
    ((url, new_tab),) = in_a_browser
    assert urlsplit(url).scheme == "mailto" and urlsplit(url).path == "dana@example.com"
    assert new_tab is False
    assert quiet_desktop.opened == []
    assert any("Opened in your mail client, to dana@example.com" in m for m in said(app))
