"""A program in a real pseudo-terminal, watched from outside like a terminal emulator would.

:class:`PtySession` forks the program onto a new pty of a fixed size and reads everything
it writes. It answers the one query that matters for timing: Textual asks (DECRQM
``CSI ? 2026 $ p``) whether the terminal supports synchronized output, and we say yes, as
kitty, WezTerm, foot, iTerm2 and Windows Terminal do. Then every frame arrives between
``CSI ? 2026 h`` and ``CSI ? 2026 l``, so "the frame is on screen" is an exact byte in the
stream, not a guess.

Times are ``time.perf_counter()`` seconds in this process. Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SYNC_QUERY = b"\x1b[?2026$p"
"""Textual's question: do you support synchronized output?"""
SYNC_REPLY = b"\x1b[?2026;2$y"
"""Our answer: supported (currently off)."""
SYNC_START = b"\x1b[?2026h"
"""The first bytes of a frame."""
SYNC_END = b"\x1b[?2026l"
"""The last bytes of a frame."""

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
"""Units of utime/stime in ``/proc/<pid>/stat``."""


class SessionError(RuntimeError):
    """The program did not show what was waited for in time (or died)."""


@dataclass(frozen=True, slots=True)
class Exit:
    """How the program ended."""

    status: int
    """The raw wait status."""


@dataclass(frozen=True, slots=True)
class Response:
    """What the screen did after some keys were typed."""

    first_frame: float | None
    """Seconds from the keys to the end of the first complete frame (None: no frame)."""
    settled: float
    """Seconds from the keys to the last byte before the screen went quiet."""
    frames: int
    """How many frames were drawn."""
    output: bytes
    """Everything written meanwhile."""


class PtySession:
    """One program running on its own pseudo-terminal."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        columns: int = 120,
        lines: int = 40,
    ) -> None:
        """Start ``argv`` now (``started`` is the instant just before the fork)."""
        self.buffer = bytearray()
        """Everything the program wrote so far."""
        self.exit: Exit | None = None
        """Set once the program has been reaped."""
        self.frame_ends: list[float] = []
        """When each complete frame (its ``SYNC_END``) was read."""
        self._eof = False
        self.started = time.perf_counter()
        """When the process was started (just before ``fork``)."""
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            try:
                winsize = struct.pack("HHHH", lines, columns, 0, 0)
                fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, winsize)
                os.execve(argv[0], list(argv), dict(env))
            finally:
                os._exit(127)
        self.pid = pid
        """The program's process id."""
        self.fd = fd
        """Our end (the master) of the pty."""

    # ---- reading

    def _read_once(self, timeout: float) -> bool:
        """Read what is available within ``timeout`` s; False on timeout or end of output."""
        if self._eof:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError as exc:  # EIO: the program closed the terminal
            if exc.errno != errno.EIO:
                raise
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        now = time.perf_counter()
        old = len(self.buffer)
        self.buffer += chunk
        # A marker may be split between two reads; look back just short of a whole one, so
        # a marker read before is never counted again.
        if SYNC_END in self.buffer[max(old - len(SYNC_END) + 1, 0) :]:
            self.frame_ends.append(now)
        if SYNC_QUERY in self.buffer[max(old - len(SYNC_QUERY) + 1, 0) :]:
            os.write(self.fd, SYNC_REPLY)
        return True

    def wait_for(self, needles: Sequence[bytes], timeout: float, start: int = 0) -> float:
        """Read until one of ``needles`` appears in the output after offset ``start``.

        Returns when it was read. Raises :class:`SessionError` after ``timeout`` s.
        """
        deadline = time.perf_counter() + timeout
        while True:
            window = self.buffer[max(start, 0) :]
            if any(needle in window for needle in needles):
                return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0 or (not self._read_once(left) and self._eof):
                shown = b" / ".join(needles).decode(errors="replace")
                raise SessionError(
                    f"{shown!r} did not appear within {timeout:.0f} s; the screen's last "
                    f"text: {self.last_text()!r}"
                )

    def last_text(self, length: int = 400) -> str:
        """The end of the output with escape sequences removed (for error messages)."""
        text = re.sub(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|.)", b"", self.buffer)
        return " ".join(text.decode(errors="replace").split())[-length:]

    def settle(self, quiet: float, timeout: float) -> float:
        """Read until the program has written nothing for ``quiet`` s.

        Returns the instant the last byte before the quiet spell was read (the end of the
        last frame), or the call's own start if nothing came.
        """
        last = time.perf_counter()
        deadline = last + timeout
        while time.perf_counter() < deadline:
            if self._read_once(quiet):
                last = time.perf_counter()
            elif time.perf_counter() - last >= quiet or self._eof:
                return last
        raise SessionError(f"output did not settle within {timeout:.0f} s")

    def send(self, keys: bytes) -> float:
        """Type ``keys`` without waiting; returns when they were written."""
        sent = time.perf_counter()
        os.write(self.fd, keys)
        return sent

    def press(self, keys: bytes, quiet: float, timeout: float = 10.0) -> Response:
        """Type ``keys``; wait until the screen stops changing, and say how it answered."""
        start, frames = len(self.buffer), len(self.frame_ends)
        sent = self.send(keys)
        end = self.settle(quiet, timeout)
        ends = self.frame_ends[frames:]
        return Response(
            first_frame=ends[0] - sent if ends else None,
            settled=max(end - sent, 0.0),
            frames=len(ends),
            output=bytes(self.buffer[start:]),
        )

    def drain(self, seconds: float) -> None:
        """Keep reading (so the program never blocks on a full terminal) for ``seconds``."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self._read_once(left)

    # ---- the process

    def cpu_seconds(self) -> float:
        """User + system CPU time the program has used so far (``/proc/<pid>/stat``)."""
        with open(f"/proc/{self.pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        # After the ")" ending the command name: field 3 is index 0, so utime (14) is 11.
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def peak_rss_kib(self) -> int:
        """The program's peak resident memory so far (``VmHWM`` in ``/proc/<pid>/status``)."""
        with open(f"/proc/{self.pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
        raise SessionError(f"no VmHWM for process {self.pid}")

    def finish(self, keys: bytes = b"q", timeout: float = 15.0) -> Exit:
        """Type ``keys`` (quit), keep reading until the program ends; kill it if it won't."""
        if self.exit is not None:
            return self.exit
        with contextlib.suppress(OSError):  # it may be gone already
            os.write(self.fd, keys)
        deadline = time.perf_counter() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                pid, status = os.waitpid(self.pid, 0)
                break
            if not self._read_once(0.05):
                time.sleep(0.01)
        os.close(self.fd)
        self.exit = Exit(status)
        return self.exit

    def kill(self) -> None:
        """Stop the program at once (used when a measure fails half-way)."""
        if self.exit is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
            os.close(self.fd)
            self.exit = Exit(status)
