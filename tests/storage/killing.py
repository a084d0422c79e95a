"""Driving ``kill_child.py``: start victims, kill them at chosen moments, read what they said.

A moment is counted in the victim's own progress (so many changes saved, then the next one
started), never in seconds alone: a slow or busy machine kills at the same points of the
loop as a fast one, and the figures the tests assert on do not depend on its speed.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from followup_tui.core.model import Interview
from tests.support.store import without_edit_times

from .kill_child import expected

CHILD = Path(__file__).with_name("kill_child.py")
PATIENCE = 60.0
"""Seconds to wait for a line before calling the child stuck (never reached when healthy)."""


class KillServer:
    """The fork server of ``kill_child.py``, as a context manager."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._out = self.proc.stdout.fileno()
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._out, selectors.EVENT_READ)

    def __enter__(self) -> KillServer:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._selector.close()

    def send(self, command: str) -> None:
        """One command line to the server."""
        assert self.proc.stdin is not None
        self.proc.stdin.write((command + "\n").encode())
        self.proc.stdin.flush()

    def lines(self, until: float) -> list[str]:
        """Every complete line that arrives before the monotonic instant ``until``."""
        got: list[str] = []
        while (left := until - time.monotonic()) > 0:
            if not self._selector.select(left):
                break
            chunk = os.read(self._out, 65536)
            if not chunk:
                raise AssertionError("the kill server died")
            self._buffer += chunk
            *complete, self._buffer = self._buffer.split(b"\n")
            got += [c.decode() for c in complete]
        return got

    def read_through(self, prefix: str, into: list[str]) -> str:
        """Read lines into ``into`` up to and including one starting with ``prefix``."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            # A line at a time, so nothing after the wanted one is consumed.
            if b"\n" not in self._buffer:
                self._fill(deadline)
                continue
            raw, _, self._buffer = self._buffer.partition(b"\n")
            into.append(raw.decode())
            if into[-1].startswith("error"):
                raise AssertionError(f"the victim failed: {into[-1]}")
            if into[-1].startswith(prefix):
                return into[-1]
        raise AssertionError(f"no {prefix!r} line within {PATIENCE}s; got {into[-5:]}")

    def _fill(self, deadline: float) -> None:
        if self._selector.select(max(0.0, deadline - time.monotonic())):
            chunk = os.read(self._out, 65536)
            if not chunk:
                raise AssertionError("the kill server died")
            self._buffer += chunk

    def start(self, mode: str, path: Path, seed: int, said: list[str]) -> int:
        """Start a victim; its lines so far go to ``said``. Returns its pid."""
        self.send(f"run {mode} {path} {seed}")
        return int(self.read_through("pid", said).split()[1])

    def stop(self, pid: int, said: list[str], sig: int = signal.SIGKILL) -> list[str]:
        """Send ``sig`` to a victim, wait for its end; returns every line it printed."""
        os.kill(pid, sig)
        self.send(f"reap {pid}")
        self.read_through(f"reaped {pid}", said)
        errors = [line for line in said if line.startswith("error")]
        assert not errors, errors[0]
        return [line for line in said if not line.startswith(("pid", "reaped"))]

    def run_and_kill(
        self, mode: str, path: Path, seed: int, moment: Moment, sig: int = signal.SIGKILL
    ) -> list[str]:
        """Start a victim, send ``sig`` at ``moment``, and return every line it printed."""
        said: list[str] = []
        pid = self.start(mode, path, seed, said)
        if moment.saves is not None:
            if "ready" not in said:
                self.read_through("ready", said)
            for _ in range(moment.saves):
                self.read_through("ok", said)
            self.read_through("try", said)  # mid-change from here on
            said += self.lines(time.monotonic() + moment.jitter)
        return self.stop(pid, said, sig)


@dataclass(frozen=True)
class Moment:
    """When a victim is killed, in its own progress."""

    saves: int | None
    """Changes it must report saved first (None: at once, maybe before its store is open)."""
    jitter: float = 0.0
    """Seconds to let it run once the next change has started (where in a save it dies)."""


@dataclass
class Expectation:
    """What the file must hold after a kill, from what the victim reported."""

    saved: dict[str, Interview] = field(default_factory=dict)
    """Every change the victim said was saved ("ok")."""
    maybe: dict[str, Interview] | None = None
    """``saved`` plus the change in flight when it died, if one was."""

    def follow(self, lines: list[str]) -> None:
        """Take in a victim's report."""
        pending: dict[str, Interview] | None = None
        for line in lines:
            words = line.split()
            if words[0] == "try":
                pending = dict(self.saved)
                if words[1] == "del":
                    pending.pop(words[2], None)
                else:
                    version, size, events = map(int, words[3:6])
                    pending[words[2]] = expected(words[2], version, size, events)
            elif words[0] == "ok":
                assert pending is not None
                self.saved, pending = pending, None
        self.maybe = pending

    def check(self, found: list[Interview]) -> None:
        """Assert the file holds every saved change (and at most the one in flight)."""
        # The victim times its edits on the wall clock; what was saved is the same without them.
        actual = {i.id: i for i in without_edit_times(found)}
        if actual == self.saved:
            return
        assert self.maybe is not None and actual == self.maybe, _difference(actual, self.saved)
        self.saved = self.maybe


def _difference(actual: dict[str, Interview], wanted: dict[str, Interview]) -> str:
    missing = sorted(set(wanted) - set(actual))
    extra = sorted(set(actual) - set(wanted))
    changed = sorted(i for i in set(actual) & set(wanted) if actual[i] != wanted[i])
    return f"lost or wrong after a kill: missing {missing}, extra {extra}, changed {changed}"
