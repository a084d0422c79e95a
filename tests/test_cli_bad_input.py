"""Bad input to the command line: one line naming the file and the problem, never a crash."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from followup_tui.storage import jsonfile, tinystorage
from tests.test_cli import demo_file, pinned, run  # noqa: F401 (fixtures)

RECORD = {"company": "Acme", "role": "PM", "start": "2026-11-03T10:00:00-05:00"}


def document(*records: object) -> dict[str, object]:
    return {"format": "followup", "version": 1, "interviews": list(records)}


def one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0]
    assert "unexpected error" not in err


def test_a_duplicate_key_in_an_import_record_is_refused_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "merged.json"
    path.write_text(
        '{"format": "followup", "version": 1, "interviews": [{"company": "Acme", "role": '
        '"PM", "role": "CEO", "start": "2026-11-03T10:00:00-05:00"}]}'
    )
    one_line_error(*run(capsys, "import", str(path)), str(path), "'role' appears twice")


def test_an_import_nested_100000_deep_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    one_line_error(*run(capsys, "import", str(path)), str(path), "nested too deeply")


def test_an_import_of_a_device_is_refused_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    one_line_error(*run(capsys, "import", "/dev/zero"), "/dev/zero", "not a regular file")


def test_an_import_over_the_size_limit_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonfile, "MAX_IMPORT_BYTES", 1024 * 1024)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document(RECORD | {"notes": "x"}) | {"pad": " " * 2_000_000}))
    one_line_error(*run(capsys, "import", str(path)), str(path), "larger than the 1 MiB")


def test_an_import_on_a_full_disk_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(document(RECORD)))

    def full(*_: object) -> os.stat_result:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tinystorage, "write_atomic", full)
    one_line_error(*run(capsys, "import", str(path)), str(path), "The disk is full")


def test_a_note_past_its_limit_is_refused_on_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "long.json"
    path.write_text(json.dumps(document(RECORD | {"notes": "x" * 10_000_000})))
    one_line_error(
        *run(capsys, "import", str(path)), str(path), "'notes'", "longer than 200,000 characters"
    )


def test_a_duplicate_key_in_the_data_file_is_refused_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data" / "followup.json"
    data.parent.mkdir()
    record = json.dumps(RECORD | {"id": "a"})
    other = json.dumps(RECORD | {"id": "b", "company": "Globex"})
    data.write_text(
        f'{{"meta": {{"1": {{"schema": 1}}}}, "interviews": {{"1": {record}, "1": {other}}}}}'
    )
    before = data.read_bytes()
    code, _, err = run(capsys, "status")
    assert code == 2
    assert "the key '1' appears twice in one JSON object" in err
    assert data.read_bytes() == before
