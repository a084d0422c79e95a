"""The quick path of ``followup status`` (``quick_status``) prints byte for byte what the
full command line prints, or nothing at all: at any instant of a cache's life, after saves,
edits by another program, settings edits, zone and version changes, and every case it
leaves to the full path falls back and is answered right."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup_tui
from followup_tui import __main__ as command
from followup_tui import quick_status, standings_cache, standings_head
from followup_tui.core.model import Event, EventKind, Interview, Outcome
from followup_tui.core.policy import POLICIES
from followup_tui.storage.store import Store
from tests.support.board import demo_board
from tests.test_standings_cache import (
    NEW_YORK,
    PROPERTY,
    boards,
    data_file,
    head_of,
    instants,
    within,
)

SETTINGS = 'name = "Alex Morgan"\ntimezone = "America/New_York"\n'
"""The settings file of these tests (the zone the other cache tests use)."""
FORMS = (
    ("status",),
    ("status", "--short"),
    ("status", "--json"),
    ("status", "--all"),
    ("status", "--json", "--all"),
    ("status", "--short", "--all"),
    ("status", "--all", "--short", "--json"),
)
"""Every form of the status the quick path answers."""


class _Terminal(io.StringIO):
    """Standard output that says it is a terminal (the table is coloured there)."""

    def isatty(self) -> bool:
        return True


def environment(db: Path, at: datetime, **more: str) -> dict[str, str]:
    """The environment of a run at ``at`` on ``db``, its settings file beside it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "NO_COLOR"))}
    config = db.with_name("settings.toml")
    env.update(FOLLOWUP_DB=str(db), FOLLOWUP_CONFIG=str(config), FOLLOWUP_NOW=at.isoformat())
    env.update(TZ="America/New_York", **more)
    return env


@contextmanager
def environ(env: Mapping[str, str]) -> Iterator[None]:
    with mock.patch.dict(os.environ, env, clear=True):
        yield


def full(argv: tuple[str, ...], env: Mapping[str, str], *, tty: bool = False) -> str:
    """What the full command line prints (``cli.main``, whatever cache there is)."""
    from followup_tui import cli

    out = _Terminal() if tty else io.StringIO()
    with environ(env), redirect_stdout(out):
        assert cli.main(list(argv)) == 0
    return out.getvalue()


def saves(run: Callable[[], object]) -> bool | None:
    """Whether ``run`` wrote the standings cache: True, False when it tried and could not
    (a countdown could not be templated), None when it did not try (the cache held)."""
    real = standings_cache.save
    outcomes: list[bool] = []

    def noted(*args: Any, **kwargs: Any) -> bool:
        outcomes.append(real(*args, **kwargs))
        return outcomes[-1]

    with mock.patch.object(standings_cache, "save", noted):
        run()
    assert len(outcomes) <= 1
    return outcomes[0] if outcomes else None


def computed(argv: tuple[str, ...], env: Mapping[str, str], *, tty: bool = False) -> str:
    """What the full command line prints with no cache to use (the cache is kept)."""
    cache = standings_cache.cache_path_for(Path(env["FOLLOWUP_DB"]))
    kept = cache.read_bytes() if cache.exists() else None
    cache.unlink(missing_ok=True)
    try:
        return full(argv, env, tty=tty)
    finally:
        if kept is not None:
            cache.write_bytes(kept)


def quick(argv: tuple[str, ...], env: Mapping[str, str], *, tty: bool = False) -> str | None:
    """What the quick path prints, or None when it leaves the answer to the full path."""
    with environ(env):
        return quick_status.status(argv, os.environ, tty=tty)


def written(db: Path, at: datetime) -> None:
    """The settings file beside ``db``, and the cache as a first ``status`` at ``at`` leaves
    it."""
    db.with_name("settings.toml").write_text(SETTINGS, encoding="utf-8")
    full(("status",), environment(db, at))


