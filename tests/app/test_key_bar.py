"""The key bar: the screen's keys on one line, greyed when unusable, clickable."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.strip import Strip

from followup_tui.app.widgets.key_bar import KeyBar

from .conftest import AppFactory


class Keys(App[None]):
    """Three keys shown (one greyed until ``ready``), one hidden, and the palette."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add one"),
        Binding("e", "edit", "Edit"),
        Binding("h", "hidden", "Hidden", show=False),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, *, palette: bool) -> None:
        super().__init__()
        self.palette = palette
        self.ready = False
        self.done: list[str] = []

    def compose(self) -> ComposeResult:
        yield KeyBar(show_command_palette=self.palette)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "edit" and not self.ready else True

    def action_add(self) -> None:
        self.done.append("add")

    def action_edit(self) -> None:
        self.done.append("edit")

    def bell(self) -> None:
        self.done.append("bell")


def line_of(bar: KeyBar) -> Strip:
    return bar.render_lines(bar.region.reset_offset)[0]


def text_of(strip: Strip) -> str:
    return "".join(segment.text for segment in strip)


async def test_shown_keys_in_order_with_the_palette_at_the_right_end() -> None:
    app = Keys(palette=True)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        text = text_of(line_of(bar))
        assert text.startswith(" a Add  e Edit  ^s Save ")
        assert "Hidden" not in text
        assert text.endswith("▏^p palette ")
        assert len(text) == 60
        assert [span.key for span in bar.spans] == ["a", "e", "ctrl+s", "ctrl+p"]
        assert bar.spans[0].tooltip == "Add one"


async def test_a_key_that_cannot_be_used_is_dim_until_it_can() -> None:
    app = Keys(palette=False)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)

        def colour_of(word: str) -> object:
            # Textual draws dim text by blending its colour toward the background.
            strip = line_of(bar)
            return next(s.style.color for s in strip if s.text.strip() == word and s.style)

        assert [span.enabled for span in bar.spans] == [True, False, True]
        assert colour_of("Edit") != colour_of("Add")
        app.ready = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert [span.enabled for span in bar.spans] == [True, True, True]
        assert colour_of("Edit") == colour_of("Add")


async def test_a_click_presses_the_key_and_a_greyed_key_rings_the_bell() -> None:
    app = Keys(palette=False)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(2, 0))  # on " a Add "
        await pilot.click(KeyBar, offset=(9, 0))  # on " e Edit " (greyed)
        await pilot.pause()
        assert app.done == ["add", "bell"]


async def test_keys_that_do_not_fit_make_room_for_save_then_are_cut_at_the_edge() -> None:
    app = Keys(palette=True)
    async with app.run_test(size=(28, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        text = text_of(line_of(bar))
        assert text == " a Add  ^s Save ▏^p palette "
        assert [span.key for span in bar.spans] == ["a", "ctrl+s", "ctrl+p"]
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        text = text_of(line_of(bar))
        assert text == " ^s Save▏^p palette "[:20]
        assert all(span.end <= 20 for span in bar.spans)


async def test_the_board_shows_its_keys_and_greys_those_needing_an_interview(
    make_app: AppFactory,
) -> None:
    app = make_app(interviews=[])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        enabled = {span.key: span.enabled for span in bar.spans}
        assert enabled["a"] and enabled["q"]
        assert not enabled["e"] and not enabled["c"]
