"""``followup status`` against what a hostile tester leaves around it: a closed standard
output, a cache that is a device, a named pipe or garbage, a head with numbers out of
range, a sync conflict copy. The quick path (cache present) and the full path answer alike,
and neither hangs nor prints a traceback.

Runs that could hang if a fix regressed are subprocesses with a timeout: the timeout is a
guard against hanging the suite, never a measure of speed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup_tui import standings_cache, standings_head
from followup_tui.core.dates import FIRST_YEAR, LAST_YEAR
from tests.test_quick_status import computed, demo, environment, main, quick

__all__ = ["demo"]  # the fixture, used by name

HANG_GUARD = 120
"""Seconds after which a run is taken to hang (a guard only; a run takes a second)."""


def _environment(db: Path, at: datetime) -> dict[str, str]:
    """``environment`` with the user folders under the test's own (a crash log included)."""
    env = environment(db, at)
    env.update(XDG_DATA_HOME=str(db.with_name("data")), XDG_CONFIG_HOME=str(db.with_name("cfg")))
    return env


def _run(
    argv: list[str], env: Mapping[str, str], *, shell_tail: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """``followup ARGV`` as a process (``shell_tail``: redirections for ``sh`` to add)."""
    command = [sys.executable, "-m", "followup_tui", *argv]
    if shell_tail:
        command = ["sh", "-c", f'exec "$@" {shell_tail}', "sh", *command]
    return subprocess.run(
        command, env=dict(env), capture_output=True, check=False, timeout=HANG_GUARD
    )


@pytest.mark.parametrize("cached", [True, False])
def test_a_closed_standard_output_gets_one_clear_line(
    demo: tuple[Path, datetime], cached: bool
) -> None:
    db, at = demo
    if not cached:
        standings_cache.cache_path_for(db).unlink()
    done = _run(["status", "--short"], _environment(db, at), shell_tail=">&-")
    assert (done.returncode, done.stderr) == (2, b"followup: standard output is closed\n")


def _hostile(cache: Path, kind: str) -> None:
    cache.unlink()
    if kind == "a link to /dev/zero":
        cache.symlink_to("/dev/zero")
    elif kind == "a named pipe":
        os.mkfifo(cache)
    else:
        assert kind == "a directory"
        cache.mkdir()


@pytest.mark.parametrize("kind", ["a link to /dev/zero", "a named pipe", "a directory"])
@pytest.mark.parametrize("argv", [["status"], ["status", "--short"], ["status", "--json"]])
def test_a_cache_that_is_no_regular_file_is_ignored(
    demo: tuple[Path, datetime], kind: str, argv: list[str]
) -> None:
    db, at = demo
    env = _environment(db, at)
    expected = computed(tuple(argv), env)
    cache = standings_cache.cache_path_for(db)
    _hostile(cache, kind)
    done = _run(argv, env)
    assert (done.returncode, done.stdout.decode(), done.stderr) == (0, expected, b"")
    if kind != "a directory":  # replaced by a rename, as a damaged cache is
        assert cache.is_file() and not cache.is_symlink()
        assert quick(tuple(argv), env) == expected


def _with_head(db: Path, change: Mapping[str, object]) -> None:
    """The cache of ``db`` with its head's entries replaced by ``change``."""
    cache = standings_cache.cache_path_for(db)
    head, rest = cache.read_bytes().split(b"\n", 1)
    fields = standings_head.decode(head.decode())
    fields.update(change)
    cache.write_bytes(standings_head.encode(fields).encode() + b"\n" + rest)


_FAR = 10**400
"""Further than any instant or count, and more than a float holds."""
_BEFORE = standings_head.micros(datetime(FIRST_YEAR - 1, 1, 1, tzinfo=UTC))
"""An instant before the dates' first year."""
HEADS: dict[str, dict[str, object]] = {
    "a next step far ahead": {"next": ["next: ", _FAR, ""]},
    "a next step far behind": {"next": ["next: ", -_FAR, ""]},
    "a next step anchored in text": {"next": ["next: ", "soon", ""]},
    "a next step of two pieces": {"next": ["next: ", 0]},
    "a huge count": {"counts": [_FAR, 1, 1]},
    "a negative count": {"counts": [0, -1, 0]},
    "a count as text": {"counts": ["1", 0, 0]},
    "a count as a flag": {"counts": [True, 0, 0]},
    "two counts": {"counts": [1, 1]},
    "made far behind": {"made": -_FAR},
    "made as text": {"made": "0"},
    "valid until far ahead": {"until": _FAR},
    "a section far away": {"sections": {"table": [_FAR, 10], "json": [_FAR, 10]}},
    "a section far too long": {"sections": {"table": [0, 10**18], "json": [0, 10**18]}},
    "a section before the start": {"sections": {"table": [-5, 10], "json": [-5, 10]}},
}


@pytest.mark.parametrize("case", sorted(HEADS))
def test_a_head_out_of_range_is_damage(demo: tuple[Path, datetime], case: str) -> None:
    db, at = demo
    env = _environment(db, at)
    expected = {argv: computed(argv, env) for argv in (("status",), ("status", "--short"))}
    _with_head(db, HEADS[case])
    assert standings_head.read(str(db), standings_head.micros(at), lambda _: True, None) is None
    for argv in expected:
        assert quick(argv, env) is None
    for argv, text in expected.items():  # the full path recomputes, and writes it again
        assert main(list(argv), env)[:2] == (0, text)
        assert quick(argv, env) == text
        _with_head(db, HEADS[case])


@pytest.mark.parametrize(
    "anchor", [_FAR, -_FAR, _BEFORE, "x"], ids=["far ahead", "far behind", "before", "text"]
)
def test_a_countdown_anchored_out_of_range_is_damage(anchor: object) -> None:
    with pytest.raises(ValueError):
        standings_head.countdown(["in ", anchor, ""], 0)
    with pytest.raises(ValueError):
        standings_head.countdown(["in ", float("inf"), ""], 0)


def test_instants_within_the_dates_years_count_down() -> None:
    first = standings_head.micros(datetime(FIRST_YEAR, 1, 1, tzinfo=UTC))
    last = standings_head.micros(datetime(LAST_YEAR, 12, 31, 23, 59, tzinfo=UTC))
    assert standings_head.countdown(["in ", first, ""], first) == "in <1m"
    assert standings_head.countdown(["", last, " left"], last - 60_000_000) == "1m left"


def _rewrite_sections(db: Path, section: str, old: bytes, new: bytes) -> None:
    """The cache of ``db`` with ``old`` replaced by ``new`` in ``section`` (offsets kept
    right)."""
    cache = standings_cache.cache_path_for(db)
    head, rest = cache.read_bytes().split(b"\n", 1)
    fields = standings_head.decode(head.decode())
    parts = {}
    for name, (start, length) in fields["sections"].items():
        parts[name] = rest[start : start + length]
    assert old in parts[section]
    parts[section] = parts[section].replace(old, new, 1)
    offset, sections = 0, {}
    for name, text in parts.items():
        sections[name] = [offset, len(text)]
        offset += len(text)
    fields["sections"] = sections
    body = b"".join(parts.values())
    cache.write_bytes(standings_head.encode(fields).encode() + b"\n" + body)


def test_sections_with_anchors_out_of_range_are_damage(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    env = _environment(db, at)
    expected = {argv: computed(argv, env) for argv in (("status",), ("status", "--json"))}
    cache = standings_cache.cache_path_for(db)
    kept = cache.read_bytes()
    head = standings_head.decode(kept.split(b"\n", 1)[0].decode())
    anchor = str(head["until"]).encode()
    for section, far in (("table", b"1" + b"0" * 400), ("json", b"1e400"), ("rows", b"1e400")):
        cache.write_bytes(kept)
        _rewrite_sections(db, section, anchor, far)
        if section != "rows":
            argv = ("status",) if section == "table" else ("status", "--json")
            assert quick(argv, env) is None
            assert main(list(argv), env)[:2] == (0, expected[argv])
        else:
            assert main(["status", "--json"], env)[:2] == (0, expected["status", "--json"])


def test_a_cache_too_large_to_be_one_is_not_read(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    env = _environment(db, at)
    expected = computed(("status", "--short"), env)
    cache = standings_cache.cache_path_for(db)
    cache.write_bytes(b"")
    os.truncate(cache, 8 << 30)  # sparse: eight gigabytes of no newline, on no disk
    done = _run(["status", "--short"], env)
    assert (done.returncode, done.stdout.decode(), done.stderr) == (0, expected, b"")


def test_a_head_longer_than_any_is_damage(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    cache = standings_cache.cache_path_for(db)
    head, rest = cache.read_bytes().split(b"\n", 1)
    cache.write_bytes(head + b"\x1fn" * standings_head.MAX_HEAD + b"\n" + rest)
    assert standings_head.read(str(db), standings_head.micros(at), lambda _: True, None) is None


def test_a_conflict_copy_is_named_for_short_whether_cached_or_not(
    demo: tuple[Path, datetime],
) -> None:
    db, at = demo
    copy = db.with_name("followup.sync-conflict-20261130-101500-ABCDEFG.json")
    copy.write_text("{}", encoding="utf-8")
    env = _environment(db, at)
    argv = ("status", "--short")
    assert quick(argv, env) is None  # the full path names it
    cached = main(list(argv), env)
    standings_cache.cache_path_for(db).unlink()
    uncached = main(list(argv), env)
    assert cached == uncached
    assert cached[0] == 0 and copy.name in cached[2]
    done = _run(list(argv), env)
    assert (done.returncode, done.stdout.decode(), done.stderr.decode()) == cached


def test_the_heads_range_is_the_dates_years_and_a_day() -> None:
    day = 86_400 * 1_000_000
    first = standings_head.micros(datetime(FIRST_YEAR, 1, 1, tzinfo=UTC))
    after = standings_head.micros(datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC))
    assert (first - day, after + day) == (standings_head.FIRST_US, standings_head.LAST_US)
