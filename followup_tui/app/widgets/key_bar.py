"""The key bar at the foot of a screen: one widget drawing one line of keys.

Textual's ``Footer`` mounts a widget per key (and rebuilds them all whenever the keys
change), and styling each of those was a fifth of the board's time to first paint. This
bar draws the same line — key, then what it does, greyed when it can't be used now — as
one piece of text, and a change of keys is only a repaint. A click on a key presses it, and
hovering over one shows its longer description.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

KEPT_KEYS = frozenset({"question_mark", "q", "escape", "ctrl+s"})
"""Keys a bar keeps whatever the width (help, quit, back, save): others make room."""


@dataclass(frozen=True, slots=True)
class KeySpan:
    """One key as drawn: where it sits on the line and what it does."""

    start: int
    """First cell."""
    end: int
    """The cell after the last."""
    key: str
    """The key to press when it is clicked."""
    enabled: bool
    """False when the key can't be used now (drawn dim)."""
    tooltip: str
    """The longer description shown on hover."""


class KeyBar(Widget, can_focus=False):
    """The keys of the current screen, as Textual's footer shows them, on one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--hover { background: $block-hover-background; }
    }
    """

    def __init__(
        self,
        *,
        show_command_palette: bool = True,
        keep: frozenset[str] = KEPT_KEYS,
        id: str | None = None,
    ) -> None:
        """A bar of the screen's keys; with ``show_command_palette`` the palette's key sits
        at the right end; the keys in ``keep`` stay when others make room."""
        super().__init__(id=id)
        self.keep = keep
        """Keys drawn whatever the width: others are dropped, from the right, first."""
        self.show_command_palette = show_command_palette
        """Whether the command palette's key is drawn (at the right end)."""
        self._spans: list[KeySpan] = []
        self._hover: int | None = None

    @property
    def spans(self) -> list[KeySpan]:
        """The keys as last drawn, left to right."""
        return list(self._spans)

    def on_mount(self) -> None:
        """Redraw whenever the screen's keys change."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop following the screen's keys."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Text:
        """The line: `` a Add  e Edit …`` and, at the right end, the palette's key.

        Keys that don't fit make room, from the right, for the kept ones (help, quit, back,
        save); what still doesn't fit is cut off at the right edge (before the palette's key).
        """
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        with_palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        keys: list[tuple[str, str, str, bool, str]] = []
        right: tuple[str, str, str, bool, str] | None = None
        shown_actions: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            tip = active.tooltip or binding.tooltip or binding.description
            entry = (binding.key, app.get_key_display(binding), binding.description)
            if key == palette:
                if with_palette:
                    right = (*entry, active.enabled, tip)
                continue
            if binding.show and binding.action not in shown_actions:
                shown_actions.add(binding.action)
                keys.append((*entry, active.enabled, tip))

        width = self.size.width
        tail = self._key_text(right, len(keys), palette=True) if right is not None else Text()
        room = max(width - tail.cell_len - (1 if right is not None else 0), 0)
        keys = self._fitted(keys, room)
        line = Text(no_wrap=True, end="")
        spans: list[KeySpan] = []
        for index, (key, _, _, enabled, tip) in enumerate(keys):
            start = line.cell_len
            if start >= room:
                break
            line.append_text(self._key_text(keys[index], index))
            spans.append(KeySpan(start, min(line.cell_len, room), key, enabled, tip))
        line.truncate(room, overflow="crop", pad=True)
        if right is not None:
            line.append("▏", Style(dim=True))
            spans.append(KeySpan(line.cell_len, width, right[0], right[3], right[4]))
            line.append_text(tail)
            line.truncate(width, overflow="crop")
        self._spans = spans
        return line

    def _fitted(
        self, keys: list[tuple[str, str, str, bool, str]], room: int
    ) -> list[tuple[str, str, str, bool, str]]:
        """``keys`` less the rightmost ones not kept, until the rest fit in ``room``."""
        kept = list(keys)
        widths = [self._key_text(entry, -1).cell_len for entry in kept]
        index = len(kept) - 1
        while sum(widths) > room and index >= 0:
            if kept[index][0] not in self.keep:
                del kept[index], widths[index]
            index -= 1
        return kept

    def _key_text(
        self, entry: tuple[str, str, str, bool, str], index: int, *, palette: bool = False
    ) -> Text:
        """One key as drawn: `` a Add `` (the palette's: ``^p palette ``), lit when hovered,
        dim when it can't be used."""
        _, shown, description, enabled, _ = entry
        extra = Style() if enabled else Style(dim=True)
        if index == self._hover:
            extra = self.get_component_rich_style("key-bar--hover", partial=True) + extra
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text_style = self.get_component_rich_style("key-bar--description", partial=True)
        if palette:  # as Textual's footer draws it
            return Text.assemble(
                (shown, key_style + extra), (f" {description} ", text_style + extra)
            )
        text = Text.assemble((f" {shown} ", key_style + extra))
        if description:
            text.append(f"{description} ", text_style + extra)
        return text

    def _span_at(self, x: int) -> int | None:
        for index, span in enumerate(self._spans):
            if span.start <= x < span.end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light up the key under the pointer and show its description."""
        index = self._span_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = self._spans[index].tooltip if index is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        """The pointer left: nothing is lit."""
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click presses the key under the pointer (a bell if it can't be used now)."""
        index = self._span_at(event.x)
        if index is None:
            return
        span = self._spans[index]
        if span.enabled:
            self.app.simulate_key(span.key)
        else:
            self.app.bell()
