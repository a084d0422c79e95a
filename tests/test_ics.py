"""`followup export --ics`: the steps as a calendar file, read back by icalendar and by khal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from followup_tui.cli import main
from followup_tui.core.agenda import agenda
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.codec import document_to_interviews
from tests.support.shell import pin_command_line

NOW = "2026-11-11T15:00:00-05:00"
NY = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pin_command_line(monkeypatch, tmp_path, NOW)


def interview(ident: str, company: str, start: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": ident,
        "company": company,
        "role": "Product Manager",
        "start": start,
        "interviewers": [{"name": "Dana Ruiz"}],
    }
    record.update(fields)
    return record


# The worked examples' Thursday interview: no timeline, thank-you never logged. On Wed 11 Nov
# the thank-you is late, and the first check-in is due Thu 12 Nov.
LATE = interview("late", "Acme Robotics", "2026-11-05T14:00:00-05:00")
# Decide by Fri 6 Nov, thanked: check-in due Wed 11 Nov (3 business days later).
THANKED = interview(
    "thanked",
    "Globex",
    "2026-11-03T10:00:00-05:00",
    decision_by="2026-11-06",
    events=[{"kind": "thank_you_sent", "at": "2026-11-03T18:00:00-05:00", "to": "Dana Ruiz"}],
    notes="PRIVATE: salary floor 140k",
)
# Next week: its thank-you deadline and first check-in are already known.
UPCOMING = interview(
    "soon",
    "Initech",
    "2026-11-16T10:00:00-05:00",
    interviewers=[{"name": "Maya Chen"}, {"name": "Lee Park"}],
)
CLOSED = interview(
    "closed",
    "Vandelay",
    "2026-11-02T10:00:00-05:00",
    events=[{"kind": "withdrew", "at": "2026-11-04T10:00:00-05:00"}],
)
ARCHIVED = interview("archived", "Hooli", "2026-11-09T10:00:00-05:00", archived=True)
ALL = [LATE, THANKED, UPCOMING, CLOSED, ARCHIVED]


def load(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "followup", "version": 1, "interviews": records}))
    assert main(["import", str(path)]) == 0


def export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "followup.ics"
    assert main(["export", "--ics", "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def events(path: Path) -> dict[str, Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "a UID twice"
    return found


def test_the_agenda_shows_the_check_in_a_late_thank_you_hides_from_the_badge() -> None:
    interviews = document_to_interviews({"format": "followup", "version": 1, "interviews": ALL})
    now = datetime.fromisoformat(NOW)
    entries = agenda(interviews, "standard", now, BusinessCalendar(NY))
    placed = {e.key: e.deadline or e.day for e in entries}
    assert placed == {
        "late/thank-you": datetime.fromisoformat("2026-11-06T15:00:00-05:00"),
        "late/check-in-1": date(2026, 11, 12),
        "thanked/check-in-1": date(2026, 11, 11),
        "soon/thank-you": datetime.fromisoformat("2026-11-17T11:00:00-05:00"),
        "soon/check-in-1": date(2026, 11, 23),
    }
    owed = {e.key for e in entries if e.is_owed(now)}
    assert owed == {"late/thank-you", "thanked/check-in-1"}


def test_every_step_is_an_event_a_person_understands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, ALL)
    found = events(export(tmp_path, capsys))
    assert set(found) == {
        "late/thank-you@followup",
        "late/check-in-1@followup",
        "thanked/check-in-1@followup",
        "soon/thank-you@followup",
        "soon/check-in-1@followup",
    }
    thanks = found["soon/thank-you@followup"]
    assert str(thanks["SUMMARY"]) == "Thank-you to Maya Chen and Lee Park, Initech"
    # Timed, ending when the 24 h window closes; busy; a reminder three hours before.
    assert thanks.end == datetime.fromisoformat("2026-11-17T11:00:00-05:00")
    assert isinstance(thanks.start, datetime)
    assert str(thanks["TRANSP"]) == "OPAQUE"
    alarm = thanks.walk("VALARM")[0]
    assert thanks.end + alarm["TRIGGER"].dt - (thanks.end - thanks.start) == datetime.fromisoformat(
        "2026-11-17T08:00:00-05:00"
    )
    check_in = found["late/check-in-1@followup"]
    assert str(check_in["SUMMARY"]) == "Check in with Dana Ruiz, Acme Robotics"
    assert check_in.start == date(2026, 11, 12) and check_in.end == date(2026, 11, 13)
    assert str(check_in["TRANSP"]) == "TRANSPARENT"  # all day, marked free
    assert str(check_in.walk("VALARM")[0]["ACTION"]) == "DISPLAY"
    description = str(check_in["DESCRIPTION"])
    assert "No timeline was given" in description and "Check-in 1 of 2" in description
    assert "Role: Product Manager" in description


def test_private_notes_never_reach_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, ALL)
    assert b"salary" not in export(tmp_path, capsys).read_bytes()


def test_uids_are_stable_and_sequence_rises_only_when_a_date_moves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, ALL)
    path = export(tmp_path, capsys)
    first = events(path)
    assert {int(e.get("SEQUENCE", 0)) for e in first.values()} == {0}
    # They ask for more time: the check-in moves to Mon 16 Nov.
    snoozed = dict(THANKED)
    snoozed["events"] = [
        *THANKED["events"],
        {"kind": "snoozed", "at": "2026-11-11T09:00:00-05:00", "until": "2026-11-16"},
    ]
    load(tmp_path, [snoozed])
    second = events(export(tmp_path, capsys))
    assert set(second) == set(first)
    moved = second["thanked/check-in-1@followup"]
    assert moved.start == date(2026, 11, 16)
    assert int(moved["SEQUENCE"]) == 1
    assert all(int(e["SEQUENCE"]) == 0 for uid, e in second.items() if e is not moved)
    # Written again with nothing changed: the same sequence, not a higher one.
    third = events(export(tmp_path, capsys))
    assert int(third["thanked/check-in-1@followup"]["SEQUENCE"]) == 1


def test_a_reply_starts_new_steps_with_new_uids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replied = dict(THANKED)
    replied["events"] = [
        *THANKED["events"],
        {
            "kind": "reply",
            "at": "2026-11-10T11:00:00-05:00",
            "outcome": "still_deciding",
            "decision_by": "2026-11-20",
        },
    ]
    load(tmp_path, [replied])
    found = events(export(tmp_path, capsys))
    assert set(found) == {"thanked/check-in-1.r1@followup"}
    assert found["thanked/check-in-1.r1@followup"].start == date(2026, 11, 25)


def test_stdout_and_a_file_that_is_not_ours_is_replaced_from_scratch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, [THANKED])
    capsys.readouterr()
    assert main(["export", "--ics"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BEGIN:VCALENDAR") and "thanked/check-in-1@followup" in out
    path = tmp_path / "followup.ics"
    path.write_bytes(b"\x00\xffnot a calendar")
    assert events(export(tmp_path, capsys))["thanked/check-in-1@followup"]["SEQUENCE"] == 0


def test_hostile_text_is_written_without_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = interview(
        "evil",
        "Acme\x1b[31m\u202eRobotics\r\nX-INJECTED:1",
        "2026-11-10T10:00:00-05:00",
        interviewers=[{"name": "Dana\x07 Ruiz"}],
    )
    load(tmp_path, [hostile])
    data = export(tmp_path, capsys).read_bytes()
    assert b"\x1b" not in data and b"\x07" not in data and "\u202e".encode() not in data
    assert b"\r\nX-INJECTED" not in data
    event = events(tmp_path / "followup.ics")["evil/thank-you@followup"]
    assert str(event["SUMMARY"]).startswith("Thank-you to Dana Ruiz, Acme[31mRobotics")


def test_an_unwritable_output_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, [THANKED])
    capsys.readouterr()
    code = main(["export", "--ics", "-o", str(tmp_path / "missing" / "x.ics")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "can't be written" in err


def _khal(config: Path, *args: str) -> str:
    khal = Path(sys.executable).with_name("khal")
    result = subprocess.run(
        [str(khal), "-c", str(config), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "America/New_York"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _khal_config(folder: Path) -> Path:
    (folder / "cal").mkdir(parents=True)
    config = folder / "config"
    config.write_text(
        f"""[calendars]
