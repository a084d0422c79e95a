"""The ``followup`` command line in a test: its own files, a pinned clock, no colour."""

from __future__ import annotations

from pathlib import Path

import pytest


def pin_command_line(monkeypatch: pytest.MonkeyPatch, folder: Path, now: str) -> Path:
    """Point every command at files in ``folder`` (settings, data file), pin the clock at
    ``now`` in New York, turn colour off; returns the data file's path."""
    db = folder / "data" / "followup.json"
    monkeypatch.setenv("FOLLOWUP_NOW", now)
    monkeypatch.setenv("TZ", "America/New_York")
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(folder / "settings.toml"))
    monkeypatch.setenv("FOLLOWUP_DB", str(db))
    monkeypatch.setenv("NO_COLOR", "1")
    return db
