"""Where the files live: one module answers for all of them, and ``followup paths`` says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui import crashlog, paths
from followup_tui.cli import main
from followup_tui.settings import load_settings
from followup_tui.storage.drafts import drafts_for
from followup_tui.storage.lock import WriterLock


@pytest.fixture
def homes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The platform folders moved into ``tmp_path``, and no overrides."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(paths.ENV_DB, raising=False)
    monkeypatch.delenv(paths.ENV_CONFIG, raising=False)
    return tmp_path


def test_without_overrides_everything_is_in_the_platform_folders(homes: Path) -> None:
    data = homes / "data" / "followup"
    config = homes / "config" / "followup"
    assert paths.default_db_path() == data / "followup.json"
    assert paths.crash_log_path() == data / "crash.log"
    assert paths.settings_path() == config / "settings.toml"
    assert paths.templates_path() == config / "templates.toml"


def test_overrides_name_the_data_file_and_the_settings_file(homes: Path) -> None:
    env = {paths.ENV_DB: " ~/elsewhere/mine.json ", paths.ENV_CONFIG: "/etc/x.toml"}
    assert paths.default_db_path(env) == Path.home() / "elsewhere" / "mine.json"
    assert paths.settings_path(env) == Path("/etc/x.toml")
    assert paths.default_db_path({paths.ENV_DB: "  "}) == paths.default_db_path({})


def test_the_backup_lock_and_drafts_sit_beside_the_data_file() -> None:
    data = Path("/somewhere/followup.json")
    assert paths.backup_path_for(data) == Path("/somewhere/followup.json.bak")
    assert paths.lock_path_for(data) == Path("/somewhere/followup.json.lock")
    assert paths.drafts_path(data) == Path("/somewhere/followup.json.drafts")


def test_the_modules_that_use_a_file_ask_for_it_here(
    homes: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "followup.json"
    lock = WriterLock.acquire(data)
    try:
        assert lock.path == paths.lock_path_for(data)
    finally:
        lock.release()

    class App:
        store = type("Store", (), {"read_only": False, "path": data})()

    assert drafts_for(App()).path == paths.drafts_path(data)
    assert crashlog.record_crash(ValueError("x")) == paths.crash_log_path()
    monkeypatch.setenv(paths.ENV_CONFIG, str(tmp_path / "s.toml"))
    (tmp_path / "s.toml").write_text('name = "Sam"\n', encoding="utf-8")
    assert load_settings().name == "Sam"


def test_followup_paths_prints_them(homes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(homes / "d.json"), "paths"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"data file:  {homes / 'd.json'}",
        f"backup:     {homes / 'd.json.bak'}",
        f"settings:   {homes / 'config' / 'followup' / 'settings.toml'}",
        f"crash log:  {homes / 'data' / 'followup' / 'crash.log'}",
    ]
