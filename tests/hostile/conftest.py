"""The app fixtures of ``tests/app`` (a pinned clock, interviews in a temp data file)."""

from __future__ import annotations

from tests.app.conftest import data_file, make_app, open_store

__all__ = ["data_file", "make_app", "open_store"]
