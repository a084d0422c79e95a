"""The composer on a closed interview: the answer to an offer, or one plain line on why
there is nothing to write (and, for an advanced round, where to write instead)."""

from __future__ import annotations

import pytest

from followup_tui.app.screens.composer import ComposerScreen
from followup_tui.app.screens.main import MainScreen
from tests.support.closed import CLOSED

from .conftest import SETTINGS, AppFactory
from .helpers import settle

SAID = {
    "advanced": "Acme moved you to a next round: write from that one (onsite, Tue 10 Nov)",
    "withdrew": "You withdrew from Acme: nothing more is owed to them",
    "no response": "Acme went quiet and your closing note is sent: nothing more is owed "
    "(w on the board keeps in touch)",
    "no response, kept warm": "Acme went quiet, and your closing and keep-warm notes are "
    "sent: nothing more is owed",
    "thanked after rejection": "Acme said no and you have thanked them: nothing more is owed",
    "archived": "Acme is archived: bring it back (x on the board) to write to them",
}
"""What pressing c says where nothing is offered."""

ANSWERS = {"offer accepted": ["accept the offer"], "offer declined": ["decline the offer"]}
"""What the composer offers where a message is left: the answer given, in writing."""


def test_the_table_covers_every_closed_outcome() -> None:
    assert set(SAID) | set(ANSWERS) == set(CLOSED)


@pytest.mark.parametrize("outcome", sorted(CLOSED))
async def test_c_on_a_closed_interview(make_app: AppFactory, outcome: str) -> None:
    closed, *later = CLOSED[outcome]
    app = make_app([closed, *later])
    app.settings = SETTINGS
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("s")  # closed ones shown
        await pilot.pause()
        assert screen.panes.select_id(closed.id)
        await pilot.press("c")
        await settle(pilot)
        if outcome in ANSWERS:
            composer = app.screen
            assert isinstance(composer, ComposerScreen) and composer.selection is not None
            assert [c.label for c in composer.selection.choices] == ANSWERS[outcome]
            return
        assert app.screen is screen  # back on the board, not an empty composer
        said = [n.message for n in app._notifications]
        assert said[-1] == SAID[outcome]
        assert "\n" not in said[-1]


async def test_c_on_an_advanced_round_not_yet_added_says_how_to_add_it(
    make_app: AppFactory,
) -> None:
    closed, *_ = CLOSED["advanced"]  # its next round left off the board
    app = make_app([closed])
    app.settings = SETTINGS
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("s")
        await pilot.pause()
        assert screen.panes.select_id(closed.id)
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is screen
        said = [n.message for n in app._notifications]
        assert said[-1] == (
            "Acme moved you to a next round: write from that one (a on the board adds it)"
        )
