"""Hostile text printed by the shell commands: status (table, short, JSON), export, and the
message naming a record ``import`` refuses. ``tests/test_cli.py`` checks an escape code in
the table; here every field and every form of output, with C1 controls and bidi too.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from followup_tui.cli import main
from tests.support.shell import pin_command_line

from .screen import BIDI, MARKUP, hostile

NOW = "2026-11-04T15:00:00-05:00"


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Our own data file and settings, a pinned clock, no colour."""
    pin_command_line(monkeypatch, tmp_path, NOW)


def document(**extra: object) -> dict[str, object]:
    """An interchange file holding one hostile interview (thank-yous owed at ``NOW``)."""
    interview = {
        "company": hostile("CO"),
        "role": hostile("RO"),
        "round": hostile("RD"),
        "start": "2026-11-04T10:00:00-05:00",
        "interviewers": [{"name": hostile("NA"), "title": hostile("TI"), "email": "x@y.example"}],
        "notes": hostile("NO"),
        **extra,
    }
    return {"format": "followup", "version": 1, "interviews": [interview]}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command's exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def raw_controls(text: str) -> list[str]:
    """Control and bidi characters that would reach the terminal as they are."""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if (ch != "\n" and unicodedata.category(ch) == "Cc") or ch in BIDI
    ]


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The hostile interview, imported."""
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    assert run(capsys, "import", str(path))[0] == 0


@pytest.mark.parametrize("args", [["status"], ["status", "--all"], ["status", "--short"]])
def test_status_prints_it_inert(
    imported: None, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 0
    assert raw_controls(out + err) == []
    if args != ["status", "--short"]:
        assert "CO" + MARKUP[:8] in out  # the markup shown as written (the column is short)


@pytest.mark.parametrize("args", [["status", "--json"], ["export"]])
def test_json_output_is_inert_and_exact(
    imported: None, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert raw_controls(out) == []  # escaped as \\uXXXX...
    doc = json.loads(out)
    assert doc["interviews"][0]["company"] == hostile("CO")  # ...and read back exactly


def test_a_refused_record_is_named_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document(duration_minutes=-5)), encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 2
    assert "duration_minutes" in err and "nothing was imported" in err
    assert raw_controls(out + err) == []
