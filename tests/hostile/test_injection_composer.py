"""The composer on an interview whose every field is hostile: what it shows, and the link.

The templates put the company, the role, the interviewers' names and the notes into the
message; each is drawn inert, on every step and wording. A ``mailto:`` link built from
hostile names and text holds the address and at most a subject and a body.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from followup_tui.app.app import FollowupApp
from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.dialogs import Confirm
from followup_tui.core.model import Interviewer
from followup_tui.storage.drafts import Message
from tests.app.conftest import SETTINGS, AppFactory, stored
from tests.app.helpers import settle
from tests.support.desktop import Desktop

from .screen import assert_inert, hostile, rendered
from .test_injection import WIDE, hostile_interview, paste, said

INJECTED_HEADERS = "\r\nBcc: spy@evil.example\r\n?cc=spy@evil.example&bcc=spy@evil.example"
"""Header injection, as a name or a line of text might carry it."""


pytestmark = pytest.mark.usefixtures("tone_at_once")


def signed(app: FollowupApp) -> FollowupApp:
    """The app with the user's own name and highlight hostile too."""
    app.settings = replace(SETTINGS, name=hostile("ME"), highlight=hostile("HI"))
    return app


async def open_composer(pilot: Any) -> ComposerScreen:
    """Open the composer on the selected (only) interview."""
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ComposerScreen)
    return screen


async def test_every_step_and_wording_is_drawn_inert(make_app: AppFactory) -> None:
    app = signed(make_app([hostile_interview()]))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await open_composer(pilot)
        assert_inert(app, "CO")
        selection = screen.selection
        assert selection is not None
        drawn: set[Message] = set()
        wordings = 0
        # Once round: every wording of every step, each step to both interviewers.
        for _ in range(len(selection.choices)):
            count = len(selection.templates())
            wordings += count
            for key in ["ctrl+n"] * count + ["ctrl+r", "ctrl+t"]:
                drawn.add(selection.message())
                await pilot.press(key)
                await settle(pilot)
                assert_inert(app)
        assert len({(m.key, m.phone, m.variant) for m in drawn}) == wordings
        assert len({m.recipient for m in drawn}) == 2
        await pilot.press("escape")
        await settle(pilot)
        assert_inert(app)  # "draft kept" names the company


async def show_an_article_box(pilot: Pilot[None]) -> Input:
    """Step round to a wording that asks for an article; its box."""
    for _ in range(12):
        box: Input = pilot.app.screen.query_one("#composer-extra-article", Input)
        if box.display:
            return box
        await pilot.press("ctrl+t")
        await settle(pilot)
    raise AssertionError("no wording asked for an article")


async def test_a_paste_into_the_article_box_is_drawn_inert(make_app: AppFactory) -> None:
    app = signed(make_app([hostile_interview()]))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await open_composer(pilot)
        box = await show_an_article_box(pilot)
        box.focus()
        await paste(pilot, hostile("AR"))
        await settle(pilot)
        assert_inert(app, "AR")


async def test_pasted_into_the_message_it_is_drawn_inert(make_app: AppFactory) -> None:
    app = signed(make_app([hostile_interview()]))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await open_composer(pilot)
        app.screen.query_one("#composer-subject", Input).focus()
        await paste(pilot, hostile("SU"))
        app.screen.query_one("#composer-body").focus()
        await paste(pilot, hostile("BO") + "\n" + hostile("B2"))
        await settle(pilot)
        assert_inert(app, "SU", "BO", "B2")


async def test_a_link_from_hostile_names_adds_no_header(
    make_app: AppFactory, quiet_desktop: Desktop, data_file: Path
) -> None:
    sneaky = Interviewer("Dana" + INJECTED_HEADERS, email="dana@acme.example")
    interview = replace(
        hostile_interview(), interviewers=(sneaky,), notes=INJECTED_HEADERS, events=()
    )
    app = signed(make_app([interview]))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await open_composer(pilot)
        app.screen.query_one("#composer-subject", Input).focus()
        await paste(pilot, INJECTED_HEADERS)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert rendered(app).raw == []
        (url,) = quiet_desktop.opened
        parts = urlsplit(url)
        assert url.isascii() and url.isprintable()
        assert unquote(parts.path) == "dana@acme.example"
        fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
        assert set(fields) <= {"subject", "body"}
        assert all(len(v) == 1 for v in fields.values())
        assert "\n" not in fields.get("subject", [""])[0]
        await pilot.press("ctrl+l")  # mark sent: the notification names them, inert
        await settle(pilot)
        if isinstance(app.screen, Confirm):  # a greeting the check can't match: it asks
            assert_inert(app)
            await pilot.click("#yes")
            await settle(pilot)
        assert any("marked sent" in m for m in said(app))
        assert_inert(app)
    (saved,) = stored(data_file).values()
    assert saved.events, "marking it sent logged nothing"


@pytest.mark.parametrize(
    "address", ["dana@acme.example" + INJECTED_HEADERS, "dana@acme.example?cc=spy@x.example"]
)
async def test_a_hostile_address_opens_nothing(
    make_app: AppFactory, quiet_desktop: Desktop, address: str
) -> None:
    sneaky = Interviewer("Dana", email=address)
    app = signed(make_app([replace(hostile_interview(), interviewers=(sneaky,))]))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await open_composer(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert any("Not opened" in m for m in said(app))
        assert_inert(app)
    assert quiet_desktop.opened == []
