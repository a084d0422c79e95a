"""Every place followup works around Textual, with the behaviour each one answers.

Written for Textual 8.2.8 (pinned in ``pyproject.toml``); most reach into its private
API. ``tests/app/test_workarounds.py`` checks that stock Textual still behaves as each
docstring says, and names the workaround that can go once an upgrade stops it.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, cast

from textual import events
from textual._time import get_time as message_time
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.screen import Screen, ScreenResultType
from textual.widget import Widget
from textual.widgets import OptionList
from textual.worker import Worker

from followup_tui.app.workarounds_css import match_styles_once

if TYPE_CHECKING:
    from textual.app import App
    from textual.geometry import Size

TEXTUAL_VERSION = "8.2.8"
"""The Textual release these workarounds were written for and tested against."""


_search = cast(
    "Callable[[CommandPalette, str], Awaitable[None]]",
    CommandPalette._gather_commands.__wrapped__,  # type: ignore[attr-defined]
)
"""Textual's palette search itself (the method under its ``@work`` decorator)."""


class SteadyCommandPalette(CommandPalette):
    """The command palette; closing it in the middle of a search is not an error.

    Textual 8.2.8's palette searches in a background worker; closed while that worker
    runs (ctrl+p then escape at once, a key typed before it is up, a quit), the search
    finds none of the palette's widgets and its ``NoMatches`` ends the app. This one
    runs the same search, and a search whose palette is closing just stops.
    """

    def _gather_commands(self, search_value: str) -> Worker[None]:
        """Search for ``search_value`` in the background, as Textual's palette does."""
        # A callable, not a coroutine: a search replaced before it starts is never created.
        return self.run_worker(
            partial(self._search_while_open, search_value),
            exclusive=True,
            group=self._GATHER_COMMANDS_GROUP,
        )

    async def _search_while_open(self, search_value: str) -> None:
        try:
            await _search(self, search_value)
        except NoMatches:
            if self.still_open:
                raise  # a real fault, not a closed palette

    @property
    def still_open(self) -> bool:
        """True while the palette is up with its widgets; False once it is closing.

        Being taken down, it stays attached to the app for a while after its widgets are
        gone (Textual marks it as pruning, then closes it).
        """
        closing = self._closing or self._closed or self._pruning
        return self.is_attached and not closing and self in self.app.screen_stack


_update_lines = OptionList._update_lines
_content_height = OptionList.get_content_height
_move_page = OptionList._move_page
STOCK_OPTION_LIST: dict[str, object] = {
    "_update_lines": _update_lines,
    "get_content_height": _content_height,
    "_move_page": _move_page,
}
"""Textual's own ``OptionList`` methods, before :func:`harden_option_lists` wraps them."""


def harden_option_lists() -> None:
    """Keep Textual's ``OptionList`` from crashing the app in a tiny terminal.

    Textual 8.2.8 raises from an option list (ours, a ``Select``'s drop-down, the command
    palette) when the terminal is a few cells wide or tall: laying out options in a width
    of zero divides by it (``ValueError``), and paging before any line is laid out looks
    up a line that isn't there (``KeyError``). Either would end the app. Here the list
    instead stays as it is until the terminal is big enough to lay it out again. Only
    those two failures are caught; the class is patched once, for the whole process.
    """
    if getattr(OptionList, "_followup_hardened", False):
        return

    def update_lines(self: OptionList) -> None:
        try:
            _update_lines(self)
        except ValueError:  # no width to lay options out in: done again on the next resize
            return

    def get_content_height(self: OptionList, container: Size, viewport: Size, width: int) -> int:
        try:
            return _content_height(self, container, viewport, width)
        except ValueError:  # no width to lay options out in
            return 0

    def move_page(self: OptionList, direction: Literal[-1, 1]) -> None:
        try:
            _move_page(self, direction)
        except KeyError:  # nothing laid out yet, so no page to move by
            return

    OptionList._update_lines = update_lines  # type: ignore[method-assign]
    OptionList.get_content_height = get_content_height  # type: ignore[method-assign]
    OptionList._move_page = move_page  # type: ignore[method-assign]
    OptionList._followup_hardened = True  # type: ignore[attr-defined]


