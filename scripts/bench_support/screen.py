"""The measures taken from outside, through a real pseudo-terminal: what a user sees.

- first paint and peak memory of the app against a bare Textual app (alternated);
- key presses: moving the selection, opening and closing the composer, and a key pressed
  while a save is running against the same key with nothing saving;
- the CPU the idle app burns while its countdowns tick on the real clock.

Keys are typed as a terminal sends them. Escape is sent in the kitty keyboard protocol's
form (``CSI 27 u``), which Textual asks for at start-up: a bare ESC byte would make every
measure that uses it include Textual's 100 ms wait for a following byte.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bench_support.stats import alternate
from bench_support.terminal import SYNC_END, PtySession, Response

ESCAPE = b"\x1b[27u"
"""The escape key, unambiguous (kitty keyboard protocol)."""
HELP_MARKER = b"Act on the selected interview"
"""Text the help screen (``?``) shows and the board never does."""
QUIET = 0.15
"""Seconds without output after which the screen counts as settled."""
START_TIMEOUT = 60.0
"""Longest wait for a first frame."""


@dataclass(frozen=True, slots=True)
class Program:
    """A program to run in the pty, and the text that shows its first useful frame."""

    argv: Sequence[str]
    """Command line (argv[0] is an absolute path)."""
    env: Mapping[str, str]
    """Its whole environment."""
    markers: Sequence[bytes]
    """Any of these on screen means the frame we wait for has been drawn."""


@dataclass
class Start:
    """One start of a program: its first paint and its peak memory."""

    paint: float
    """Seconds from the fork to the end of the first frame showing a marker."""
    max_rss_kib: int
    """Peak resident set size over the run."""


def _first_frame_end(session: PtySession, markers: Sequence[bytes]) -> float:
    at = session.wait_for(markers, START_TIMEOUT)
    position = min(p for m in markers if (p := session.buffer.find(m)) >= 0)
    opened = session.buffer.rfind(b"\x1b[?2026h", 0, position)
    closed = session.buffer.rfind(SYNC_END, 0, position)
    if opened > closed:  # the marker is inside a synchronized frame: wait for its end
        return session.wait_for([SYNC_END], START_TIMEOUT, start=position)
    return at


def start_once(program: Program) -> Start:
    """Start the program, wait for its first frame, let it settle, quit it."""
    session = PtySession(program.argv, program.env)
    try:
        painted = _first_frame_end(session, program.markers)
        session.settle(QUIET, START_TIMEOUT)
        ended = session.finish()
    except BaseException:
        session.kill()
        raise
    return Start(painted - session.started, ended.max_rss_kib)


def starts(app: Program, bare: Program, repeats: int) -> tuple[list[Start], list[Start]]:
    """``repeats`` starts of each, alternating which goes first (app, bare, bare, app, …)."""
    return alternate(lambda: start_once(app), lambda: start_once(bare), repeats)


@dataclass
class Keys:
    """Samples of the key-press measures (seconds)."""

    move_first: list[float] = field(default_factory=list)
    """``j``: until the first frame (the selection has moved)."""
    move_settled: list[float] = field(default_factory=list)
    """``j``: until the screen stopped changing (footer and scrollbar redrawn too)."""
    move_cpu: float = 0.0
    """CPU seconds the app used per move, on average."""
    composer_open: list[float] = field(default_factory=list)
    """``c``: until the composer's first frame (empty when there is no composer)."""
    composer_close: list[float] = field(default_factory=list)
    """Escape on the composer: until the board's first frame."""
    probe_idle: list[float] = field(default_factory=list)
    """``?`` with nothing saving: until the help text is on screen."""
    probe_saving: list[float] = field(default_factory=list)
    """``?`` typed just after ``x`` (archive, which saves): until the help text is on screen."""
    notes: list[str] = field(default_factory=list)
    """Anything odd seen (a key that drew nothing)."""


def _first(response: Response, keys: Keys, what: str) -> float:
    if response.first_frame is None:
        keys.notes.append(f"{what}: no frame drawn")
        return response.settled
    return response.first_frame


def _probe(session: PtySession, typed: bytes) -> float:
    """Type ``typed`` (ending in ``?``); seconds until the help text shows. Closes it again."""
    start = len(session.buffer)
    sent = session.send(typed)
    shown = session.wait_for([HELP_MARKER], 30.0, start=start)
    session.settle(QUIET, 30.0)
    session.press(ESCAPE, QUIET)
    return shown - sent


def key_session(
    app: Program,
    *,
    open_rows: int,
    moves: int,
    composer: bool,
    composer_rounds: int,
    save_rounds: int,
) -> Keys:
    """One app run: ``moves`` presses of ``j`` (back to the top with ``g`` now and then),
    the composer opened and closed, and the save probe, alternating idle and saving."""
    keys = Keys()
    session = PtySession(app.argv, app.env)
    try:
        _first_frame_end(session, app.markers)
        session.settle(QUIET, START_TIMEOUT)
        # Warm-up, untimed: the first use of a code path pays for imports and caches.
        for warm in (b"j", b"k", b"?", ESCAPE):
            session.press(warm, QUIET)
        span = max(min(10, open_rows - 1), 1)
        cpu = 0.0
        for index in range(moves):
            if index and index % span == 0:
                session.press(b"g", QUIET)
            before = session.cpu_seconds()
            response = session.press(b"j", QUIET)
            cpu += session.cpu_seconds() - before
            keys.move_first.append(_first(response, keys, "j"))
            keys.move_settled.append(response.settled)
        keys.move_cpu = cpu / max(moves, 1)
        session.press(b"g", QUIET)
        if composer:
            for _ in range(composer_rounds):
                keys.composer_open.append(_first(session.press(b"c", QUIET), keys, "c"))
                keys.composer_close.append(_first(session.press(ESCAPE, QUIET), keys, "esc"))
        for index in range(save_rounds * 2):
            saving = index % 2 == 1
            if saving:
                keys.probe_saving.append(_probe(session, b"x?"))
                session.press(b"u", QUIET)  # undo the archive (one more save, untimed)
            else:
                keys.probe_idle.append(_probe(session, b"?"))
        session.finish()
    except BaseException:
        session.kill()
        raise
    return keys


def idle_cpu(program: Program, seconds: float) -> float:
    """Percent of one core the program uses while left alone for ``seconds``.

    The window starts a little after the first frame (at most 2 s, so that start-up work is
    not counted as idling).
    """
    warm_up = min(2.0, seconds)
    session = PtySession(program.argv, program.env)
    try:
        _first_frame_end(session, program.markers)
        session.drain(warm_up)
        before = session.cpu_seconds()
        session.drain(seconds)
        used = session.cpu_seconds() - before
        session.finish()
    except BaseException:
        session.kill()
        raise
    return 100.0 * used / seconds
