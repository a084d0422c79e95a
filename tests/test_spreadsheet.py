"""`followup import tracker.csv`: a spreadsheet's rows become interviews, all or nothing."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup_tui import spreadsheet
from followup_tui.cli import main
from followup_tui.core.dates import DateError
from followup_tui.core.model import EventKind, Interview, Outcome
from followup_tui.spreadsheet import parse_when
from followup_tui.storage.store import Store
from tests.support.shell import pin_command_line

NOW = "2026-11-18T15:00:00-05:00"
NY = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pin_command_line(monkeypatch, tmp_path, NOW)


def db() -> Path:
    return Path(os.environ["FOLLOWUP_DB"])


def stored() -> dict[str, Interview]:
    store = Store.open(db(), read_only=True)
    try:
        return {i.company: i for i in store.interviews()}
    finally:
        store.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sheet(tmp_path: Path, data: str | bytes, name: str = "tracker.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


TRACKER = (
    "\ufeffCompany Name;Job Title;Interview Date;Contact;Email;Status;Notes\n"
    "Acme Robotics;Product Manager;Nov 3, 2026 10:00 AM;Dana Ruiz, Lee Park;dana@acme.example;"
    'Rejected;"=HYPERLINK(""http://evil.example"",""click"")"\n'
    "Globex;Engineer;2026-11-25;Sam Okafor;;Phone screen;\n"
    "Initech;Analyst;;;;Applied;waiting to hear\n"
    ";;;;;;\n"
    "Hooli;Developer;46329.4166667;Gavin Reyes;;Offer;\n"
    "Vandelay;Importer;2026-11-02 09:30:00;;;Withdrew;\n"
    "Umbrella;Researcher;2026-11-04T10:00:00-08:00;;;Ghosted;\n"
)


def test_a_tracker_with_bom_and_semicolons_is_imported_row_by_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", str(sheet(tmp_path, TRACKER)))
    assert code == 0
    assert "row 4: skip    no interview date" in out
    assert "Imported 5 interviews" in out and "1 row skipped" in out
    found = stored()
    assert set(found) == {"Acme Robotics", "Globex", "Hooli", "Vandelay", "Umbrella"}
    acme = found["Acme Robotics"]
    assert acme.role == "Product Manager"
    assert acme.start == datetime(2026, 11, 3, 10, tzinfo=NY)
    assert [(p.name, p.email) for p in acme.interviewers] == [
        ("Dana Ruiz", "dana@acme.example"),
        ("Lee Park", ""),
    ]
    assert [(e.kind, e.outcome) for e in acme.events] == [(EventKind.REPLY, Outcome.REJECTED)]
    # A formula is text like any other: kept as typed, never evaluated.
    assert acme.notes == '=HYPERLINK("http://evil.example","click")'
    assert found["Globex"].start == datetime(2026, 11, 25, 12, tzinfo=NY)  # no time: noon
    assert found["Globex"].round == "Phone screen" and not found["Globex"].events
    assert found["Hooli"].start == datetime(2026, 11, 3, 10, tzinfo=NY)  # a serial number
    assert found["Hooli"].events[0].outcome is Outcome.OFFER
    assert found["Vandelay"].events[0].kind is EventKind.WITHDREW
    assert found["Umbrella"].archived
    assert found["Umbrella"].start == datetime(2026, 11, 4, 13, tzinfo=NY)


def test_importing_the_same_sheet_again_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path, TRACKER)
    run(capsys, "import", str(path))
    before = stored()
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "Imported 0 interviews" in out
    assert out.count("already imported") == 5
    assert stored() == before


def test_dry_run_shows_each_row_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", "--dry-run", str(sheet(tmp_path, TRACKER)))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "row 2: import  Acme Robotics · Product Manager · Tue 3 Nov 2026 10:00 · "
        "Dana Ruiz, Lee Park · rejected"
    )
    assert (
        lines[-1]
        == "5 interviews would be imported; 1 row skipped. Nothing was written (--dry-run)."
    )
    assert not db().exists()


def test_map_names_columns_the_alias_table_does_not_know(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Firm,Job,When,Who\nAcme,PM,2026-11-03 10:00,Dana Ruiz\n"
    path = sheet(tmp_path, data, "tracker.txt")
    code, _, err = run(capsys, "import", "--csv", str(path))
    assert code == 2 and "no column for company" in err and "--map company=COLUMN" in err
    maps = ["--map", "company=Firm", "--map", "date=When", "--map", "interviewer=Who"]
    code, _, err = run(capsys, "import", "--csv", *maps, str(path))
    assert code == 0, err
    assert stored()["Acme"].role == "PM"  # "job" is an alias of role
    assert stored()["Acme"].interviewers[0].name == "Dana Ruiz"


def test_map_errors_name_the_field_or_the_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path, "Company,Role,Date\nAcme,PM,2026-11-03\n")
    _, _, err = run(capsys, "import", "--map", "company=Employer", str(path))
    assert "no such column" in err and "'Company', 'Role', 'Date'" in err
    _, _, err = run(capsys, "import", "--map", "salary=Role", str(path))
    assert "no such field" in err
    code, _, err = run(capsys, "import", "--map", "company=Company", str(tmp_path / "x.json"))
    assert code == 2 and "are for CSV" in err
    assert not db().exists()


def test_numeric_dates_need_an_order_only_when_ambiguous(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path, "Company,Role,Date\nAcme,PM,03/11/2026\nGlobex,Dev,25/11/2026\n")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2
    assert err.strip() == (
        f"followup: {path}: row 2, column 'Date': '03/11/2026' could be day-first or "
        "month-first: add --day-first or --month-first; nothing was imported"
    )
    assert not db().exists()
    code, _, err = run(capsys, "import", "--month-first", str(path))
    assert code == 2 and "row 3, column 'Date'" in err and "no month 25" in err
    assert run(capsys, "import", "--day-first", str(path))[0] == 0
    assert stored()["Acme"].start.date().isoformat() == "2026-11-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-03", "2026-11-03T12:00:00-05:00"),
        ("2026-11-03 10:00:00", "2026-11-03T10:00:00-05:00"),
        ("Nov 3, 2026 10:00 AM", "2026-11-03T10:00:00-05:00"),
        ("3-Nov-2026", "2026-11-03T12:00:00-05:00"),
        ("11/3/26", "2026-11-03T12:00:00-05:00"),  # month-first given
        ("46329", "2026-11-03T12:00:00-05:00"),
        ("46329.75", "2026-11-03T18:00:00-05:00"),
    ],
)
def test_dates_as_people_and_spreadsheets_write_them(text: str, expected: str) -> None:
    now = datetime.fromisoformat(NOW)
    assert parse_when(text, now, NY, "month") == datetime.fromisoformat(expected)


@pytest.mark.parametrize("text", ["tomorrow", "next friday", "=TODAY()", "3", "soon", "31/02/2026"])
def test_dates_that_would_be_guesses_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_when(text, datetime.fromisoformat(NOW), NY, "day")


def test_a_bad_row_names_row_and_column_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"Company {n},PM,2026-11-0{n % 9 + 1}\n" for n in range(40))
    data = "Employer,Position,Interview\n" + rows + "Acme,PM,the 3rd of never\n"
    code, _, err = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 2
    assert "row 42, column 'Interview'" in err and "nothing was imported" in err
    assert not db().exists()
    code, _, err = run(
        capsys, "import", str(sheet(tmp_path, "Company,Role,Date\n,PM,2026-11-03\n"))
    )
    assert code == 2 and "row 2, column 'Company': empty" in err


def test_a_row_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = "Company,Role,Date\nAcme,PM,2026-11-03\nGlobex,PM,2026-11-04\nacme,pm,2026-11-03\n"
    code, _, err = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 2 and "row 4, column 'Date': the same company, role and date as row 2" in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty: no header row"),
        (b"\xef\xbb\xbf\n\n", "empty: no header row"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file, not CSV text"),
        ("Company,Role,Date\nAcmé,PM,2026-11-03\n".encode("latin-1"), "row 2 is not UTF-8 text"),
        (b'Company,Role,Date\nAcme,"PM,2026-11-03\n', "can't be read as CSV"),
    ],
)
def test_files_that_are_not_trackers_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    code, out, err = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 2 and message in err and err.count("\n") == 1 and out == ""
    assert not db().exists()


def test_a_header_alone_imports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", str(sheet(tmp_path, "Company,Role,Date\n")))
    assert code == 0 and "Imported 0 interviews" in out


def test_a_huge_file_is_refused_before_it_is_read_as_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_BYTES", 1024 * 1024)
    data = "Company,Role,Date\n" + "Acme,PM,2026-11-03\n" * 60_000
    code, _, err = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 2 and "too large for a tracker" in err
    assert not db().exists()


def test_a_long_tracker_is_imported_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Company,Role,Date\n" + "".join(
        f"Company {n},Role {n},2026-{n % 12 + 1:02d}-{n % 28 + 1:02d} 10:00\n" for n in range(3000)
    )
    code, out, _ = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 0 and "Imported 3000 interviews" in out
    assert len(stored()) == 3000


def test_control_characters_never_reach_the_data_or_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        "Company,Role,Date,Contact,Notes\n"
        '"Ac\x1b[2Jme\u202e",P\x07M,2026-11-03,Da\x08na,"a\nb\x1bc"\n'
    )
    code, out, _ = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    (acme,) = stored().values()
    assert acme.company == "Ac[2Jme" and acme.role == "PM"
    assert acme.interviewers[0].name == "Dana"
    assert acme.notes == "a\nbc"  # line breaks kept in notes


def test_line_separators_inside_cells_do_not_split_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Company,Role,Date,Notes\nAc\x1cme,P\u2028M,2026-11-03,one\x85two\u2029three\n"
    code, out, err = run(capsys, "import", str(sheet(tmp_path, data)))
    assert code == 0, err
    assert "Imported 1 interview " in out
    (acme,) = stored().values()
    assert (acme.company, acme.role, acme.notes) == ("Acme", "PM", "onetwothree")


def test_a_cell_too_long_for_csv_names_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Company,Role,Date,Notes\nAcme,PM,2026-11-03,short\nGlobex,PM,2026-11-04,"
    code, _, err = run(capsys, "import", str(sheet(tmp_path, data + "x" * 200_000 + "\n")))
    assert code == 2 and "row 3 can't be read as CSV" in err
    assert not db().exists()
