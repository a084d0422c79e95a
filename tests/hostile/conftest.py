"""The app fixtures of ``tests/app`` (a pinned clock, interviews in a temp data file), and
every crash log written in the test's own folder, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import data_file, make_app, open_store

__all__ = ["data_file", "make_app", "open_store", "private_crash_log"]


@pytest.fixture(autouse=True)
def private_crash_log(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Where a crash inside a test is logged: ``logs/crash.log`` in the test's folder."""
    folder = tmp_path / "logs"
    monkeypatch.setattr("followup_tui.crashlog.log_dir", lambda: folder)
    return folder / "crash.log"
