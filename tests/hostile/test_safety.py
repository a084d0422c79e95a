"""The safe text boxes (control characters drawn visibly, one for one; values untouched),
and option lists that survive a one-cell terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widgets import OptionList

from followup_tui.app.safety import SafeInput, SafeTextArea, visible, visible_strip
from followup_tui.app.workarounds import harden_option_lists

from .screen import acts_on_a_terminal, rendered


def test_visible_swaps_each_control_for_a_symbol() -> None:
    assert visible("a\x1b[2Jb") == "a\u241b[2Jb"  # ␛
    assert visible("\x00\x7f\x9b") == "\u2400\u2421\ufffd"
    assert visible("\u202eevil\u202c") == "\ufffdevil\ufffd"
    assert visible("caf\u00e9 \U0001f469\u200d\U0001f4bb [b]x[/b]") == (
        "caf\u00e9 \U0001f469\u200d\U0001f4bb [b]x[/b]"  # letters, emoji and markup as they are
    )


@given(st.text())
def test_visible_is_one_for_one_and_leaves_nothing_that_acts(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(acts_on_a_terminal(ch) for ch in shown.replace("\n", "\u2424"))


def test_a_strip_keeps_its_width_and_styles() -> None:
    red = Style(color="red")
    strip = Strip([Segment("ab\x1b\x1bcd", red), Segment("  ")])
    shown = visible_strip(strip)
    assert shown.cell_length == strip.cell_length
    assert shown.text == "ab\u241b\u241bcd"[: strip.cell_length]
    assert {seg.style for seg in shown if seg.text.strip()} == {red}
    plain = Strip([Segment("plain")])
    assert visible_strip(plain) is plain


class Boxes(App[None]):
    """One safe input and one safe text area, holding escape codes."""

    def compose(self) -> ComposeResult:
        """The two boxes."""
        yield SafeInput("A\x1b[2JZ", id="line")
        yield SafeTextArea("first\x1b]0;t\x07\nsecond", id="area")


async def test_the_boxes_draw_symbols_and_keep_the_value() -> None:
    app = Boxes()
    async with app.run_test(size=(60, 12)) as pilot:
        line = app.query_one("#line", SafeInput)
        line.focus()
        await pilot.press("end", "left", "x")  # typed just before the Z
        await pilot.pause()
        assert line.value == "A\x1b[2JxZ"  # the value as typed, escape included
        area = app.query_one("#area", SafeTextArea)
        assert area.text == "first\x1b]0;t\x07\nsecond"
        frame = rendered(app)
        assert frame.raw == []
        assert "A\u241b[2JxZ" in frame.text
        assert "first\u241b]0;t " in frame.text  # Rich itself drops BEL, BS, VT, FF and CR


class Options(App[None]):
    """An option list, as our dialogs, Select drop-downs and the palette have."""

    def compose(self) -> ComposeResult:
        """Five options."""
        yield OptionList(*(f"option {n}" for n in range(5)))


async def test_an_option_list_survives_a_one_cell_terminal() -> None:
    harden_option_lists()  # as FollowupApp does on start
    app = Options()
    async with app.run_test(size=(40, 10)) as pilot:
        options = app.query_one(OptionList)
        options.focus()
        options.highlighted = 2
        await pilot.resize_terminal(1, 1)  # unpatched: ValueError laying out in width 0
        await pilot.press("pagedown", "pageup", "down")  # unpatched: KeyError, no lines
        await pilot.resize_terminal(40, 10)
        await pilot.press("pagedown")
        assert options.highlighted == 4  # (run_test would raise any error the app met)
