"""The real ``followup`` command on a pseudo-terminal: the files one run uses, and its command.

Each run has its own data file, settings path, data folder (where the crash log goes) and
pinned clock, all in a temporary folder. The terminal itself is
:class:`tests.support.terminal.PtySession`. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support.board import NOW
from tests.support.terminal import PtySession

PINNED_NOW = NOW.isoformat()
"""The tests' "now" (Wed 4 Nov 2026, 15:00 New York), as ``FOLLOWUP_NOW`` takes it."""
SETTINGS_TOML = 'timezone = "America/New_York"\nname = "Alex Morgan"\n'
"""The user's settings: the zone the conftest's times are in, and a name (so the composer
opens on the message, not on the first-run question)."""


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


def start(sessions: list[PtySession], home: Home, *args: str) -> PtySession:
    """``followup`` (with ``args``) on ``home``'s files, its board on screen."""
    session = PtySession(followup_argv(*args), home.env())
    sessions.append(session)
    session.wait_for_text("Acme")
    return session