[[followup]]
path = {folder / "cal"}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
default_timezone = America/New_York
local_timezone = America/New_York
[sqlite]
path = {folder / "khal.db"}
""",
        encoding="utf-8",
    )
    return config


def test_khal_imports_the_file_and_lists_each_step_on_its_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load(tmp_path, ALL)
    path = export(tmp_path, capsys)
    config = _khal_config(tmp_path / "khal")
    _khal(config, "import", "--batch", "-a", "followup", str(path))
    listing = "{start-date} {start-time} {title}"
    shown = _khal(
        config, "list", "--format", listing, "--day-format", "", "2026-11-01", "2026-11-30"
    )
    assert shown.splitlines() == [
        "2026-11-06 14:30 Thank-you to Dana Ruiz, Acme Robotics",
        "2026-11-11  Check in with Dana Ruiz, Globex",
        "2026-11-12  Check in with Dana Ruiz, Acme Robotics",
        "2026-11-17 10:30 Thank-you to Maya Chen and Lee Park, Initech",
        "2026-11-23  Check in with Maya Chen, Initech",
    ]
    # The date moves; importing the new file moves the event instead of adding a copy.
    snoozed = dict(THANKED)
    snoozed["events"] = [
        *THANKED["events"],
        {"kind": "snoozed", "at": "2026-11-11T09:00:00-05:00", "until": "2026-11-16"},
    ]
    load(tmp_path, [snoozed])
    _khal(config, "import", "--batch", "-a", "followup", str(export(tmp_path, capsys)))
    shown = _khal(
        config, "list", "--format", listing, "--day-format", "", "2026-11-01", "2026-11-30"
    )
    globex = [line for line in shown.splitlines() if "Globex" in line]
    assert globex == ["2026-11-16  Check in with Dana Ruiz, Globex"]
