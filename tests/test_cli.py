"""The `followup` command as a user runs it from the shell."""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest

from followup_tui.cli import build_parser, main
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.codec import interviews_to_document
from followup_tui.demo import load_demo
from tests.support.shell import pin_command_line

if TYPE_CHECKING:
    from followup_tui.storage.store import Store

NOW = "2026-11-18T15:00:00-05:00"
NY = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pin_command_line(monkeypatch, tmp_path, NOW)


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    now = datetime.fromisoformat(NOW)
    doc = interviews_to_document(load_demo(now, BusinessCalendar(NY)))
    path = tmp_path / "demo-export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_status_with_no_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status")
    assert code == 0
    assert "No open interviews" in out


def test_import_then_status_most_urgent_first(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    code, out, _ = run(capsys, "import", str(demo_file))
    assert code == 0 and "Imported 14 interviews" in out
    code, out, _ = run(capsys, "status", "--json")
    doc = json.loads(out)
    assert doc["now"] == NOW
    statuses = [i["status"] for i in doc["interviews"]]
    assert statuses[:2] == ["offer", "overdue"]  # an open offer stays in sight, first
    assert "closed" not in statuses
    acme = next(i for i in doc["interviews"] if i["company"] == "Acme Robotics")
    assert acme["status"] == "thank_you_due"
    assert acme["actions"] == [
        "thank-you to Dana Ruiz",
        "thank-you to Lee Park",
        "tell Acme Robotics about your offer",  # the demo's open offer, from Cyberdyne
    ]
    assert acme["due"] == "2026-11-19T13:00:00-05:00"
    code, out, _ = run(capsys, "status", "--json", "--all")
    assert {"closed", "offer"} <= {i["status"] for i in json.loads(out)["interviews"]}


def test_status_table_and_short_line(capsys: pytest.CaptureFixture[str], demo_file: Path) -> None:
    run(capsys, "import", str(demo_file))
    _, out, _ = run(capsys, "status")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["COMPANY", "ROLE", "STATUS"]
    assert "Cyberdyne" in lines[1] and "offer" in lines[1]
    assert "Stark Logistics" in lines[2] and "overdue" in lines[2]
    assert "\x1b[" not in out  # NO_COLOR
    _, out, _ = run(capsys, "status", "--short")
    assert out.startswith("1 offer · 7 due · 1 overdue · next: Cyberdyne: thank them for the offer")


def test_export_import_export_is_stable(
    capsys: pytest.CaptureFixture[str], demo_file: Path, tmp_path: Path
) -> None:
    run(capsys, "import", str(demo_file))
    first = tmp_path / "first.json"
    assert run(capsys, "export", "-o", str(first))[0] == 0
    other = tmp_path / "other.json"
    assert run(capsys, "--db", str(other), "import", str(first))[0] == 0
    _, out, _ = run(capsys, "--db", str(other), "export")
    assert json.loads(out) == json.loads(first.read_text(encoding="utf-8"))


def test_bad_import_names_record_and_field_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo_file: Path, tmp_path: Path
) -> None:
    run(capsys, "import", str(demo_file))
    db = Path(os.environ["FOLLOWUP_DB"])
    before = db.read_bytes()
    doc = json.loads(demo_file.read_text(encoding="utf-8"))
    for item in doc["interviews"]:
        item["id"] += "-2"
    doc["interviews"][3]["start"] = "next blursday"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2
    assert "start" in err and "nothing was imported" in err
    assert db.read_bytes() == before


