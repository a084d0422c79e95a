"""Fixtures for every test: a quiet desktop (autouse) and the app on a data file of its own."""

from tests.support.desktop import quiet_desktop, tone_at_once
from tests.support.factory import data_file, make_app, open_store

__all__ = ["data_file", "make_app", "open_store", "quiet_desktop", "tone_at_once"]
