"""The measures taken from outside, through a real pseudo-terminal: what a user sees.

- first paint and peak memory of the app against a bare Textual app (alternated);
- key presses: moving the selection, opening and closing the composer (its first open in a
  fresh process apart), and a move typed while a save is running against the same move with
  nothing saving;
- the CPU the idle app burns while its countdowns tick on the real clock.

Keys are typed as a terminal sends them. Escape is sent in the kitty keyboard protocol's
form (``CSI 27 u``), which Textual asks for at start-up: a bare ESC byte would make every
measure that uses it include Textual's 100 ms wait for a following byte.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench_support.stats import alternate

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the pseudo-terminal harness is the tests' own

from tests.support.terminal import SYNC_END, SYNC_START, PtySession, Response  # noqa: E402

ESCAPE = b"\x1b[27u"
"""The escape key, unambiguous (kitty keyboard protocol)."""
COMPOSER_MARKERS = (b"Mark sent", b"Start over")
"""Text the composer shows (its footer) and the board never does."""
EDIT_FORM_MARKERS = ("Edit \u2014 ".encode(),)
"""The edit form's heading ("Edit — <company>"), which the board never shows."""
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
    peak_rss_kib: int
    """Peak resident memory once the first frame has settled (KiB)."""
    started_at: float = 0.0
    """When it was forked (``time.perf_counter``, the system's monotonic clock)."""


def _frame_showing(session: PtySession, markers: Sequence[bytes], start: int = 0) -> float:
    """When the frame showing one of ``markers`` (written after offset ``start``) was
    complete: the end of its synchronized update, or the marker itself outside one."""
    at = session.wait_for(markers, START_TIMEOUT, start=start)
    position = min(p for m in markers if (p := session.buffer.find(m, start)) >= 0)
    opened = session.buffer.rfind(SYNC_START, start, position)
    closed = session.buffer.rfind(SYNC_END, start, position)
    if opened > closed:
        return session.wait_for([SYNC_END], START_TIMEOUT, start=position)
    return at


def _until_shown(session: PtySession, keys: bytes, markers: Sequence[bytes]) -> float:
    """Type ``keys``; seconds until a frame shows one of ``markers``; then let it settle."""
    sent = time.perf_counter()
    start = session.send(keys)
    shown = _frame_showing(session, markers, start)
    session.settle(QUIET, START_TIMEOUT)
    return shown - sent


def start_once(program: Program) -> Start:
    """Start the program, wait for its first frame, let it settle, note its peak memory, quit.

    Peak memory is the kernel's high-water mark of the program's own address space
    (``VmHWM``): ``wait4``'s ``ru_maxrss`` would also count this process's memory, which a
    forked child holds until it execs.
    """
    session = PtySession(program.argv, program.env)
    try:
        painted = _frame_showing(session, program.markers)
        session.settle(QUIET, START_TIMEOUT)
        peak = session.peak_rss_kib()
        session.finish()
    except BaseException:
        session.close()
        raise
    return Start(painted - session.started, peak, session.started)


def starts(app: Program, bare: Program, repeats: int) -> tuple[list[Start], list[Start]]:
    """``repeats`` starts of each, alternating which goes first (app, bare, bare, app, …)."""
    return alternate(lambda: start_once(app), lambda: start_once(bare), repeats)


@dataclass
class Keys:
    """Samples of the key-press measures (seconds)."""

    move_first: list[float] = field(default_factory=list)
    """``j``: until the first frame (the selection has moved)."""
    move_settled: list[float] = field(default_factory=list)
    """``j``: until the screen stopped changing (anything redrawn after the move included)."""
    move_cpu: float = 0.0
    """CPU seconds the app used per move, on average."""
    composer_open: list[float] = field(default_factory=list)
    """``c``: until a frame shows the composer (empty when there is no composer)."""
    composer_close: list[float] = field(default_factory=list)
    """Escape in the composer: until a frame shows the board's interviews again."""
    move_idle: list[float] = field(default_factory=list)
    """``j`` in the save rounds with nothing saving: until the first frame."""
    move_saving: list[float] = field(default_factory=list)
    """``j`` typed right after ``x`` (archive: a save starts): until the first frame."""
    notes: list[str] = field(default_factory=list)
    """Anything odd seen (a key that drew nothing)."""


