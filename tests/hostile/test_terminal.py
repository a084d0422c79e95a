"""The real ``followup`` on a pseudo-terminal: closing the window, being told to stop, a
second window on the same file, and a crash, all seen from outside as a user would.

Every run has its own data file, settings, data folder and pinned clock (``terminal.Home``).
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from followup_tui.core.model import EventKind, Interview
from followup_tui.storage.store import Store
from tests.support.board import at, make
from tests.support.store import read_back, write_data_file
from tests.support.terminal import TIMEOUT, PtySession

from .terminal import Home, start

ALT_SCREEN_OFF = b"\x1b[?1049l"
"""What Textual writes last when it gives the terminal back."""


@pytest.fixture
def home(tmp_path: Path) -> Home:
    """A data file holding one interview that owes a thank-you to one person."""
    home = Home(tmp_path)
    write_data_file(home.db, [make("Acme", at(11, 4))])
    return home


def on_disk(home: Home) -> Interview:
    """The interview as the data file holds it now (read without taking the lock)."""
    (interview,) = read_back(home.db)
    return interview


def wait_until(session: PtySession, check: Callable[[], bool]) -> None:
    """Keep the terminal read until ``check()`` holds."""
    deadline = time.monotonic() + TIMEOUT
    while not check():
        assert time.monotonic() < deadline, "the data file never showed the change"
        session.drain(0.05)


def thanked(home: Home) -> bool:
    """True once the data file holds a thank-you."""
    return any(e.kind is EventKind.THANK_YOU_SENT for e in on_disk(home).events)


def log_a_thank_you(session: PtySession, home: Home) -> None:
    """``t`` on the board, enter in its dialog (now, to those owed), then wait for the file."""
    mark = session.send("t")
    session.wait_for_text("Thank-you sent", start=mark)
    mark = session.send("\r")
    session.wait_for_text("logged", start=mark)
    wait_until(session, lambda: thanked(home))


def left_by_itself(status: int) -> int:
    """The exit code of a program that exited (not one killed by a signal)."""
    assert os.WIFEXITED(status), f"killed by signal {os.WTERMSIG(status)}, not a clean exit"
    return os.WEXITSTATUS(status)


def assert_a_writer_opens_at_once(home: Home) -> None:
    """Another writer takes the file now: no lock was left behind."""
    with Store.open(home.db) as store:
        assert not store.read_only


def test_sigterm_leaves_cleanly_with_the_change_saved(
    home: Home, sessions: list[PtySession]
) -> None:
    app = start(sessions, home)
    log_a_thank_you(app, home)
    mark = len(app.buffer)
    os.kill(app.pid, signal.SIGTERM)
    assert left_by_itself(app.wait_exit()) == 128 + signal.SIGTERM
    assert ALT_SCREEN_OFF in app.buffer[mark:]  # the terminal was given back
    assert thanked(home)
    assert_a_writer_opens_at_once(home)
    assert not home.crash_log.exists()  # it left by itself, not by the deadline


def test_closing_the_terminal_loses_nothing_and_leaves_no_lock(
    home: Home, sessions: list[PtySession]
) -> None:
    app = start(sessions, home)
    log_a_thank_you(app, home)
    app.hang_up()  # the window closes: the kernel sends SIGHUP
    assert left_by_itself(app.wait_exit()) == 128 + signal.SIGHUP
    assert thanked(home)
    assert_a_writer_opens_at_once(home)
    assert not home.crash_log.exists()  # it left by itself, not by the deadline


def test_sighup_with_a_save_just_asked_for_keeps_it(home: Home, sessions: list[PtySession]) -> None:
    app = start(sessions, home)
    app.send("w")  # keep warm, saved at once; the hang-up may come while it is saving
    app.hang_up()
    assert left_by_itself(app.wait_exit()) == 128 + signal.SIGHUP
    assert_a_writer_opens_at_once(home)
    assert not home.crash_log.exists()
    on_disk(home)  # whether the key was read before the hang-up or not, the file is whole


def test_a_second_window_is_read_only_and_clobbers_nothing(
    home: Home, sessions: list[PtySession]
) -> None:
    first = start(sessions, home)
    second = start(sessions, home)
    second.wait_for_text("read-only: another window is editing")
    assert "Opening read-only" in second.text()

    mark = second.send("t")  # would log a thank-you
    second.wait_for_text("Thank-you sent", start=mark)
    mark = second.send("\r")
    second.wait_for_text("Not saved", start=mark)
    second.wait_for_text("read-only", start=mark)
    assert on_disk(home).events == ()
    mark = second.send("u")
    second.wait_for_text("Nothing to undo", start=mark)

    log_a_thank_you(first, home)  # the first window's change...
    second.send("q")
    assert left_by_itself(second.wait_exit()) == 0
    assert thanked(home)  # ...outlives the second window closing
    mark = first.send("x")  # and the first keeps writing
    first.wait_for_text("archived", start=mark)
    wait_until(first, lambda: on_disk(home).archived)
    first.send("q")
    assert left_by_itself(first.wait_exit()) == 0
    assert thanked(home) and on_disk(home).archived


PLANTED = """
import sys
from followup_tui.app.screens.main import MainScreen

def broken_help(self):
    interview = self.current()  # the user's data, in a local variable
    raise ValueError("planted failure holding " + {secret!r})

MainScreen.action_help = broken_help
from followup_tui.cli import main
sys.exit(main())
"""
"""The real command, with ``?`` made to fail."""


def test_a_crash_in_a_real_terminal_prints_one_line_and_keeps_the_data(
    tmp_path: Path, sessions: list[PtySession]
) -> None:
    home = Home(tmp_path)
    notes = "private: salary floor 95k"
    write_data_file(home.db, [make("Acme", at(11, 4), notes=notes)])
    secret = "secret-in-the-message"
    app = PtySession([sys.executable, "-c", PLANTED.format(secret=secret)], home.env())
    sessions.append(app)
    app.wait_for_text("Acme")
    mark = app.send("?")
    assert left_by_itself(app.wait_exit()) == 1
    after = app.text(mark)
    assert notes not in app.text() and secret not in app.text()
    assert "Traceback" not in after
    assert f"followup: unexpected error (ValueError); details in {home.crash_log}" in after
    log = home.crash_log.read_text(encoding="utf-8")
    assert secret in log and "broken_help" in log and notes not in log
    assert stat.S_IMODE(home.crash_log.stat().st_mode) == 0o600
    assert on_disk(home).notes == notes
    assert_a_writer_opens_at_once(home)