def test_import_of_a_file_that_is_not_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("Acme, Tuesday\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2 and "not valid JSON" in err
    code, _, err = run(capsys, "import", str(tmp_path / "missing.json"))
    assert code == 2 and "can't be read" in err


def test_unreadable_data_file_is_reported_and_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = Path(os.environ["FOLLOWUP_DB"])
    db.parent.mkdir(parents=True)
    db.write_bytes(b'{"_default": {"1": {"company": ')
    code, _, err = run(capsys, "status")
    assert code == 2
    assert str(db) in err
    assert db.read_bytes() == b'{"_default": {"1": {"company": '


def test_bad_clock_and_bad_settings_are_clear_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOLLOWUP_NOW", "tuesday")
    code, _, err = run(capsys, "status")
    assert code == 2 and "FOLLOWUP_NOW" in err
    monkeypatch.setenv("FOLLOWUP_NOW", NOW)
    (tmp_path / "settings.toml").write_text('policy = "eager"\n', encoding="utf-8")
    code, _, err = run(capsys, "status")
    assert code == 2 and "'policy'" in err and "eager" in err


def test_demo_without_a_terminal_prints_the_demo_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "Acme Robotics" in out and "thank-you due" in out
    assert not Path(os.environ["FOLLOWUP_DB"]).exists()


def test_hostile_text_is_printed_inert(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = {
        "format": "followup",
        "version": 1,
        "interviews": [
            {
                "company": "Evil\x1b[2J\x1b]0;pwned\x07Co",
                "role": "[bold red]Role[/]",
                "start": "2026-11-18T10:00:00-05:00",
            }
        ],
    }
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    run(capsys, "import", str(path))
    _, out, _ = run(capsys, "status")
    assert "\x1b" not in out and "\x07" not in out
    assert "[bold red]Role[/]" in out


def test_status_does_not_load_textual(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom followup_tui.cli import main\nmain(['status'])\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN')"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    assert out.strip().endswith("CLEAN")


def test_status_loads_nothing_only_a_writer_another_command_or_help_needs(tmp_path: Path) -> None:
    # The benchmark's case: the data file and settings named, no settings file.
    unneeded = ["tinydb", "tomllib", "platformdirs", "tempfile", "secrets", "shutil", "textual"]
    probe = (
        "import sys\nfrom followup_tui.cli import main\nmain(['status'])\n"
        f"print(sorted(m for m in {unneeded!r} if m in sys.modules))\n"
        "print(sorted(m for m in sys.modules if m.startswith('followup_tui.storage.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    ).stdout.splitlines()
    assert out[-2] == "[]"
    reader = ["datafile", "errors", "history", "store"]
    assert out[-1] == str([f"followup_tui.storage.{name}" for name in reader])


def test_status_pauses_the_garbage_collector_and_turns_it_back_on(
    capsys: pytest.CaptureFixture[str], demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.core import board

    run(capsys, "import", str(demo_file))
    seen: list[bool] = []
    real = board.rank

    def spy(*args: Any, **kw: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kw)

    monkeypatch.setattr(board, "rank", spy)
    code, out, _ = run(capsys, "status")
    assert code == 0 and "Acme Robotics" in out
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize("argv", [[], ["demo"]])
def test_opening_the_app_runs_no_collection_until_its_first_frame(
    argv: list[str], data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Importing the app and its board creates objects that live as long as it does; the
    # app lets collections run again once its first frame is drawn (release_collections,
    # from FollowupApp.on_ready: tests/app/test_board_screen.py checks that side).
    from followup_tui import cli

    seen: list[bool] = []

    def run_app(store: Store | None, *_: object, **__: object) -> int:
        seen.append(gc.isenabled())
        if store is not None:
            store.close()
        return 0

    monkeypatch.setenv("FOLLOWUP_DB", str(data_file))
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(cli, "_run_app", run_app)
    assert gc.isenabled()
    assert cli.main(argv) == 0
    assert seen == [False]
    assert gc.isenabled(), "the command line turns the collector back on as it ends"


def test_other_commands_collect_as_usual(data_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from followup_tui import cli

    seen: list[bool] = []

    def paths(*_: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setenv("FOLLOWUP_DB", str(data_file))
    monkeypatch.setitem(cli._COMMANDS, "paths", paths)
    assert cli.main(["paths"]) == 0
    assert seen == [True]


@pytest.mark.parametrize("columns", ["50", "120"])
def test_help_is_laid_out_as_argparse_lays_it_out(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for each in (parser, commands.choices["status"], commands.choices["export"]):
        ours = each.format_help()
        each.formatter_class = argparse.HelpFormatter
        assert each.format_help() == ours
    assert max(len(line) for line in ours.splitlines()) <= int(columns) - 2


def test_status_of_the_demo_without_touching_any_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--demo", "--json")
    assert code == 0
    statuses = {i["status"] for i in json.loads(out)["interviews"]}
    assert {"overdue", "thank_you_due", "follow_up_due", "waiting", "upcoming"} <= statuses
    assert not Path(os.environ["FOLLOWUP_DB"]).exists()


APP_ARGVS = [
    [],
    ["demo"],
    ["--db", "some/file.json"],
    ["--db", "some/file.json", "demo"],
    ["--db=other.json"],
    ["--db=other.json", "demo"],
    ["--db", "demo"],
    ["--db", ""],
    ["--db="],
    ["--db=-odd.json"],
]


@pytest.mark.parametrize("argv", APP_ARGVS, ids=repr)
def test_opening_the_app_is_read_as_argparse_reads_it(argv: list[str]) -> None:
    from followup_tui.cli import parse_args

    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["--db"], ["--db", "-x"], ["--d", "x"], ["demo", "extra"], ["--db", "a", "--db", "b"]],
    ids=repr,
)
def test_what_only_looks_like_opening_the_app_gets_argparse_s_answer(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from followup_tui.cli import parse_args

    def answer(parse: Any) -> tuple[object, str]:
        try:
            return vars(parse(argv)), capsys.readouterr().err
        except SystemExit as stop:
            return stop.code, capsys.readouterr().err

    assert answer(parse_args) == answer(build_parser().parse_args)


def test_opening_the_app_does_not_load_argparse() -> None:
    probe = (
        "import sys\nfrom followup_tui.cli import parse_args\n"
        "parse_args(['--db', 'x.json', 'demo'])\n"
        "print('ARGPARSE' if 'argparse' in sys.modules else 'CLEAN')"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    assert out.strip() == "CLEAN"
