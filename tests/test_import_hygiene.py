"""The pure core never loads Textual or TinyDB; the quick status check never loads Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import followup_tui.core


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_core_modules_import_neither_textual_nor_tinydb() -> None:
    names = [m.name for m in pkgutil.iter_modules(followup_tui.core.__path__)]
    assert "ladder" in names
    imports = "\n".join(f"import followup_tui.core.{name}" for name in names)
    loaded = _loaded_after(imports)
    assert "followup_tui" in loaded
    assert "textual" not in loaded
    assert "tinydb" not in loaded


def _contracts() -> dict[str, dict[str, object]]:
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return {c["name"]: c for c in contracts}


def _top_level_modules() -> set[str]:
    import followup_tui

    return {
        f"followup_tui.{m.name}"
        for m in pkgutil.iter_modules(followup_tui.__path__)
        if not m.name.startswith("_")
    }


def test_the_import_contracts_name_every_module_of_the_package() -> None:
    # A module added later must be placed on one side of each rule, not slip past both.
    contracts = _contracts()
    modules = _top_level_modules()
    assert {"followup_tui.core", "followup_tui.app", "followup_tui.storage"} <= modules
    tinydb = contracts["Only storage imports TinyDB"]["source_modules"]
    assert set(modules) - {"followup_tui.storage"} == set(tinydb)
    app = contracts["Only the command line imports the app"]["source_modules"]
    assert set(modules) - {"followup_tui.app", "followup_tui.cli"} == set(app)
