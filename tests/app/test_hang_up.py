"""After the terminal closes, the app's output can never keep it from leaving.

Textual's output thread ends at its first failed write, and from then on a write waits
for room in its queue, and leaving waits for the thread, forever. A hang-up can fail that
write just before the app hears of it: the thread is still unwinding, alive, when the
app looks.
"""

from __future__ import annotations

import io
import threading
from types import SimpleNamespace

import pytest
from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

from followup_tui.app.workarounds import revive_output

LONG_ENOUGH = 60.0
"""A guard so that a regression fails instead of hanging the run (never reached when the
output works: the writes below take microseconds)."""


class ClosedTerminal(io.StringIO):
    """A terminal whose next write fails once ``gone`` is set, and not before."""

    def __init__(self) -> None:
        """Writes wait for the hang-up."""
        super().__init__()
        self.gone = threading.Event()
        """Set when the terminal has closed."""

    def write(self, text: str) -> int:
        """Fail, as a write to a closed terminal does, once the terminal has gone."""
        self.gone.wait()
        raise OSError(5, "Input/output error")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_output_that_fails_just_after_the_app_looks_still_lets_it_leave() -> None:
    terminal = ClosedTerminal()
    old = WriterThread(terminal)
    old.start()
    old.write("a frame")  # being written as the terminal closes: the thread is alive
    driver = SimpleNamespace(_writer_thread=old)

    revive_output(driver)  # the app hears of the hang-up
    terminal.gone.set()  # ...and only then does the write fail
    old.join(LONG_ENOUGH)
    assert not old.is_alive()

    def leave() -> None:
        output = driver._writer_thread
        for _ in range(MAX_QUEUED_WRITES * 2):  # more frames than the queue holds
            output.write("a frame")
        output.stop()  # what leaving does: waits for the thread

    leaving = threading.Thread(target=leave, daemon=True)
    leaving.start()
    leaving.join(LONG_ENOUGH)
    assert not leaving.is_alive(), "leaving waits forever on a dead output thread"


def test_a_leave_too_slow_is_logged_with_where_each_thread_was() -> None:
    from followup_tui.app.signals import _stacks

    where = _stacks()
    assert "MainThread:" in where
    assert "test_a_leave_too_slow_is_logged_with_where_each_thread_was" in where