def _first(response: Response, keys: Keys, what: str) -> float:
    if response.first_frame is None:
        keys.notes.append(f"{what}: no frame drawn")
        return response.settled
    return response.first_frame


def key_session(
    app: Program,
    *,
    open_rows: int,
    moves: int,
    composer: bool,
    rounds: int,
) -> Keys:
    """One app run: ``moves`` presses of ``j`` (back to the top with ``g`` now and then),
    the composer opened and closed ``rounds`` times, and ``rounds`` moves typed during a
    save alternated with as many typed with nothing saving."""
    keys = Keys()
    session = PtySession(app.argv, app.env)
    try:
        _frame_showing(session, app.markers)
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
            _until_shown(session, b"c", COMPOSER_MARKERS)  # warm-up
            _until_shown(session, ESCAPE, app.markers)
            for _ in range(rounds):
                keys.composer_open.append(_until_shown(session, b"c", COMPOSER_MARKERS))
                keys.composer_close.append(_until_shown(session, ESCAPE, app.markers))
        for index in range(rounds * 2):
            if index % 2:
                # x archives the selected interview: the app starts saving on its save
                # thread; j is handled right after, while that save runs.
                keys.move_saving.append(_first(session.press(b"xj", QUIET), keys, "x j"))
                session.press(b"u", QUIET)  # undo the archive (one more save, untimed)
            else:
                keys.move_idle.append(_first(session.press(b"j", QUIET), keys, "j"))
            session.press(b"g", QUIET)
        session.finish()
    except BaseException:
        session.close()
        raise
    return keys


def composer_first_opens(app: Program, repeats: int) -> list[float]:
    """``repeats`` fresh runs of the app, each timing its first ``c`` after its first paint:
    the open that pays for the composer's imports, which :func:`key_session` leaves out."""
    samples = []
    for _ in range(repeats):
        session = PtySession(app.argv, app.env)
        try:
            _frame_showing(session, app.markers)
            session.settle(QUIET, START_TIMEOUT)
            samples.append(_until_shown(session, b"c", COMPOSER_MARKERS))
            session.finish()
        except BaseException:
            session.close()
            raise
    return samples


@dataclass
class FormKeys:
    """Samples of opening and closing the edit form (seconds)."""

    open: list[float] = field(default_factory=list)
    """``e`` on the top interview: until a frame shows the edit form."""
    close: list[float] = field(default_factory=list)
    """Escape in the unchanged form: until a frame shows the board's interviews again."""


def form_session(app: Program, rounds: int) -> FormKeys:
    """One app run: the top interview's edit form opened with ``e`` and closed with escape
    ``rounds`` times (after one untimed round), as the composer is in :func:`key_session`."""
    keys = FormKeys()
    session = PtySession(app.argv, app.env)
    try:
        _frame_showing(session, app.markers)
        session.settle(QUIET, START_TIMEOUT)
        _until_shown(session, b"e", EDIT_FORM_MARKERS)  # warm-up: imports the form
        _until_shown(session, ESCAPE, app.markers)
        for _ in range(rounds):
            keys.open.append(_until_shown(session, b"e", EDIT_FORM_MARKERS))
            keys.close.append(_until_shown(session, ESCAPE, app.markers))
        session.finish()
    except BaseException:
        session.close()
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
        _frame_showing(session, program.markers)
        session.drain(warm_up)
        before = session.cpu_seconds()
        session.drain(seconds)
        used = session.cpu_seconds() - before
        session.finish()
    except BaseException:
        session.close()
        raise
    return 100.0 * used / seconds
