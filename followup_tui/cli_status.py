"""``followup status`` the full way: the board from the standings cache when it holds, else
computed from the data file (and cached for next time), printed as a table, a line or JSON.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui import collector
from followup_tui.cli_common import db_path, inert, inert_json, open_store
from followup_tui.settings import SettingsError

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from followup_tui.clock import Clock
    from followup_tui.core.board import Row
    from followup_tui.settings import Settings
    from followup_tui.standings_cache import CachedRow, Head


def cmd_status(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Print the standings of the open interviews (or all), most urgent first."""
    with collector.paused():
        return show_status(args, settings, clock)


def show_status(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Print the standings as ``args`` asks (``cmd_status`` without its pause of the
    garbage collector)."""
    from followup_tui import report, status_text

    now = clock.now()
    rows: Sequence[report.Shown]
    if getattr(args, "demo", False):
        from followup_tui.core.board import rank
        from followup_tui.demo import load_demo

        calendar = settings.calendar()
        rows = rank(load_demo(now, calendar), settings.policy, now, calendar)
    else:
        path = Path(os.path.realpath(db_path(args).expanduser()))
        cache = _StandingsCache(path, settings, now)
        head = cache.head() if args.short and not args.json else None
        if head is not None:  # the head alone answers: no row is read
            print(status_text.short_line(head.offers, head.due, head.overdue, head.next))
            _say_conflict_copies(db_path(args))
            return 0
        rows = cache.rows()
    if not args.all:
        rows = [r for r in rows if r.is_open]
    if args.json:
        print(inert_json(report.as_json(rows, now)))
    elif args.short:
        print(report.short(rows))
    else:
        print(report.table(rows, colour=report.use_colour(sys.stdout.isatty())))
    if not getattr(args, "demo", False):
        _say_conflict_copies(db_path(args))
    return 0


def keep_cache_for_next_time(path: Path, settings: Settings, now: datetime) -> None:
    """Bring the standings cache of the data file at ``path`` up to date if it no longer
    holds, as ``followup status`` would: the next start of the app draws its first frame
    from it, and a shell prompt's ``status --short`` answers at once. A cache is never
    worth an error: a file that can't be read now is left to the next run."""
    from followup_tui.storage.store import StoreError

    with collector.paused(), suppress(StoreError, OSError, SettingsError):
        cache = _StandingsCache(path, settings, now)
        if cache.head() is None:
            cache.rows()


def _say_conflict_copies(path: Path) -> None:
    """A line on stderr for each sync conflict copy beside the data file."""
    import shlex

    from followup_tui.paths import conflict_copies

    for copy in conflict_copies(path.absolute()):
        print(
            f"followup: a sync conflict copy lies beside the data file: {inert(copy.name)}; "
            f"fold it in with: followup merge {inert(shlex.quote(str(copy)))}",
            file=sys.stderr,
        )


class _StandingsCache:
    """The board of the data file at one instant: from the standings cache when it holds,
    else computed (and the cache written for next time)."""

    def __init__(self, path: Path, settings: Settings, now: datetime) -> None:
        from followup_tui import standings_cache

        self._cache = standings_cache
        self._path = path
        self._settings = settings
        self._now = now
        self._identity = standings_cache.file_identity(path)
        self._key = None if self._identity is None else cache_key(self._identity, settings)

    def head(self) -> Head | None:
        """The counts and next step of ``status --short``, if the cache holds them."""
        if self._key is None:
            return None
        head = self._cache.load_head(self._path, self._key, self._now)
        if head is not None:
            self._restamp()
        return head

    def rows(self) -> Sequence[CachedRow | Row]:
        """Every row of the board, in board order."""
        if self._key is not None:
            cached = self._cache.load_rows(self._path, self._key, self._now)
            if cached is not None:
                self._restamp()
                return cached
        from followup_tui.core.board import rank, standing_of

        settings, now, path = self._settings, self._now, self._path
        calendar = settings.calendar()
        rows = rank(open_store(path, read_only=True).interviews(), settings.policy, now, calendar)
        # Only what was read is cached: a file changed meanwhile is left for the next run.
        if self._key is not None and self._cache.file_identity(path) == self._identity:

            def countdown_at(row: Row, at: datetime) -> str:
                return standing_of(row.interview, settings.policy, at, calendar).countdown

            facts = _settings_facts(settings)
            self._cache.save(path, self._key, rows, now, calendar, countdown_at, settings=facts)
        return rows

    def _restamp(self) -> None:
        """Bring the settings facts of a cache that answered up to date, for the quick path."""
        facts = _settings_facts(self._settings)
        if facts is not None and self._key is not None:
            self._cache.restamp(self._path, self._key, facts)


def _settings_facts(settings: Settings) -> list[Any] | None:
    """What ``settings`` were read from (``standings_head.settings_facts``), for the quick
    path to check instead of reading them; None unless the settings file there now gives
    exactly ``settings`` (not so when a test passes its own, or the file changed since)."""
    from followup_tui.paths import settings_path
    from followup_tui.settings import settings_from
    from followup_tui.standings_head import settings_facts

    holidays_file = None
    if settings.country:
        # Found, not imported: a cache that answered has not needed the holidays yet.
        from importlib.util import find_spec

        spec = find_spec("holidays")
        holidays_file = None if spec is None else spec.origin
        if holidays_file is None:
            return None
    path = str(settings_path())
    try:
        facts, raw = settings_facts(path, holidays_file, os.environ)
        if settings_from(raw, path) != settings:
            return None
    except (OSError, SettingsError):
        return None
    return facts


def cache_key(identity: list[object], settings: Settings) -> dict[str, Any] | None:
    """The standings cache's key, or None when the zone has no name to key it on."""
    from followup_tui import standings_cache as cache

    zone = getattr(settings.zone(), "key", None)
    if not isinstance(zone, str):
        return None
    country = settings.country
    if country:  # a newer holidays package may know more holidays
        from importlib.metadata import version

        country = f"{country} (holidays {version('holidays')})"
    return cache.make_key(identity, settings.policy, zone, country)
