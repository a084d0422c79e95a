"""Files that can't be used are never written: a clear message, the file byte-for-byte kept.

Every case is opened both for writing and for reading. The message names the file and the
problem, and tells how to go back to the backup; the commands it prints are run to prove
they do restore it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup_tui.core.codec import interview_to_dict
from followup_tui.paths import backup_path_for
from followup_tui.storage import Store, StoreError

from .support import interview, open_unprivileged


def _good_file() -> bytes:
    """The bytes of a healthy data file with two interviews."""
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "good.json") as store:
            store.import_interviews([interview(1, notes="café ☕"), interview(2)])
        return (Path(folder) / "good.json").read_bytes()


GOOD = _good_file()
META = {"meta": {"1": {"schema": 1}}}


def _tables(**interviews: Any) -> bytes:
    return json.dumps(META | {"interviews": interviews}).encode()


def _doc(**changes: Any) -> dict[str, Any]:
    return interview_to_dict(interview(1)) | changes


#: (name, file content, a phrase the message must hold)
BAD_CONTENT: list[tuple[str, bytes, str]] = [
    ("empty", b"", "it is empty (0 bytes)"),
    ("whitespace", b"  \n", "not valid JSON"),
    ("list", b"[]", "it holds JSON a list where a followup data file holds an object"),
    ("null", b"null", "it holds JSON null"),
    ("string", b'"followup"', "it holds JSON a string"),
    ("number", b"42", "it holds JSON a number"),
    ("truncated at 1/2", GOOD[: len(GOOD) // 2], "its JSON stops in the middle"),
    ("truncated at 1 byte", GOOD[:1], "its JSON stops in the middle"),
    ("truncated by 1 byte", GOOD[:-1], "its JSON stops in the middle"),
    ("trailing garbage", GOOD + b"\n}{garbage", "stray content after the JSON data"),
    ("two documents", GOOD + GOOD, "stray content after the JSON data"),
    ("byte-order mark", b"\xef\xbb\xbf" + GOOD, "byte-order mark"),
    ("latin-1", GOOD.replace("é".encode(), b"\xe9"), "not UTF-8 text (byte 0xe9"),
    ("utf-16", GOOD.decode().encode("utf-16"), "not UTF-8 text (byte 0xff at offset 0)"),
    ("random bytes", bytes(range(256)) * 4, "not UTF-8 text"),
    ("csv", b"company,role\nAcme,PM\n", "not valid JSON"),
    ("stock tinydb", b'{"_default": {"1": {"company": "Acme"}}}', "no schema version"),
    ("stock tinydb cut", b'{"_default": {"1": {"company": ', "stops in the middle"),
    ("empty object", b"{}", "no schema version"),
    ("newer schema", json.dumps({"meta": {"1": {"schema": 2}}}).encode(), "newer version"),
    ("schema as text", json.dumps({"meta": {"1": {"schema": "1"}}}).encode(), "not a version"),
    ("schema zero", json.dumps({"meta": {"1": {"schema": 0}}}).encode(), "not a version"),
    ("meta a list", json.dumps({"meta": [1]}).encode(), "'meta' table is not what"),
    ("unknown table", json.dumps(META | {"_default": {}}).encode(), "unknown table '_default'"),
    ("table a list", json.dumps(META | {"interviews": []}).encode(), "table 'interviews' is not"),
    ("doc a string", _tables(**{"1": "Acme"}), "interview 1: expected an object"),
    ("doc id a word", _tables(one=_doc()), "document id 'one' is not a number"),
    ("no id", _tables(**{"1": _doc(id=None)}), "interview 1 (Company 1): field 'id': missing"),
    ("id a number", _tables(**{"1": _doc(id=5)}), "field 'id': expected text, got 5"),
    ("company a number", _tables(**{"1": _doc(company=42)}), "field 'company': expected text"),
    ("start a word", _tables(**{"1": _doc(start="tuesday")}), "field 'start': not an ISO 8601"),
    ("events a dict", _tables(**{"1": _doc(events={})}), "field 'events': expected a list"),
    ("bad event", _tables(**{"1": _doc(events=[{"kind": "x"}])}), "event 1: field 'kind'"),
    ("archived text", _tables(**{"1": _doc(archived="no")}), "field 'archived'"),
    (
        "duplicate ids",
        _tables(**{"1": _doc(), "2": _doc(company="Other")}),
        "interview 2 (Other): field 'id': duplicate id 'iv1'",
    ),
]


@pytest.fixture(params=["no backup", "good backup", "bad backup"])
def backup(request: pytest.FixtureRequest) -> str:
    """Whether a backup sits beside the bad file, and what it is like."""
    return str(request.param)


@pytest.mark.parametrize(
    ("name", "content", "problem"), BAD_CONTENT, ids=[c[0] for c in BAD_CONTENT]
)
def test_a_bad_file_is_refused_and_left_alone(
    tmp_path: Path, name: str, content: bytes, problem: str, backup: str
) -> None:
    path = tmp_path / "followup.json"
    path.write_bytes(content)
    bak = backup_path_for(path)
    if backup != "no backup":
        bak.write_bytes(GOOD if backup == "good backup" else b"")
    before_backup = bak.read_bytes() if bak.exists() else None
    for read_only in (False, True):
        with pytest.raises(StoreError) as caught:
            Store.open(path, read_only=read_only)
        message = str(caught.value)
        assert message.startswith(f"Can't use the data file {path}: "), message
        assert problem in message
        assert "followup has left the file exactly as it is." in message
        assert path.read_bytes() == content
        assert (bak.read_bytes() if bak.exists() else None) == before_backup
        assert [p.name for p in tmp_path.glob("*.tmp")] == []
        if backup == "no backup":
            assert f"There is no backup beside it ({bak})" in message
        elif backup == "bad backup":
            assert f"The backup beside it ({bak}) can't be used either: it is empty" in message
    if backup == "good backup":
        _follow_the_advice(message, path)


def _follow_the_advice(message: str, path: Path) -> None:
    """Run the commands the message prints, as a user would paste them."""
    commands = [line.strip() for line in message.splitlines() if line.startswith("  cp ")]
    assert len(commands) == 2
    for command in commands:
        subprocess.run(command, shell=True, check=True)
    with Store.open(path) as store:
        assert [i.id for i in store.interviews()] == ["iv1", "iv2"]
    assert path.with_name(path.name + ".damaged").exists()


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"^Can't use the data file {path}: it is a folder"):
            Store.open(path, read_only=read_only)
    assert os.listdir(path) == ["keep.txt"]


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StoreError, match="Can't create the folder"):
        Store.open(tmp_path / "data" / "followup.json")
    with pytest.raises(StoreError, match="a part of its folder path is a file"):
        Store.open(tmp_path / "data" / "followup.json", read_only=True)
    assert (tmp_path / "data").read_text() == "not a folder"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (the permission tests run as ``nobody`` under root)."""
    folder = Path(tempfile.mkdtemp(prefix="followup-perm-"))
    folder.chmod(0o777)
    yield folder
    for item in [folder, *folder.rglob("*")]:
        item.chmod(0o700)
    shutil.rmtree(folder)


def _hand_over(*paths: Path) -> None:
    """Give ``paths`` to the user the unprivileged open runs as."""
    if os.geteuid() == 0:
        for path in paths:
            os.chown(path, 65534, 65534)


def test_an_unreadable_file(shared_folder: Path) -> None:
    path = shared_folder / "followup.json"
    path.write_bytes(GOOD)
    path.chmod(0o000)
    for read_only in (False, True):
        code, said = open_unprivileged(path, read_only=read_only)
        assert code == 3, said
        assert f"Can't use the data file {path}: permission denied" in said
        assert f"chmod u+rw {path}" in said
    path.chmod(0o600)
    assert path.read_bytes() == GOOD


def test_a_read_only_folder(shared_folder: Path) -> None:
    folder = shared_folder / "data"
    folder.mkdir()
    path = folder / "followup.json"
    path.write_bytes(GOOD)
    _hand_over(folder, path)
    folder.chmod(0o500)
    code, said = open_unprivileged(path, read_only=False)
    assert code == 3, said
    assert f"its folder {folder} is read-only" in said
    code, said = open_unprivileged(path, read_only=True)
    assert (code, said.strip()) == (0, "opened")
    assert path.read_bytes() == GOOD
    assert os.listdir(folder) == ["followup.json"]