@PROPERTY
@given(board=boards(), made=instants, fraction=st.floats(0, 1, exclude_max=True))
def test_the_quick_path_prints_what_the_full_path_prints_at_any_instant(
    board: list[Interview], made: datetime, fraction: float
) -> None:
    with data_file(board) as db:
        written(db, made)
        env = environment(db, within(db, fraction))
        for argv in FORMS:
            answer = quick(argv, env)
            assert answer is not None, argv  # a fitting cache answers every plain form
            assert answer == computed(argv, env), argv
        assert quick(("status",), env, tty=True) == computed(("status",), env, tty=True)


CHANGES = (
    "save",
    "foreign edit",
    "policy edited",
    "zone edited",
    "settings removed",
    "TZ",
    "cache version",
    "package version",
    "rules",
)


@PROPERTY
@given(
    board=boards(),
    made=instants,
    fraction=st.floats(0, 1, exclude_max=True),
    change=st.sampled_from(CHANGES),
    policy=st.sampled_from(list(POLICIES)),
)
def test_after_any_change_the_quick_path_steps_aside(
    board: list[Interview], made: datetime, fraction: float, change: str, policy: str
) -> None:
    with data_file(board) as db:
        written(db, made)
        later = within(db, fraction)
        env = environment(db, later)
        config = db.with_name("settings.toml")
        patches: list[mock._patch[object]] = []
        if change == "save":
            with Store.open(db) as store:
                store.log("i0", Event(EventKind.THANK_YOU_SENT, later))
        elif change == "foreign edit":
            # Another program rewrites the file in place: same inode, size and timestamp.
            stat = db.stat()
            text = db.read_bytes()
            with open(db, "r+b") as stream:
                stream.write(text.replace(b'"Engineer"', b'"Engineet"', 1))
            os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        elif change == "policy edited":
            config.write_text(SETTINGS + f'policy = "{policy}"\n', encoding="utf-8")
        elif change == "zone edited":
            # Same size and timestamp: only the content tells.
            stat = config.stat()
            config.write_text(SETTINGS.replace("New_York", "Winnipeg"), encoding="utf-8")
            os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        elif change == "settings removed":
            config.unlink()
        elif change == "TZ":
            env["TZ"] = "Asia/Tokyo"
        elif change == "cache version":
            patches.append(mock.patch.object(standings_head, "VERSION", -1))
        elif change == "package version":
            patches.append(mock.patch.object(followup_tui, "__version__", "0.0.0-other"))
        else:
            patches.append(mock.patch.object(standings_head, "_RULES", "/nonexistent"))
        for patch in patches:
            patch.start()
        try:
            for argv in FORMS:
                answer = quick(argv, env)
                if change != "TZ":  # the settings name a zone: the machine's doesn't matter
                    assert answer is None, argv
                if answer is not None:
                    assert answer == computed(argv, env), argv
            # The full path computes and writes the cache again, and the quick path follows
            # wherever that cache holds. It may not: a countdown that can't be told from
            # the cache's instants (nothing is written), or a standing that changes at this
            # very instant (the cache holds from now until now). It is never wrong.
            written_now = saves(lambda: full(("status",), env))
            until = head_of(db)["until"]
            holds = written_now is True and (
                until is None or standings_head.micros(later) < int(str(until))
            )
            for argv in FORMS:
                answer = quick(argv, env)
                if holds:
                    assert answer is not None, argv
                if answer is not None:
                    assert answer == computed(argv, env), argv
        finally:
            for patch in patches:
                patch.stop()


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, datetime]:
    """The demo board in a data file with a warm cache, and an instant it holds at."""
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    written(db, now)
    return db, within(db, 0.5)


def main(argv: list[str], env: Mapping[str, str]) -> tuple[int, str, str]:
    """The exit code, output and errors of the ``followup`` command's entry point."""
    out, err = io.StringIO(), io.StringIO()
    with environ(env), redirect_stdout(out), redirect_stderr(err):
        code = command.main(argv)
    return code, out.getvalue(), err.getvalue()


