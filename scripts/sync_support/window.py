"""The followup app running in a tmux window on one device, driven as a person would.

Keys go one per ``send-keys``, and after each the script waits for the screen to show that
the app took it (``capture-pane``), never for a fixed time: on a busy machine the app is
slower, not wrong. The tmux server is the check's own (a socket in its folder, no
configuration file read), so a user's tmux and its settings are never touched.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sync_support.device import PATIENCE, Side

WIDTH, HEIGHT = 120, 40
"""The window's size."""
BOARD_KEYS = "a Add"
"""In the key bar while the board has the keys (the filter box has them otherwise)."""


class AppWindow:
    """``followup`` open on one side's data file, in a detached tmux session."""

    def __init__(self, side: Side) -> None:
        """A window for ``side`` (not started)."""
        self.side = side
        """The device whose data file the app opens."""
        self.socket = side.root / "tmux.sock"
        """The check's own tmux server."""
        self.session = f"followup-{side.name}"
        """The tmux session's name."""
        self.seen_conflict_notice = False
        """Whether the app was seen pointing at a sync conflict copy."""

    def start(self) -> None:
        """Open the app and wait for the board."""
        env = self.side.env()
        keep = ("HOME", "FOLLOWUP_CONFIG", "PYTHONPATH", "PATH", "LANG")
        command = [
            "env",
            *(f"{name}={env[name]}" for name in keep if name in env),
            sys.executable,
            "-m",
            "followup_tui",
            "--db",
            str(self.side.data),
        ]
        size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
        self.tmux("new-session", "-d", "-s", self.session, *size, shlex.join(command))
        # Kept after the app ends, so its exit status and last screen can be read.
        self.tmux("set-option", "-t", self.session, "remain-on-exit", "on")
        self.wait_for(lambda screen: BOARD_KEYS in self.key_bar(screen), "the board")

    def tmux(self, *args: str) -> str:
        """Run a tmux command on the check's own server; its output."""
        done = subprocess.run(
            ["tmux", "-f", "/dev/null", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def screen(self) -> str:
        """What the window shows now, as text."""
        screen = self.tmux("capture-pane", "-p", "-t", self.session)
        if "sync conflict copy" in screen:
            self.seen_conflict_notice = True
        return screen

    @staticmethod
    def key_bar(screen: str) -> str:
        """The bottom line: the keys that work now."""
        lines = screen.rstrip("\n").splitlines()
        return lines[-1] if lines else ""

    def wait_for(self, shown: Callable[[str], bool], what: str) -> str:
        """Wait until ``shown(screen)`` holds; the screen then. A hang guard only."""
        deadline = time.monotonic() + PATIENCE
        while True:
            screen = self.screen()
            if shown(screen):
                return screen
            if self.dead():
                raise SystemExit(f"the app ended while waiting for {what}:\n{screen}")
            if time.monotonic() > deadline:
                raise SystemExit(f"the app never showed {what}; its screen:\n{screen}")
            time.sleep(0.05)

    def wait_for_text(self, text: str, what: str) -> str:
        """Wait until the window shows ``text``; the screen then."""
        return self.wait_for(lambda screen: text in screen, what)

    def press(self, key: str, *, literal: bool = False) -> None:
        """Send one key (a tmux key name, or with ``literal`` one character as typed)."""
        self.tmux("send-keys", "-t", self.session, *(["-l"] if literal else []), key)

    def filter(self, word: str) -> str:
        """Filter the board by ``word``, the keys back on the board; the screen then."""
        self.clear_filter()
        self.press("/")
        self.wait_for(lambda s: BOARD_KEYS not in self.key_bar(s), "the filter box")
        for end in range(1, len(word) + 1):
            self.press(word[end - 1], literal=True)
            self.wait_for_text(f"filter “{word[:end]}”", "the filter")
        self.press("Enter")
        return self.wait_for(lambda s: BOARD_KEYS in self.key_bar(s), "the board's keys")

    def clear_filter(self) -> None:
        """Drop the board's filter, if it has one (escape)."""
        if "filter “" in self.screen():
            # Only then, and waited for: an escape followed at once by another key reads
            # as alt and that key.
            self.press("Escape")
        self.wait_for(lambda s: "filter “" not in s and BOARD_KEYS in self.key_bar(s), "no filter")

    def select(self, word: str) -> None:
        """Select the one interview holding ``word``, filtering the board down to it (and
        waiting for it: it may come from the other device, and the app looks every two
        seconds)."""
        self.filter(word)
        self.wait_for_text(f"filter “{word}”: 1 shown", f"the interview {word}")

    def archive(self, word: str) -> str:
        """Archive the interview holding ``word`` with ``x``; what the app said."""
        return self._one_key(word, "x", "archived")

    def keep_warm(self, word: str) -> str:
        """Choose keep-warm notes for the interview holding ``word`` (``w``)."""
        return self._one_key(word, "w", "keeping warm")

    def _one_key(self, word: str, key: str, said: str) -> str:
        """Press ``key`` on the interview holding ``word`` and wait for the app to say
        "<company>: ``said``"; that line."""
        self.select(word)
        notice = f"Company {word}: {said}"
        self.press(key)
        self.wait_for_text(notice, notice)
        return notice

    def check_in(self, word: str) -> str:
        """Log a check-in sent now to the interview holding ``word`` (``f``, then ctrl+s)."""
        self.select(word)
        company = f"Company {word}"
        self.press("f")
        self.wait_for_text("Log it", "the check-in dialog")
        self.press("C-s")
        self.wait_for_text(f"{company}: check-in logged", f"{company} checked in")
        return f"{company}: check-in logged"

    def dead(self) -> bool:
        """True once the app has ended."""
        return self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead}").strip() == "1"

    def quit(self) -> int:
        """Leave with ``q``; the app's exit status."""
        self.clear_filter()
        self.press("q")
        deadline = time.monotonic() + PATIENCE
        while not self.dead():
            if time.monotonic() > deadline:
                raise SystemExit(f"the app did not quit; its screen:\n{self.screen()}")
            time.sleep(0.05)
        status = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead_status}")
        return int(status.strip() or "0")

    def close(self) -> None:
        """Stop the check's tmux server (and the app, if still running)."""
        if Path(self.socket).exists():
            subprocess.run(
                ["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, check=False
            )
