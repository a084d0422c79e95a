"""A quiet desktop for every test: nothing reaches the user's clipboard, mail client,
browser, files or folders, whatever the test does.

The user's folders are moved by environment (``HOME`` and the XDG folders), not by patching
the app's functions, so the app is free to work its paths out however it likes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

MOVED_AWAY = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "BROWSER",
    "FOLLOWUP_DB",
    "FOLLOWUP_CONFIG",
    "FOLLOWUP_NOW",
)
"""Variables that would reach the user's desktop or data, or pin the clock, if left set."""


@dataclass
class Desktop:
    """The stand-in desktop of one test."""

    folder: Path
    """The folder standing in for the user's home (data, config, downloads all inside)."""
    opened: list[str] = field(default_factory=list)
    """Every ``mailto:`` link the app asked the desktop to open, in order."""

    @property
    def data_home(self) -> Path:
        """The user data folder (``XDG_DATA_HOME``)."""
        return self.folder / "xdg-data"

    @property
    def config_home(self) -> Path:
        """The user config folder (``XDG_CONFIG_HOME``): holds no templates file at first."""
        return self.folder / "xdg-config"

    @property
    def crash_log(self) -> Path:
        """Where the app logs an unexpected error."""
        return self.data_home / "followup" / "crash.log"


@pytest.fixture(autouse=True)
def quiet_desktop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Desktop]:
    """No clipboard tool, no mail client or browser, the user's folders in the test's own."""
    from followup_tui.app import clipboard  # here: the core's tests never load Textual

    desktop = Desktop(tmp_path / "home")
    for name in MOVED_AWAY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(desktop.folder))  # Textual saves screenshots in ~/Downloads
    monkeypatch.setenv("XDG_DATA_HOME", str(desktop.data_home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(desktop.config_home))
    monkeypatch.setenv("XDG_STATE_HOME", str(desktop.folder / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(desktop.folder / "xdg-cache"))
    monkeypatch.setattr(clipboard, "clipboard_tools", lambda *_, **__: [])

    async def open_mail(url: str, command: object = None) -> str:
        desktop.opened.append(url)
        return ""

    monkeypatch.setattr(clipboard, "open_mail", open_mail)
    yield desktop


@pytest.fixture
def tone_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The composer's tone check runs at once, not after a pause in the typing."""
    from followup_tui.app.screens.composer import ComposerScreen

    monkeypatch.setattr(ComposerScreen, "TONE_DELAY", 0.0)
