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
