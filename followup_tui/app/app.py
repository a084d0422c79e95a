"""The followup app: the store, the settings and the clock, and the screens that use them."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime, tzinfo
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events
from textual._dispatch_key import dispatch_key
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from followup_tui.app import signals, workarounds
from followup_tui.app.held import HeldKeys
from followup_tui.app.live import LiveBoard
from followup_tui.app.saver import Saved, Saver
from followup_tui.app.takeover import KEY as TAKE_OVER_KEY
from followup_tui.app.takeover import TakeOver
from followup_tui.app.text import clean_block, clean_line
from followup_tui.app.warm import WARM_AFTER, Warmer
from followup_tui.clock import Clock
from followup_tui.core.board import standing_of
from followup_tui.core.model import Interview
from followup_tui.core.policy import DEFAULT_POLICY, POLICIES, Policy
from followup_tui.core.standing import Standing
from followup_tui.settings import Settings, SettingsError, save_theme

if TYPE_CHECKING:
    from followup_tui.app.early import EarlyBoard, EarlyStart
    from followup_tui.storage.store import Store

T = TypeVar("T")
CHANGES_EVERY = 2.0
"""Seconds between two looks at the data file for another program's change (a ``stat``)."""


class FollowupApp(App[None]):
    """Interview panes with live badges and countdowns, driven from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "followup"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave followup (every change is already saved)"),
        Binding(
            "ctrl+c",
            "ctrl_c",
            "Copy, or back",
            show=False,
            priority=True,
            tooltip="Copy a selection, else back (or quit)",
        ),
        Binding(
            TAKE_OVER_KEY,
            "take_over",
            "Take over",
            show=False,
            tooltip="Edit here once the other window has closed",
        ),
    ]
    WARM_COMPOSER_AFTER: ClassVar[float | None] = WARM_AFTER
    """Seconds after the first frame to start loading the composer's modules (None: never)."""

    store: Store
    """Where the interviews live; changed only through :meth:`save` (with an early start,
    there once the data file is read)."""

    def __init__(
        self,
        store: Store | None,
        settings: Settings,
        clock: Clock,
        *,
        early: EarlyStart | None = None,
    ) -> None:
        """The app on an open ``store``, with the user's ``settings`` and ``clock``; or,
        with ``early`` (and no store), first drawn from the standings cache, the store
        opened after the first frame."""
        super().__init__()
        workarounds.install()
        if store is not None:
            self.store = store
        elif early is None:
            raise ValueError("the app needs a store or an early start")
        self._early = early
        self.early_board: EarlyBoard | None = early.board if early is not None else None
        """The standings cache's board, drawn until the data file is read (then None)."""
        self.open_error: Exception | None = None
        """Why the data file couldn't be opened after an early start (the app then left)."""
        self.held_keys = HeldKeys(self)
        """Keys typed before the data file was read, replayed once it is."""
        self._gated: asyncio.Future[None] | None = None
        self.settings = settings
        """The user's settings."""
        self.clock = clock
        """The one source of "now" (pinned in tests and screenshots)."""
        self.calendar = settings.calendar()
        """Business days in the user's zone."""
        policy = settings.policy.strip().lower()
        self._policy = policy if policy in POLICIES else DEFAULT_POLICY
        self._saver = Saver()
        self._crash_notice = ""
        self.board = LiveBoard(self.standing, self.calendar)
        """Every interview with its standing; the screens draw it."""
        self.asked_who = False
        """Whether the composer has asked for the user's name this session (it asks once)."""
        self.board_changed: Signal[str | None] = Signal(self, "board-changed")
        """Published after the board changed, with the id of the interview written (if one)."""
        self.takeover = TakeOver(self)
        """A read-only window's offer to become the writer once the writer has gone."""
        self.warmer = Warmer(self)
        """Loads the composer's modules while the board is idle, after the first frame."""

    @property
    def read_only(self) -> bool:
        """Whether this window only reads (another one is editing); False while the data
        file is still to be read after an early start."""
        return self.early_board is None and bool(getattr(self.store, "read_only", False))

    @property
    def zone(self) -> tzinfo:
        """The user's time zone: dates are read and shown in it."""
        return self.calendar.tz

    async def on_event(self, event: events.Event) -> None:
        """As Textual's, but while the data file is read after an early start, keys and
        pastes wait (replayed in order once the board is in) and the mouse does nothing."""
        if isinstance(event, events.InputEvent | events.Paste) and not event.is_forwarded:
            if self.held_keys.hold(event):
                return
            await super().on_event(event)
            self.held_keys.done(event)
            return
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """As Textual's, but a key typed just before the screen on top was made goes to it
        (``workarounds.typed_ahead``), not nowhere."""
        event.prevent_default()  # else Textual's runs too, and checks the bindings again
        if not await self._check_bindings(event.key) and not workarounds.typed_ahead(self, event):
            await dispatch_key(self, event)

    async def action_ctrl_c(self) -> None:
        """Copy the selection; without one, quit from the board, or go back elsewhere."""
        from followup_tui.app.copy_key import press_ctrl_c
        from followup_tui.app.screens.main import MainScreen

        await press_ctrl_c(self, MainScreen)

    def now(self) -> datetime:
        """The current instant, from the app's clock."""
        return self.clock.now()

    def policy_of(self, interview: Interview) -> Policy:
        """The policy an interview follows: its own, else the user's (an unknown one too)."""
        if interview.policy in POLICIES:
            return POLICIES[interview.policy]
        return POLICIES[self._policy]

    def standing(self, interview: Interview, now: datetime) -> Standing:
        """An interview's standing under its own policy (the default one if it is unknown)."""
        try:
            return standing_of(interview, self._policy, now, self.calendar)
        except ValueError:  # the interview names a policy this version doesn't know
            return standing_of(replace(interview, policy=None), self._policy, now, self.calendar)

    def save(
        self, change: Callable[[], T], *, whole_board: bool = False
    ) -> asyncio.Future[Saved[T]]:
        """Change the data: queue ``change`` on the save thread now; await it for the outcome.

        The one way a screen changes the data. Queued at once (ask for it before starting
        the worker that awaits it): a quit typed right after still finds it queued, and the
        app waits for it before leaving. Once it has run, a store error is shown, never
        raised; a success goes onto the board (the interview ``change`` returned, or with
        ``whole_board`` whatever the store now holds; a change that returned None changed
        nothing) and ``board_changed`` tells every screen. Then the caller gets the outcome.
        The write itself starts once the screen has drawn the keys typed with the change
        (see :meth:`~followup_tui.app.saver.Saver.run`).
        """
        from followup_tui.core.codec import CodecError
        from followup_tui.storage.store import StoreError

        drawn = threading.Event()  # the write waits for the screen to catch up (Saver.run)
        pending = self._saver.run(change, (StoreError, CodecError), after=drawn)
        if not self.call_after_refresh(drawn.set):
            drawn.set()

        async def outcome() -> Saved[T]:
            saved = await pending
            if not saved.ok:
                error = f"Not saved: {saved.error}{self.takeover.hint()}"
                self.notify(error, severity="error", timeout=8, markup=False)
            elif whole_board:
                self._show_saved(None)
            elif isinstance(saved.value, Interview):
                self._show_saved(saved.value)
            for notice in self.store.take_notices():  # another program's change, merged
                self.notify(notice, timeout=8, markup=False)
            return saved

        return asyncio.ensure_future(outcome())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, with any control character in it made visible.

        Many name an interview ("Acme: thank-you logged"), and a toast draws its text as it
        is: an escape code in a company name would reach the terminal raw.
        """
        super().notify(
            clean_block(message),
            title=clean_line(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def _show_saved(self, interview: Interview | None) -> None:
        """Take a save into the board: one interview, or (None) whatever the store now holds."""
        if interview is None:
            self.board.load(self.store.interviews(), self.now())
        else:
            self.board.put(interview, self.now())
        self.board_changed.publish(interview.id if interview else None)

    def get_default_screen(self) -> Screen[None]:
        """The board is the app's first screen: read and rank the interviews, then compose it.

        As the default screen (not pushed over Textual's blank one from ``on_mount``) it is
        styled and laid out once before the first frame, not twice.
        """
        hold_collections()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # before any widget is styled
        if self.early_board is None:
            self.board.load(self.store.interviews(), self.now())
        from followup_tui.app.screens.main import MainScreen

        return MainScreen()

    def pop_screen(self) -> AwaitComplete:
        """Close the top screen, but never the board under everything.

        (See :func:`~followup_tui.app.workarounds.may_pop_screen`.)
        """
        if not workarounds.may_pop_screen(self):
            return AwaitComplete()  # nothing to wait for
        return super().pop_screen()

    def on_mount(self) -> None:
        """Leave cleanly if the terminal closes; watch the data file for other writers."""
        if not self.is_headless:  # a real terminal: it may close under us
            signals.watch(asyncio.get_running_loop(), self._leave_on_signal)
        self.set_interval(CHANGES_EVERY, self.on_app_focus)
        self.call_after_refresh(self.on_app_focus)  # a conflict copy already there, say

    def on_app_focus(self) -> None:
        """Take in what a sync client or another window saved meanwhile, and redraw."""
        if self.early_board is not None:
            return  # the file is still to be read
        if self.store.changed_elsewhere():
            self.save(self.store.refresh, whole_board=True)
        self.takeover.look()

    def action_take_over(self) -> None:
        """Become the writer (a read-only window whose writer has gone), reading afresh."""
        self.takeover.take()

    def on_ready(self) -> None:
        """The first frame is on screen: collect garbage again (see :func:`hold_collections`),
        and have the composer ready before its first use (see :mod:`followup_tui.app.warm`)."""
        release_collections()
        if self._early is None:
            self._warm()
        else:
            from followup_tui.app.early import read_file_after

            self._gated = read_file_after(self, self._early)

    def took_in_file(self, store: Store) -> None:
        """After an early start: the data file is read (into ``store``); the board is
        loaded, the cache's rows drawn no more, and what waited for it may run."""
        self.store = store
        self.board.load(store.interviews(), self.now())
        self.early_board = None

    def after_file(self) -> None:
        """After an early start, once the full board is drawn: replay the keys held, look
        for other programs' changes, warm the composer."""
        self.held_keys.replay()
        self.on_app_focus()
        self._warm()

    def _warm(self) -> None:
        if self.WARM_COMPOSER_AFTER is not None:
            self.warmer.start(self.WARM_COMPOSER_AFTER)

    def watch_theme(self, old: str, new: str) -> None:
        """Keep a theme chosen in the palette in the settings file, for next time."""
        if old == new or new == self.settings.theme:  # Textual's first call; the settings' own
            return
        self.settings = replace(self.settings, theme=new)
        try:
            save_theme(new)
        except SettingsError as exc:
            self.notify(f"Theme not kept for next time: {exc}", severity="warning", markup=False)

    def _leave_on_signal(self, signum: int) -> None:
        """SIGTERM, or SIGHUP (the terminal closed): leave as ``q`` does, saves finished."""
        signals.on_stop_signal(signum, self._driver, partial(self.exit, return_code=128 + signum))

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: log it privately, then leave with one line on stderr.

        In place of Textual's handler, whose report would show the user's data (see
        :func:`~followup_tui.app.workarounds.end_after_error`).
        """
        from textual.app import ScreenStackError
        from textual.css.query import NoMatches
        from textual.worker import WorkerFailed

        from followup_tui.crashlog import record_crash

        if isinstance(error, WorkerFailed) and isinstance(error.error, Exception):
            error = error.error  # what the worker raised, with its traceback (the wrapper has none)
        if isinstance(error, NoMatches | ScreenStackError) and self.return_code is not None:
            # Leaving already (a quit key, a stop signal): a screen opened a moment before
            # mounts after its widgets were taken down and finds none, or a key typed just
            # after the quit finds no screen left. Nothing is lost.
            self.log.warning(f"ignored while leaving: {error}")
            return
        where = record_crash(error)
        if not self._crash_notice:
            name = type(error).__name__
            self._crash_notice = f"followup: unexpected error ({name}); details in {where}"
        workarounds.end_after_error(self, error)

    def _print_error_renderables(self) -> None:
        """Print the crash notice (once the terminal is restored) whole, on one line."""
        if self._crash_notice:
            workarounds.print_whole(self._crash_notice)
            self._crash_notice = ""
        super()._print_error_renderables()

    def on_unmount(self) -> None:
        """Let the writes already asked for reach the disk before the app goes."""
        self._saver.close()

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action, unless it is aimed at a screen not shown, closed, or covered.

        Such an action does nothing, as if asked for while that screen wasn't there (see
        :func:`~followup_tui.app.workarounds.screen_may_act`).
        """
        if not workarounds.screen_may_act(self, default_namespace):
            return True
        return await super().run_action(action, default_namespace, namespaces)

    def action_command_palette(self) -> None:
        """Show the command palette (one that may close in the middle of a search)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(workarounds.SteadyCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen, with what it does."""
        from followup_tui.app.screens.help import keys_shown, screen_bindings

        for binding in screen_bindings(screen):
            if not binding.description or screen.check_action(binding.action, ()) is not True:
                continue
            yield SystemCommand(
                f"{binding.description} ({keys_shown(binding)})",
                binding.tooltip or binding.description,
                partial(self.call_later, screen.run_action, binding.action),
            )
        if self.early_board is None and self.store.read_only:
            yield SystemCommand(
                f"Take over editing ({TAKE_OVER_KEY})",
                "Make changes in this window once the other followup has closed",
                self.action_take_over,
            )
        yield from super().get_system_commands(screen)


def hold_collections() -> None:
    """Pause the cycle collector until the first frame is drawn.

    Start-up creates objects by the hundred thousand (the interviews, their standings, the
    widgets), and each threshold crossed runs a collection; a full one walks every object
    alive, which at 10,000 interviews took ~90 ms before the first frame. Everything alive
    so far (Textual's modules, the data just read) is moved out of the collector's sight:
    it lives until the app ends anyway, and reference counting still frees what is dropped.
    (``followup`` itself pauses the collector before importing the app: ``collector``.)
    """
    gc.freeze()
    gc.disable()


def release_collections() -> None:
    """After the first frame: keep start-up's objects out of later collections, and let
    collections run again."""
    gc.freeze()
    gc.enable()