def test_the_entry_point_answers_from_the_quick_path(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    env = environment(db, at)
    expected = computed(("status", "--short"), env)
    with mock.patch("followup_tui.cli.main", side_effect=AssertionError("full path")):
        assert main(["status", "--short"], env) == (0, expected, "")


FALLBACKS = {
    "other arguments": (["status", "--demo"], {}),
    "an abbreviation": (["status", "--sh"], {}),
    "a data file named by --db": (["--db", "{db}", "status"], {}),
    "an instant without an offset": (["status"], {"FOLLOWUP_NOW": "2026-11-04T15:00:00"}),
}


@pytest.mark.parametrize("case", sorted(FALLBACKS))
def test_unusual_arguments_and_environments_fall_back(
    demo: tuple[Path, datetime], case: str, tmp_path: Path
) -> None:
    db, at = demo
    argv, more = FALLBACKS[case]
    argv = [arg.replace("{db}", str(db)) for arg in argv]
    env = environment(db, at, **more)
    assert quick(tuple(argv), env) is None
    code, out, _ = main(argv, env)
    assert code == 0
    assert out == computed(tuple(argv), env)


def test_the_data_file_in_the_user_data_folder_is_answered_too(
    demo: tuple[Path, datetime], tmp_path: Path
) -> None:
    db, at = demo
    kept = tmp_path / "data-home" / "followup" / "followup.json"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(db.read_bytes())
    env = environment(kept, at, XDG_DATA_HOME=str(tmp_path / "data-home"))
    env["FOLLOWUP_CONFIG"] = str(db.with_name("settings.toml"))
    expected = {argv: computed(argv, env) for argv in FORMS}
    del env["FOLLOWUP_DB"]
    standings_cache.cache_path_for(kept).unlink()  # the one computing left there
    assert quick(("status",), env) is None
    assert main(["status"], env)[1] == expected[("status",)]
    for argv in FORMS:
        assert quick(argv, env) == expected[argv], argv


def test_a_bad_instant_falls_back_to_the_full_paths_error(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    env = environment(db, at, FOLLOWUP_NOW="yesterday")
    assert quick(("status",), env) is None
    code, out, err = main(["status"], env)
    assert (code, out) == (2, "")
    assert "FOLLOWUP_NOW='yesterday' is not an ISO 8601 instant" in err


def test_no_cache_or_a_stale_one_falls_back(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    cache = standings_cache.cache_path_for(db)
    head = standings_head.read(str(db), standings_head.micros(at), lambda head: True, None)
    assert head is not None
    until = head[0]["until"]
    assert until is not None
    stale = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=until)
    for env in (environment(db, stale), environment(db, at - timedelta(days=400))):
        assert [quick(argv, env) for argv in FORMS] == [None] * len(FORMS)
        for argv in FORMS:  # the first computes, and writes a cache for its instant
            assert main(list(argv), env)[1] == computed(argv, env)
    cache.unlink()
    env = environment(db, at)
    assert quick(("status",), env) is None
    assert main(["status"], env)[1] == computed(("status",), env)
    assert quick(("status",), env) is not None  # the full path wrote it again


def test_settings_the_full_path_did_not_read_from_the_file_are_not_trusted(
    tmp_path: Path,
) -> None:
    from followup_tui import cli, cli_status
    from followup_tui.clock import FixedClock
    from followup_tui.settings import Settings

    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    (tmp_path / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    env = environment(db, now)
    args = cli.build_parser().parse_args(["--db", str(db), "status"])
    with environ(env), redirect_stdout(io.StringIO()):  # other settings than the file's
        cli_status.show_status(args, Settings(policy="patient"), FixedClock(now))
    found = standings_head.read(str(db), standings_head.micros(now), lambda head: True, None)
    assert found is not None
    assert found[0]["settings"] is None  # a cache for the full path alone
    assert quick(("status",), env) is None


def test_a_conflict_copy_beside_the_data_file_falls_back_and_is_named(
    demo: tuple[Path, datetime],
) -> None:
    db, at = demo
    copy = db.with_name("followup.sync-conflict-20261130-101500-ABCDEFG.json")
    copy.write_text("{}", encoding="utf-8")
    env = environment(db, at)
    assert quick(("status",), env) is None
    assert quick(("status", "--json"), env) is None
    code, out, err = main(["status"], env)
    assert (code, out) == (0, computed(("status",), env))
    assert copy.name in err
    # --short too: its notice on standard error is the same with a cache or without.
    assert quick(("status", "--short"), env) is None


CONFLICT_NAMES = {
    "followup.sync-conflict-20261130-061322-ABCDEFG.json": True,
    "followup (conflicted copy 2026-11-30).json": True,
    "followup (Someone's conflicted copy).json": True,
    "followup (Sam's conflicted copy 2026-11-30) (1).json": True,
    "followup.sync-conflict-20261130-061322-ABCDEFG.json.tmp": False,
    "followup (conflicted copy 2026-11-30).json.bak": False,
    "other.sync-conflict-20261130-061322-ABCDEFG.json": False,
    "other (conflicted copy 2026-11-30).json": False,
    "followup (copy 2026-11-30).json": False,
    "followup-conflict.json": False,
    "conflict-notes.txt": False,
    "followup.json.sync-conflict-20261130-061322-ABCDEFG": False,
    "followup.json": False,
}
"""Names beside ``followup.json``, and whether each is a sync conflict copy of it."""


@pytest.mark.parametrize(("name", "expected"), CONFLICT_NAMES.items())
def test_both_paths_tell_a_conflict_copy_by_the_same_rule(
    tmp_path: Path, name: str, expected: bool
) -> None:
    from followup_tui.paths import conflict_copies

    db = tmp_path / "followup.json"
    db.write_text("{}", encoding="utf-8")
    (tmp_path / name).write_text("{}", encoding="utf-8")
    full = [copy.name for copy in conflict_copies(db)]
    assert full == ([name] if expected and name != db.name else [])
    assert quick_status._conflict_copy_beside(str(db)) is expected


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{",
        b'{"key": 1}\n',
        b'{"key": {"version": 3}, "made": 0, "until": null}\n[]\n[]\n[]\n',  # as before
        b"[]\n",
        b"[\x1f]\n",
        b"{\x1f]\n",
        "cut short",
        "head cut short",
        "table cut short",
    ],
)
def test_a_damaged_cache_falls_back(demo: tuple[Path, datetime], damage: bytes | str) -> None:
    db, at = demo
    cache = standings_cache.cache_path_for(db)
    head, rest = cache.read_bytes().split(b"\n", 1)
    if damage == "cut short":
        damage = head + b"\n" + rest[: len(rest) // 2]
    elif damage == "head cut short":
        damage = head[: len(head) // 2]
    elif damage == "table cut short":
        start, length = standings_head.decode(head.decode())["sections"]["table"]
        damage = head + b"\n" + rest[: start + length - 2]
    assert isinstance(damage, bytes)
    cache.write_bytes(damage)
    env = environment(db, at)
    for argv in (("status",), ("status", "--json")):
        assert quick(argv, env) is None
    assert main(["status", "--json"], env)[1] == computed(("status", "--json"), env)


def test_a_reader_gone_ends_quietly(demo: tuple[Path, datetime]) -> None:
    db, at = demo
    code = (
        "import sys\nfrom followup_tui.__main__ import main\n"
        "sys.stdout.close = lambda: None\n"
        "sys.stdout.write = lambda text: (_ for _ in ()).throw(BrokenPipeError())\n"
        "sys.exit(main(['status']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment(db, at), capture_output=True, check=False
    )
    assert (done.returncode, done.stderr) == (141, b"")


def test_the_quick_path_imports_only_what_it_must(demo: tuple[Path, datetime]) -> None:
    db, at = demo  # FOLLOWUP_NOW pinned: datetime reads it, but nothing else is needed
    probe = (
        "import sys\nfrom followup_tui.__main__ import main\n"
        "code = main(sys.argv[1:])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    for argv in (["status"], ["status", "--short"], ["status", "--json"]):
        done = subprocess.run(
            [sys.executable, "-c", probe, *argv],
            env=environment(db, at),
            capture_output=True,
            text=True,
            check=True,
        )
        loaded = set(done.stdout.splitlines()[-1].split())
        assert "followup_tui.quick_status" in loaded
        for heavy in (
            "argparse",
            "dataclasses",
            "inspect",
            "typing",
            "pathlib",
            "zoneinfo",
            "tomllib",
            "platformdirs",
            "followup_tui.cli",
            "followup_tui.settings",
            "followup_tui.core.standing",
            *(() if "--json" in argv else ("re", "json")),
        ):
            assert heavy not in loaded, (argv, heavy)


LAUNCHER = Path(__file__).resolve().parent.parent / "bin" / "followup"
"""The ``followup`` command as installed (``pyproject.toml``'s shared script)."""


def launched(argv: list[str], env: Mapping[str, str]) -> tuple[str, set[str]]:
    """What ``followup ARGV`` prints, started as installed (through the launcher), and the
    modules it imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", str(LAUNCHER), *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stderr.splitlines()
    return done.stdout, {line.rsplit("|", 1)[-1].strip() for line in lines if "|" in line}


def test_the_common_path_imports_neither_re_nor_json_nor_datetime(tmp_path: Path) -> None:
    # On the wall clock, as on a shell prompt: a board whose standings never change, so the
    # cache written a moment before still holds whenever the run happens.
    start = datetime(2026, 10, 1, 15, 0, tzinfo=UTC)
    closed = Interview(
        id="i0",
        company="Acme",
        role="Engineer",
        start=start,
        duration_minutes=60,
        events=(Event(EventKind.REPLY, start + timedelta(days=2), outcome=Outcome.REJECTED),),
    )
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews([closed])
    env = environment(db, start)
    del env["FOLLOWUP_NOW"]
    db.with_name("settings.toml").write_text(SETTINGS, encoding="utf-8")
    full(("status",), env)
    found = standings_head.read(str(db), standings_head.micros(datetime.now(UTC)), bool, None)
    assert found is not None and found[0]["until"] is None  # holds at any later instant
    for argv in (["status"], ["status", "--short"], ["status", "--all"]):
        expected = computed(tuple(argv), env)
        assert quick(tuple(argv), env) == expected
        out, loaded = launched(argv, env)
        assert out == expected
        assert "followup_tui.quick_status" in loaded
        for heavy in ("re", "json", "datetime", "_datetime", "followup_tui.cli"):
            assert heavy not in loaded, (argv, heavy)
    # --json prints the instant, and so needs datetime (and json) after all.
    out, loaded = launched(["status", "--json"], env)
    assert (
        json.loads(out)["interviews"]
        == json.loads(computed(("status", "--json"), env))["interviews"]
    )
    assert {"json", "datetime"} <= loaded


def test_with_a_country_the_holidays_package_is_a_fact(tmp_path: Path) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    config = tmp_path / "settings.toml"
    config.write_text(SETTINGS + 'country = "US"\n', encoding="utf-8")
    env = environment(db, now)
    full(("status",), env)
    for argv in FORMS:
        assert quick(argv, env) == computed(argv, env), argv
    # Another version of the package in its place: its __init__.py is another file.
    cache = standings_cache.cache_path_for(db)
    head_text, rest = cache.read_text(encoding="utf-8").split("\n", 1)
    head = standings_head.decode(head_text)
    holidays = head["settings"][-1]
    assert holidays[0].endswith("__init__.py")
    head["settings"][-1] = [holidays[0], holidays[1] + 1, *holidays[2:]]
    cache.write_text(standings_head.encode(head) + "\n" + rest, encoding="utf-8")
    assert quick(("status",), env) is None
    assert main(["status"], env)[1] == computed(("status",), env)
