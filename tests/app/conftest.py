"""The app tests' names, kept here for the tests that import them from this module.

Everything lives in :mod:`tests.support`; the fixtures are registered by ``tests/conftest.py``.
"""

from tests.support.board import NOW, NY, SETTINGS, at, make, standard_board, thanked
from tests.support.clock import FixedAt, MovableClock
from tests.support.factory import AppFactory, data_file, make_app, open_store
from tests.support.store import stored

__all__ = [
    "NOW",
    "NY",
    "SETTINGS",
    "AppFactory",
    "FixedAt",
    "MovableClock",
    "at",
    "data_file",
    "make",
    "make_app",
    "open_store",
    "standard_board",
    "stored",
    "thanked",
]
