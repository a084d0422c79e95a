"""Leaving cleanly when the terminal closes (SIGHUP) or the process is told to stop (SIGTERM).

By default either signal ends the process on the spot: a save asked for a moment before is
dropped, drafts kept in memory are lost, and after SIGTERM the terminal is left in the
app's modes (no echo, mouse reporting on). The app instead leaves as ``q`` does, with
its saves finished, and exits with 128 + the signal's number, as a shell reports it.

After SIGHUP there is no terminal any more: reading or writing it fails, and Textual's
output thread stops at the first failed write, after which leaving waits for it forever.
So the standard streams are pointed at ``/dev/null`` and the output thread replaced;
and whatever happens, a timer ends the process after :data:`GRACE_SECONDS`, so a closed
window never leaves it running.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""The signals that mean "leave now"."""

GRACE_SECONDS = 10.0
"""Longest time the app may take to leave after a stop signal (saves take milliseconds)."""


def watch(loop: asyncio.AbstractEventLoop, leave: Callable[[int], None]) -> None:
    """Call ``leave(signum)`` in ``loop`` when a stop signal arrives."""
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, leave, signum)


def detach_from_terminal() -> None:
    """Point stdin, stdout and stderr at ``/dev/null``: the terminal has gone away."""
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1, 2):
            os.dup2(null, fd)
    finally:
        os.close(null)


def exit_after(seconds: float, code: int) -> None:
    """End the process with ``code`` in ``seconds`` if it is still running then.

    That is noted in the crash log first, with where each thread was (code lines only,
    no values): leaving should never take so long.
    """

    def end() -> None:
        from followup_tui.crashlog import record_crash

        said = f"still leaving {seconds:g} s after a stop signal; ended"
        record_crash(TimeoutError(f"{said}. Where each thread was:\n{_stacks()}"))
        os._exit(code)

    timer = threading.Timer(seconds, end)
    timer.daemon = True  # never what keeps the process alive
    timer.start()


def _stacks() -> str:
    """Where every thread of the process is, as tracebacks show it."""
    import sys
    import traceback

    names = {t.ident: t.name for t in threading.enumerate()}
    return "\n".join(
        f"{names.get(ident, ident)}:\n" + "".join(traceback.format_stack(frame))
        for ident, frame in sys._current_frames().items()
    )


def on_stop_signal(signum: int, driver: object, leave: Callable[[], None]) -> None:
    """Handle a stop signal: after a hang-up, detach from the terminal and revive the
    ``driver``'s output; set the deadline; then ``leave()``."""
    exit_after(GRACE_SECONDS, 128 + signum)
    if signum == signal.SIGHUP:
        from followup_tui.app.workarounds import revive_output

        detach_from_terminal()
        revive_output(driver)
    leave()
