"""A program on its own pseudo-terminal, driven and read from outside as a terminal would.

:class:`PtySession` forks the program onto a new pty of a fixed size and keeps everything
it writes. It answers the one query that matters for timing: Textual asks (DECRQM
``CSI ? 2026 $ p``) whether the terminal supports synchronized output, and we say yes, as
kitty, WezTerm, foot, iTerm2 and Windows Terminal do. Then every frame arrives between
``CSI ? 2026 h`` and ``CSI ? 2026 l``, so "the frame is on screen" is an exact byte in the
stream, not a guess.

The hostile tests drive the real ``followup`` with it; the benchmark times it. Times are
``time.perf_counter()`` seconds in this process. Nothing here imports Textual.
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
TIMEOUT = 30.0
"""Longest wait for anything on screen or for an exit (a slow CI machine, not a measure)."""

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
"""Units of utime/stime in ``/proc/<pid>/stat``."""

_ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_].*?\x1b\\|.)")


class SessionError(AssertionError):
    """The program did not show what was waited for in time, or did not end."""


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
    """One program running on its own pseudo-terminal; everything it writes is kept."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        columns: int = 120,
        lines: int = 40,
        umask: int | None = None,
    ) -> None:
        """Start ``argv`` now (with file creation mask ``umask``, if given)."""
        self.buffer = bytearray()
        """Everything the program wrote so far."""
        self.status: int | None = None
        """The raw wait status, once the program has ended and been reaped."""
        self.frame_ends: list[float] = []
        """When each complete frame (its ``SYNC_END``) was read."""
        self._eof = False
        self.started = time.perf_counter()
        """When the process was started (just before ``fork``)."""
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            try:
                winsize = struct.pack("HHHH", lines, columns, 0, 0)
                fcntl.ioctl(1, termios.TIOCSWINSZ, winsize)  # fd 1 is the new terminal
                if umask is not None:
                    os.umask(umask)
                os.execve(argv[0], list(argv), dict(env))
            finally:
                os._exit(127)
        self.pid = pid
        """The program's process id."""
        self.fd: int | None = fd
        """Our end (the master) of the pty; None once closed."""

    # ---- reading

    def _read_once(self, timeout: float) -> bool:
        """Read what is available within ``timeout`` s; False on timeout or end of output."""
        if self._eof or self.fd is None:
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

    def text(self, start: int = 0) -> str:
        """What was written after offset ``start``, escape sequences removed."""
        return _ANSI.sub(b"", bytes(self.buffer[start:])).decode("utf-8", errors="replace")

    def last_text(self, length: int = 400) -> str:
        """The end of the output as text, runs of space squeezed (for error messages)."""
        return " ".join(self.text().split())[-length:]

    def wait_for(self, needles: Sequence[bytes], timeout: float = TIMEOUT, start: int = 0) -> float:
        """Read until one of ``needles`` appears in the bytes after offset ``start``; when.

        Raises :class:`SessionError` after ``timeout`` s, or once the program has ended.
        """
        deadline = time.perf_counter() + timeout
        while True:
            window = self.buffer[max(start, 0) :]
            if any(needle in window for needle in needles):
                return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0 or (not self._read_once(min(left, 0.2)) and self._gone()):
                shown = b" / ".join(needles).decode(errors="replace")
                raise SessionError(
                    f"{shown!r} did not appear within {timeout:.0f} s; the screen's last "
                    f"text: {self.last_text()!r}"
                )

    def wait_for_text(self, needle: str, start: int = 0, timeout: float = TIMEOUT) -> None:
        """Read until ``needle`` is on screen (in the text written after offset ``start``)."""
        deadline = time.perf_counter() + timeout
        while needle not in self.text(start):
            left = deadline - time.perf_counter()
            if left <= 0 or (not self._read_once(min(left, 0.2)) and self._gone()):
                tail = self.text(start)[-1500:]
                raise SessionError(f"{needle!r} not shown within {timeout:.0f} s; last:\n{tail}")

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

    def drain(self, seconds: float) -> None:
        """Keep reading (so the program never blocks on a full terminal) for ``seconds``."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            if not self._read_once(left) and self._gone():
                return

    # ---- typing

    def send(self, keys: str | bytes) -> int:
        """Type ``keys`` without waiting; the output offset before them (to wait after it)."""
        start = len(self.buffer)
        assert self.fd is not None, "the terminal is closed"
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        return start

    def press(self, keys: bytes, quiet: float, timeout: float = 10.0) -> Response:
        """Type ``keys``; wait until the screen stops changing, and say how it answered."""
        start, frames = len(self.buffer), len(self.frame_ends)
        sent = time.perf_counter()
        self.send(keys)
        end = self.settle(quiet, timeout)
        ends = self.frame_ends[frames:]
        return Response(
            first_frame=ends[0] - sent if ends else None,
            settled=max(end - sent, 0.0),
            frames=len(ends),
            output=bytes(self.buffer[start:]),
        )

    # ---- the process

    def _gone(self) -> bool:
        """True once nothing more can come: the output has ended or the program has."""
        return self._eof or self.ended()

    def ended(self) -> bool:
        """True once the program has exited (it is then reaped)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait for the program to end, reading what it writes; its wait status."""
        deadline = time.perf_counter() + timeout
        while not self.ended():
            if time.perf_counter() > deadline:
                raise SessionError(f"process {self.pid} still running after {timeout:.0f} s")
            if not self._read_once(0.05):
                time.sleep(0.02)
        while self._read_once(0.05):
            pass
        assert self.status is not None
        return self.status

    def finish(self, keys: bytes = b"q", timeout: float = 15.0) -> int:
        """Type ``keys`` (quit) and wait for the end, killing the program if it won't go;
        its wait status. The terminal is closed afterwards."""
        if self.fd is not None and self.status is None:
            with contextlib.suppress(OSError):  # it may be gone already
                os.write(self.fd, keys)
        try:
            return self.wait_exit(timeout)
        except SessionError:
            return self.close()
        finally:
            self.hang_up()

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

    def hang_up(self) -> None:
        """Close our end, as a terminal window closing does (the kernel sends SIGHUP)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def close(self) -> int:
        """Make sure the program is gone (killed if need be) and the terminal closed; its
        wait status. For a failed test or a measure that failed half-way."""
        if not self.ended():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)
        self.hang_up()
        assert self.status is not None
        return self.status
