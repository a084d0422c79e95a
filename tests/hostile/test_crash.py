"""An unexpected error inside the running app: one short line out, the details in a log.

Textual's own handler prints a traceback with the local variables of every frame, and the
locals of a screen hold the user's interviews. Here a screen method is made to fail with
the user's notes in a local variable and a secret in the message: the terminal (stdout and
stderr) gets neither, the private crash log gets the message and the traceback.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from followup_tui.app.screens.main import MainScreen
from tests.app.conftest import AppFactory, at, make, stored
from tests.app.helpers import settle
from tests.support.desktop import Desktop

NOTES_SECRET = "salary floor 95k, do not share"
"""User data that Textual's traceback would print as a local variable."""
MESSAGE_SECRET = "token-in-the-message"
"""Text in the exception message: it belongs in the log only."""


def plant_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """``?`` (help) fails, with the selected interview in a local variable."""

    def broken_help(self: MainScreen) -> None:
        interview = self.current()  # a local holding the user's data
        assert interview is not None
        raise ValueError(f"{MESSAGE_SECRET} while showing help for {len(interview.notes)}")

    monkeypatch.setattr(MainScreen, "action_help", broken_help)


async def test_a_crash_prints_one_line_and_logs_the_details(
    make_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    quiet_desktop: Desktop,
    data_file: Path,
) -> None:
    plant_failure(monkeypatch)
    app = make_app([make("Acme", at(11, 4), notes=NOTES_SECRET)])
    with pytest.raises(ValueError, match=MESSAGE_SECRET):  # run_test re-raises it for tests
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
    assert app.return_code == 1
    out, err = capsys.readouterr()
    terminal = out + err
    assert NOTES_SECRET not in terminal and MESSAGE_SECRET not in terminal
    assert "Traceback" not in terminal and "locals" not in terminal
    log = quiet_desktop.crash_log
    lines = [line for line in terminal.splitlines() if line.strip()]
    assert lines == [f"followup: unexpected error (ValueError); details in {log}"]
    text = log.read_text(encoding="utf-8")
    assert MESSAGE_SECRET in text and "broken_help" in text  # the message and where
    assert NOTES_SECRET not in text  # no local variables, even in the log
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert [i.notes for i in stored(data_file).values()] == [NOTES_SECRET]  # data untouched


async def test_a_crash_in_a_background_worker_logs_where_it_happened(
    make_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    quiet_desktop: Desktop,
) -> None:
    # Saves and the composer's sends run in workers; Textual wraps what they raise in a
    # WorkerFailed that carries no traceback of its own.
    async def broken_worker() -> None:
        raise ValueError(MESSAGE_SECRET)

    def help_in_a_worker(self: MainScreen) -> None:
        self.run_worker(broken_worker())

    monkeypatch.setattr(MainScreen, "action_help", help_in_a_worker)
    app = make_app()
    with pytest.raises(Exception, match=MESSAGE_SECRET):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
    assert app.return_code == 1
    _, err = capsys.readouterr()
    assert MESSAGE_SECRET not in err and "unexpected error" in err
    text = quiet_desktop.crash_log.read_text(encoding="utf-8")
    assert "broken_worker" in text and MESSAGE_SECRET in text  # the worker's own traceback
