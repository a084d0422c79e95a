"""The real ``followup`` command on a pseudo-terminal, driven and read like a terminal would.

Each run has its own data file, settings path, data folder (where the crash log goes) and
pinned clock, all in a temporary folder. Nothing here imports Textual.
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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PINNED_NOW = "2026-11-04T15:00:00-05:00"
"""The conftest's "now" (Wed 4 Nov 2026, 15:00 New York)."""
SETTINGS_TOML = 'timezone = "America/New_York"\n'
"""The user's settings: the zone the conftest's times are in."""
TIMEOUT = 30.0
"""Longest wait for anything on screen or for an exit (a slow CI machine, not a measure)."""

_ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_].*?\x1b\\|.)")


def followup_argv(*args: str) -> list[str]:
    """The ``followup`` command of this virtualenv, with ``args``."""
    script = Path(sys.executable).with_name("followup")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "followup_tui"]
    return [*command, *args]


@dataclass(frozen=True)
class Home:
    """The files one run uses."""

    folder: Path
    """The temporary folder holding all of them."""

    @property
    def db(self) -> Path:
        """The data file."""
        return self.folder / "followup.json"

    @property
    def crash_log(self) -> Path:
        """Where the crash log lands (the user data folder, moved here by XDG_DATA_HOME)."""
        return self.folder / "xdg-data" / "followup" / "crash.log"

    def env(self) -> dict[str, str]:
        """The environment: our files, a pinned clock, a plain xterm; no stray overrides."""
        config = self.folder / "settings.toml"
        if not config.exists():
            config.write_text(SETTINGS_TOML, encoding="utf-8")
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("FOLLOWUP_", "TEXTUAL", "XDG_")) and k not in ("COLUMNS", "LINES")
        }
        env.update(
            TERM="xterm-256color",
            FOLLOWUP_DB=str(self.db),
            FOLLOWUP_CONFIG=str(config),
            FOLLOWUP_NOW=PINNED_NOW,
            XDG_DATA_HOME=str(self.folder / "xdg-data"),
            XDG_CONFIG_HOME=str(self.folder / "xdg-config"),
        )
        return env


class Session:
    """One program on its own pseudo-terminal; everything it writes is kept."""

    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        columns: int = 120,
        lines: int = 36,
        umask: int | None = None,
    ) -> None:
        """Start ``argv`` now (with file creation mask ``umask``, if given)."""
        self.output = bytearray()
        """Everything the program wrote so far."""
        self.status: int | None = None
        """The wait status, once the program has ended."""
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            try:
                size = struct.pack("HHHH", lines, columns, 0, 0)
                fcntl.ioctl(1, termios.TIOCSWINSZ, size)  # fd 1 is the new terminal
                if umask is not None:
                    os.umask(umask)
                os.execve(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid = pid
        """The program's process id."""
        self.fd: int | None = fd
        """Our end of the terminal (None once closed)."""

    def text(self, start: int = 0) -> str:
        """What was written after offset ``start``, escape sequences removed."""
        return _ANSI.sub(b"", bytes(self.output[start:])).decode("utf-8", errors="replace")

    def _read(self, timeout: float) -> bool:
        if self.fd is None:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError as exc:  # EIO: the program closed its side
            if exc.errno != errno.EIO:
                raise
            chunk = b""
        self.output += chunk
        return bool(chunk)

    def wait_for(self, needle: str, start: int = 0, timeout: float = TIMEOUT) -> None:
        """Read until ``needle`` is on screen (in the text written after ``start``)."""
        deadline = time.monotonic() + timeout
        while needle not in self.text(start):
            left = deadline - time.monotonic()
            if left <= 0 or (not self._read(min(left, 0.2)) and self.ended()):
                tail = self.text(start)[-1500:]
                raise AssertionError(f"{needle!r} not shown within {timeout:.0f} s; last:\n{tail}")

    def drain(self, seconds: float) -> None:
        """Keep reading for ``seconds`` (so the program never blocks writing)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if not self._read(left) and self.ended():
                return

    def send(self, keys: str | bytes) -> int:
        """Type ``keys``; returns the output offset before them (to wait for what follows)."""
        start = len(self.output)
        assert self.fd is not None
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        return start

    def ended(self) -> bool:
        """True once the program has exited (it is then reaped)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait for the program to end, reading what it writes; its wait status."""
        deadline = time.monotonic() + timeout
        while not self.ended():
            if time.monotonic() > deadline:
                raise AssertionError(f"process {self.pid} still running after {timeout:.0f} s")
            if not self._read(0.05):
                time.sleep(0.02)
        while self._read(0.05):
            pass
        assert self.status is not None
        return self.status

    def hang_up(self) -> None:
        """Close our end, as a terminal window closing does (the kernel sends SIGHUP)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def close(self) -> None:
        """Make sure the program is gone and the terminal closed (after a failed test)."""
        if not self.ended():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)
        self.hang_up()
