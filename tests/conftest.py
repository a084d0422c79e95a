"""Fixtures for every test: a quiet desktop, no disk flush and the cycle collector left as
found (all autouse), and the app on a data file of its own."""

from tests.support.collector import collector_as_found
from tests.support.desktop import quiet_desktop, tone_at_once
from tests.support.disk import no_disk_flush
from tests.support.factory import data_file, make_app, open_store

__all__ = [
    "collector_as_found",
    "data_file",
    "make_app",
    "no_disk_flush",
    "open_store",
    "quiet_desktop",
    "tone_at_once",
]


def pytest_sessionstart(session: object) -> None:
    """Byte-compile followup once, as ``pip install .`` does: many tests start it as a
    process, and with ``PYTHONDONTWRITEBYTECODE`` set each would compile it again."""
    import compileall
    from pathlib import Path

    import followup_tui

    compileall.compile_dir(Path(followup_tui.__file__).parent, quiet=1)