class StyledOnceScreen(Screen[ScreenResultType]):
    """A screen that is not styled a second time as it first comes up.

    Textual 8.2.8 styles each widget as it is mounted, and then, as the screen pushed
    comes to the top (``ScreenResume``, whose ``refresh_styles`` is always true from
    ``push_screen``), styles its whole tree again: on the edit form, ~100 widgets, a
    sixth of the time before its first frame. A screen built for one use has had no
    chance to miss a change of theme or class in between, so its first resume skips that
    second pass; any later one asking for it (a mode or screen switched back to) gets it.
    """

    _styled_once = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (Textual calls each class's, subclass first).
        if not self._styled_once:
            self._styled_once = True
            event.refresh_styles = False


_update_node_styles = DOMNode.update_node_styles
STOCK_DOM_NODE: dict[str, object] = {"update_node_styles": _update_node_styles}
"""Textual's own ``DOMNode`` methods, before :func:`style_widgets_once_mounted` wraps them."""


def style_widgets_once_mounted() -> None:
    """Skip restyling a widget that is not mounted yet.

    Textual 8.2.8 restyles a widget (and everything under it) at once whenever one of its
    classes changes, even before it is mounted: a ``Button`` does so twice as it is made
    (its variant, its flatness), a ``Select`` as it gets its value. Mounting styles it
    anyway, with the classes it has then, so that work is thrown away; on the edit form
    it was a tenth of the time before the first frame. A widget with a parent is
    restyled as before.
    """
    if getattr(DOMNode, "_followup_styled_once_mounted", False):
        return

    def update_node_styles(self: DOMNode, animate: bool = True) -> None:
        if self._parent is None and isinstance(self, Widget):
            return  # not mounted: styled as it is
        _update_node_styles(self, animate)

    DOMNode.update_node_styles = update_node_styles  # type: ignore[method-assign]
    DOMNode._followup_styled_once_mounted = True  # type: ignore[attr-defined]


def install() -> None:
    """Patch Textual's classes as the app needs (once per process; again does nothing)."""
    harden_option_lists()
    dismiss_only_from_top()
    style_widgets_once_mounted()
    match_styles_once()


_dismiss = Screen.dismiss
STOCK_SCREEN: dict[str, object] = {"dismiss": _dismiss}
"""Textual's own ``Screen`` methods, before :func:`dismiss_only_from_top` wraps them."""


def dismiss_only_from_top() -> None:
    """Make a screen's ``dismiss`` do nothing unless that screen is the one on top.

    Textual 8.2.8's ``Screen.dismiss`` hands over the screen's result, then pops whichever
    screen is on top. A screen covered meanwhile (enter read by a dialog just as ctrl+p
    put the palette over it; a form whose save ends under the palette) closes the cover
    instead and stays, its result already given: its next close raises
    ``InvalidStateError`` and ends the app. Here a covered screen stays as it is, to be
    closed again once it is on top. Patched once, for the whole process.
    """
    if getattr(Screen, "_followup_dismiss_from_top", False):
        return

    def dismiss(self: Screen[Any], result: Any = None) -> AwaitComplete:
        if self is not self.app.screen:
            return AwaitComplete()  # nothing closed, nothing to wait for
        return _dismiss(self, result)

    dismiss.__doc__ = _dismiss.__doc__
    Screen.dismiss = dismiss  # type: ignore[method-assign]
    Screen._followup_dismiss_from_top = True  # type: ignore[attr-defined]


def may_pop_screen(app: App[Any]) -> bool:
    """Whether ``App.pop_screen`` may run: never to take away the last screen.

    Textual 8.2.8's ``pop_screen`` raises ``ScreenStackError`` when only one screen is
    left, which a close asked for twice (two quick escapes) could reach. That close
    should do nothing.
    """
    return len(app.screen_stack) > 1


def screen_may_act(app: App[Any], namespace: DOMNode | None) -> bool:
    """Whether an action aimed at ``namespace`` may run (always, unless it is a screen
    not yet shown, already closed, or covered by another).

    Textual 8.2.8 runs an action on the screen its key was read for, whatever has become
    of that screen since: typed fast, the key after the one that opens a screen reaches
    the new screen before it has made its widgets; a key read while a form was on top
    runs after a save has closed it; and a palette command runs a moment after the
    palette closes, when another screen may be on top, which a ``dismiss`` would close
    instead. Each would act on no widgets or on the wrong screen.
    """
    if not isinstance(namespace, Screen):
        return True
    return namespace.is_mounted and namespace.is_attached and namespace is app.screen


class TypesAhead:
    """For a screen that starts in a field: keys typed with the one that opened it, read
    before that field had the focus, are typed into it (see :func:`typed_ahead`).

    Mixed in before the screen class; the screen calls :meth:`focus_first` as it mounts.
    """

    ready_at: float = math.inf
    """When the first field had the focus (infinity until then), on the clock of
    Textual's messages (``Message.time``): keys read before then are typed ahead."""

    _on_their_way = 0

    @property
    def typing_ahead(self) -> bool:
        """Whether keys typed ahead are still on their way to the field: something typed,
        though the field does not show it yet (an escape read meanwhile must ask)."""
        return self._on_their_way > 0

    def focus_first(self, widget: Widget, *, scroll_visible: bool = True) -> None:
        """Focus ``widget`` now, not a moment later (as ``focus()`` does): keys read from
        here on go to it."""
        cast("Screen[Any]", self).set_focus(widget, scroll_visible=scroll_visible)
        self.ready_at = message_time()

    def type_ahead(self, key: str, character: str) -> None:
        """A key typed with the one that opened the screen (it went to the screen below):
        into the widget with the focus once the screen is up, as if typed a moment later."""
        self._on_their_way += 1
        cast("Screen[Any]", self).call_later(self._type_now, key, character)

    def on_key(self, event: events.Key) -> None:
        """A key read once the screen was made but before its first field had the focus
        came to the screen itself: typed into that field, as the keys read after it are."""
        if event.character is not None and event.is_printable and event.time < self.ready_at:
            event.stop()
            event.prevent_default()
            self._on_their_way += 1
            self._type_now(event.key, event.character)

    def _type_now(self, key: str, character: str) -> None:
        focused = cast("Screen[Any]", self).focused
        if focused is None:
            self._on_their_way -= 1
            return
        focused.post_message(events.Key(key, character))
        # Queued behind the key: runs once the widget has taken it.
        focused.call_later(self._arrived)

    def _arrived(self) -> None:
        self._on_their_way -= 1


def typed_ahead(app: App[Any], event: events.Key) -> bool:
    """Hand a key no binding took, typed before the screen on top was ready for it, to that
    screen (if it :class:`TypesAhead`); True if it was handed over.

    Textual 8.2.8 sends each key to the widget focused as the app reads it. Keys typed
    together with the one that opens a screen (``e`` then a company's name) are read
    before that screen is up: they go to the screen below, bubble back to the app once the
    new screen is on top, and are dropped there. A person typing slower sees them typed.
    """
    screen = app.screen
    if not isinstance(screen, TypesAhead) or event.time >= screen.ready_at:
        return False
    if event.character is None or not event.is_printable:
        return False
    screen.type_ahead(event.key, event.character)
    return True


def end_after_error(app: App[Any], error: Exception) -> None:
    """Textual's own bookkeeping for an unexpected error, without its report.

    Textual 8.2.8's ``App._handle_exception`` prints a traceback showing the local
    variables of every frame, and those hold the user's interviews and notes. What it
    also does, kept here: the app ends with return code 1, and the first error is kept
    for ``run_test`` to raise.
    """
    app._return_code = 1
    if app._exception is None:
        app._exception = error
        app._exception_event.set()
    app._close_messages_no_wait()


def withdraw(app: App[Any], message: str) -> None:
    """Take down the notices showing ``message`` before their time, and leave the others.

    Textual 8.2.8 removes one notification only from inside (``App._unnotify``, as its
    time runs out or it is clicked); its public ``clear_notifications`` takes down every
    notice, including ones shown only once that the user may still need to read.
    """
    for notification in list(app._notifications):
        if notification.message == message:
            app._unnotify(notification)


def print_whole(line: str) -> None:
    """Print ``line`` on stderr as it is, for a notice printed as the app ends.

    Textual 8.2.8 prints its errors once the terminal is restored, from
    ``App._print_error_renderables``, through a console that fits each line to the
    terminal's width; a notice printed from that same hook goes out here instead, whole.
    """
    print(line, file=sys.stderr, flush=True)


def revive_output(driver: object) -> None:
    """Give ``driver`` a working output thread after the terminal closed.

    Textual 8.2.8's output thread (``driver._writer_thread``) ends at the first write that
    fails, and leaving waits on it forever. A hang-up may fail that write a moment after
    this is called, the thread still alive when it is looked at, so it is always replaced:
    the new one writes to ``/dev/null``, and the old one is asked to stop after what it
    holds (written to ``/dev/null`` too, the terminal's descriptors being pointed there
    first) or, if it has died, left behind. Anything unexpected (another driver, a renamed
    attribute) leaves things as they are: the timer of
    :func:`followup_tui.app.signals.exit_after` still ends the process.
    """
    from queue import Full

    from textual.drivers._writer_thread import WriterThread

    old = getattr(driver, "_writer_thread", None)
    if not isinstance(old, WriterThread):
        return
    fresh = WriterThread(open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long)
    fresh.start()
    driver._writer_thread = fresh  # type: ignore[attr-defined]
    with contextlib.suppress(Full):  # a dead thread's queue may be full: nobody waits on it
        old._queue.put_nowait(None)


async def settled() -> None:
    """Return once the app has done what the last input asked for (its messages handled,
    screens mounted).

    Textual 8.2.8 has no public wait for that; its test pilot waits, between two keys it
    presses, with ``textual._wait.wait_for_idle(0)``: until the process stops using the
    CPU (at most a second). The keys held while the data file is read are replayed so.
    """
    from textual._wait import wait_for_idle

    await wait_for_idle(0)
