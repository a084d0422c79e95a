"""Unexpected errors are logged privately, and the terminal gets one line without user data."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from followup_tui import cli
from followup_tui.crashlog import record_crash


def test_crash_log_is_private_and_appends(tmp_path: Path) -> None:
    try:
        raise RuntimeError("first")
    except RuntimeError as exc:
        path = record_crash(exc, tmp_path / "logs")
    try:
        raise KeyError("second")
    except KeyError as exc:
        record_crash(exc, tmp_path / "logs")
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: first" in text and "KeyError: 'second'" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_unexpected_error_prints_one_line_without_the_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "Notes: salary expectation 95k"

    def explode(*_: object) -> int:
        raise ValueError(secret)

    monkeypatch.setitem(cli._COMMANDS, "status", explode)
    monkeypatch.setattr("followup_tui.crashlog.log_dir", lambda: tmp_path)
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(tmp_path / "none.toml"))
    assert cli.main(["status"]) == 1
    out, err = capsys.readouterr()
    assert secret not in out + err
    assert "unexpected error (ValueError)" in err and str(tmp_path / "crash.log") in err
    assert secret in (tmp_path / "crash.log").read_text(encoding="utf-8")


def test_a_named_pipe_in_the_crash_logs_place_is_left_alone(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "crash.log")
    done = threading.Event()

    def crash() -> None:
        try:
            raise ValueError("boom")
        except ValueError as exc:
            record_crash(exc, tmp_path)
        done.set()

    threading.Thread(target=crash, daemon=True).start()
    # Opening a pipe for writing waits for a reader for ever: the guard ends a hung test.
    assert done.wait(60), "writing the crash log waited on a named pipe"
    assert stat.S_ISFIFO(os.stat(tmp_path / "crash.log").st_mode)
