"""`followup remind`: each step that falls due is announced once, where it can be seen."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from followup_tui import remind
from followup_tui.cli import build_parser, main
from tests.support.shell import pin_command_line

ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pin_command_line(monkeypatch, tmp_path, "2026-11-11T15:00:00-05:00")


def at(monkeypatch: pytest.MonkeyPatch, instant: str) -> None:
    monkeypatch.setenv("FOLLOWUP_NOW", instant)


def load(tmp_path: Path, *records: dict[str, Any]) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "followup", "version": 1, "interviews": list(records)}))
    assert main(["import", str(path)]) == 0


# Thanked on the day; decide by Fri 6 Nov: the check-in falls due Wed 11 Nov.
GLOBEX = {
    "id": "globex",
    "company": "Globex",
    "role": "Engineer",
    "start": "2026-11-03T10:00:00-05:00",
    "decision_by": "2026-11-06",
    "interviewers": [{"name": "Dana Ruiz"}],
    "events": [{"kind": "thank_you_sent", "at": "2026-11-03T18:00:00-05:00"}],
}
# Tomorrow: its thank-you falls due when it ends, Thu 12 Nov 11:00.
ACME = {
    "id": "acme",
    "company": "Acme Robotics",
    "role": "Product Manager",
    "start": "2026-11-12T10:00:00-05:00",
    "interviewers": [{"name": "Lee Park"}],
}


def reminders(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["remind", "--print"]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]


def test_each_step_is_announced_once_when_it_falls_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(tmp_path, GLOBEX, ACME)
    assert reminders(capsys) == ["Check in with Dana Ruiz, Globex:"]
    assert reminders(capsys) == []
    at(monkeypatch, "2026-11-12T10:59:00-05:00")
    assert reminders(capsys) == []  # the interview is not over yet
    at(monkeypatch, "2026-11-12T11:00:00-05:00")
    assert reminders(capsys) == ["Thank-you to Lee Park, Acme Robotics:"]
    assert reminders(capsys) == []


def test_the_announcement_says_when_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, GLOBEX)
    capsys.readouterr()
    main(["remind", "--print"])
    assert capsys.readouterr().out.splitlines() == [
        "Check in with Dana Ruiz, Globex:",
        "  Due today. The date they said they would decide by has passed. Check-in 1 of 2: "
        "a short, friendly note asking where things stand, never pushy.",
    ]


def test_a_step_whose_date_moves_is_announced_again_when_it_falls_due_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(tmp_path, GLOBEX)
    assert len(reminders(capsys)) == 1
    snoozed = dict(GLOBEX)
    snoozed["events"] = [
        *GLOBEX["events"],
        {"kind": "snoozed", "at": "2026-11-11T16:00:00-05:00", "until": "2026-11-16"},
    ]
    load(tmp_path, snoozed)
    at(monkeypatch, "2026-11-13T09:00:00-05:00")
    assert reminders(capsys) == []
    at(monkeypatch, "2026-11-16T08:59:00-05:00")
    assert reminders(capsys) == []  # not in the night: from 9:00 on its day
    at(monkeypatch, "2026-11-16T09:00:00-05:00")
    assert reminders(capsys) == ["Check in with Dana Ruiz, Globex:"]


def test_many_at_once_make_one_announcement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = [dict(GLOBEX, id=f"g{n}", company=f"Globex {n}") for n in range(5)]
    load(tmp_path, *many)
    capsys.readouterr()
    main(["remind", "--print"])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "5 follow-up steps due:"
    assert out[1] == "  Check in with Dana Ruiz, Globex 0 (due today)"
    assert len(out) == 6


def test_what_was_announced_is_kept_beside_the_data_file_and_a_bad_copy_is_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, GLOBEX)
    reminders(capsys)
    state = tmp_path / "data" / "followup-reminded.json"
    assert json.loads(state.read_text()) == {"globex/check-in-1": "2026-11-11T00:00:00-05:00"}
    assert oct(state.stat().st_mode & 0o777) == "0o600"
    state.write_bytes(b"\x00garbage")
    assert reminders(capsys) == ["Check in with Dana Ruiz, Globex:"]  # once more, not never


def test_hostile_text_is_announced_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, dict(GLOBEX, company="Glo\x1b]0;pwned\x07bex"))
    capsys.readouterr()
    main(["remind", "--print"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Glo\\x1b]0;pwned\\x07bex" in out


Shown = list[tuple[str, str]]


def channel(result: bool, shown: Shown) -> Callable[[str, str], bool]:
    def show(title: str, body: str) -> bool:
        shown.append((title, body))
        return result

    return show


def test_the_first_channel_that_can_show_it_does_and_printing_comes_last() -> None:
    failed: Shown = []
    worked: Shown = []
    never: Shown = []
    printed: list[str] = []
    notes = [("Check in", "Due today.")]
    chain = [channel(False, failed), channel(True, worked), channel(True, never)]
    remind.announce(notes, chain, printed.append)
    assert failed == worked == [("Check in", "Due today.")] and never == [] and printed == []
    remind.announce(notes, [channel(False, failed)], printed.append)
    assert printed == ["Check in:\n  Due today."]


class FakeNotifier:
    dispatches: ClassVar[bool] = True
    sent: ClassVar[Shown] = []

    def __init__(self, app_name: str) -> None:
        assert app_name == "followup"

    def send(self, title: str, message: str, on_dispatched: Callable[[], Any]) -> str:
        FakeNotifier.sent.append((title, message))
        if self.dispatches:
            on_dispatched()
        return "id"


def test_desktop_notifier_counts_only_a_notification_it_handed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop_notifier

    monkeypatch.setattr(desktop_notifier, "DesktopNotifierSync", FakeNotifier)
    assert remind.desktop("Check in", "Due today.")
    assert FakeNotifier.sent == [("Check in", "Due today.")]
    monkeypatch.setattr(FakeNotifier, "dispatches", False)
    assert not remind.desktop("Check in", "Due today.")


def test_without_a_session_bus_the_desktop_channel_says_no_quietly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    for name in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert not remind.desktop("Check in", "Due today.")
    assert capfd.readouterr().err == ""


def test_notify_send_is_used_where_it_works(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log = tmp_path / "args"
    fake = tmp_path / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {log}\nexit "${{FAKE_EXIT:-0}}"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert remind.notify_send("-Check in", "Due today.")
    assert log.read_text().splitlines() == ["--app-name=followup", "--", "-Check in", "Due today."]
    monkeypatch.setenv("FAKE_EXIT", "1")
    assert not remind.notify_send("Check in", "Due today.")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert not remind.notify_send("Check in", "Due today.")


def _units() -> dict[str, configparser.ConfigParser]:
    units = {}
    for path in sorted((ROOT / "contrib" / "systemd").iterdir()):
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read(path)
        units[path.name] = parser
    return units


def test_the_shipped_timer_runs_remind_and_the_calendar_export() -> None:
    units = _units()
    assert set(units) == {"followup-remind.service", "followup-remind.timer"}
    timer = units["followup-remind.timer"]
    assert timer["Timer"]["OnCalendar"] == "*:0/15" and timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    service = (ROOT / "contrib" / "systemd" / "followup-remind.service").read_text()
    commands = [line.split("=", 1)[1] for line in service.splitlines() if line.startswith("Exec")]
    assert len(commands) == 2
    for command in commands:
        program, *args = command.split()
        assert program.endswith("/followup")
        parsed = build_parser().parse_args(args)  # each names a real command and options
        assert parsed.command in {"remind", "export"}
    assert "followup export --ics -o" in service


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not here")
def test_systemd_accepts_the_unit_files(tmp_path: Path) -> None:
    followup = Path(sys.executable).with_name("followup")
    for path in (ROOT / "contrib" / "systemd").iterdir():
        text = path.read_text().replace("%h/.local/bin/followup", str(followup))
        (tmp_path / path.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(p) for p in sorted(tmp_path.iterdir()))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
