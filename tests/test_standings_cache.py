"""The standings cache is only ever a shortcut: ``followup status`` prints, byte for byte,
what computing the board would print, at any instant, whatever happened to the file, the
settings or the versions since the cache was written."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from followup_tui import cli, cli_status, standings_cache, standings_head
from followup_tui.clock import FixedClock
from followup_tui.core.model import Event, EventKind, Interview, Interviewer, Outcome
from followup_tui.core.policy import POLICIES
from followup_tui.settings import Settings
from followup_tui.storage.store import Store
from tests.support.board import demo_board

T0 = datetime(2026, 10, 1, tzinfo=UTC)
NEW_YORK = Settings(timezone="America/New_York")
VARIANTS = ((), ("--short",), ("--json",), ("--all",), ("--json", "--all"), ("--short", "--all"))
"""Every way of asking for the status (``--json`` wins over ``--short``)."""

instants = st.integers(0, 60 * 24 * 60).map(lambda m: T0 + timedelta(minutes=m, seconds=7))
days = st.integers(0, 70).map(lambda d: date(2026, 10, 1) + timedelta(days=d))
companies = st.sampled_from(["Acme", "Globex", "acme ", "Initech", "Hooli"])


# Strategies built once, not at every draw: building and checking one takes time each time.
_kinds = st.sampled_from(list(EventKind))
_outcomes = st.sampled_from(list(Outcome))
_recipients = st.sampled_from(["", "Dana Ruiz", "Lee Park"])
_maybe_days = st.none() | days
_panels = st.lists(st.sampled_from(["Dana Ruiz", "Lee Park"]), max_size=2, unique=True)
_lengths = st.integers(15, 240)
_policies = st.none() | st.sampled_from(list(POLICIES))
_counts = st.integers(1, 7)


@st.composite
def events(draw: st.DrawFn) -> Event:
    # Only the fields the data file keeps for the kind: an event with any other is refused
    # on import, and drawing them threw five boards in six away.
    kind = draw(_kinds)
    thank_you, reply = kind is EventKind.THANK_YOU_SENT, kind is EventKind.REPLY
    outcome = draw(_outcomes) if reply else None
    return Event(
        kind,
        draw(instants),
        to=draw(_recipients) if thank_you else "",
        outcome=outcome,
        decision_by=draw(_maybe_days) if outcome is Outcome.STILL_DECIDING else None,
        until=draw(days) if kind is EventKind.SNOOZED else None,
    )


_logs = st.lists(events(), max_size=6)


@st.composite
def interviews(draw: st.DrawFn, index: int) -> Interview:
    names = draw(_panels)
    return Interview(
        id=f"i{index}",
        company=draw(companies),
        role="Engineer",
        start=draw(instants),
        duration_minutes=draw(_lengths),
        interviewers=tuple(Interviewer(n) for n in names),
        decision_by=draw(_maybe_days),
        check_in_on=draw(_maybe_days),
        policy=draw(_policies),
        archived=draw(st.booleans()) and draw(st.booleans()),
        events=tuple(draw(_logs)),
    )


@st.composite
def boards(draw: st.DrawFn) -> list[Interview]:
    count = draw(_counts)
    return [draw(interviews(index)) for index in range(count)]


_PARSER = cli.build_parser()
"""One parser for every call: building it is most of a cached status's cost."""


def status(db: Path, at: datetime, flags: tuple[str, ...], config: Settings = NEW_YORK) -> str:
    """What ``followup --db DB status FLAGS`` prints at ``at``."""
    args = _PARSER.parse_args(["--db", str(db), "status", *flags])
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli_status.show_status(args, config, FixedClock(at)) == 0
    return out.getvalue()


def computed(db: Path, at: datetime, flags: tuple[str, ...], config: Settings = NEW_YORK) -> str:
    """The status with no cache to use (what it printed before there was one)."""
    cache = standings_cache.cache_path_for(db)
    kept = cache.read_bytes() if cache.exists() else None
    cache.unlink(missing_ok=True)
    try:
        return status(db, at, flags, config)
    finally:
        if kept is not None:
            cache.write_bytes(kept)


def head_of(db: Path) -> dict[str, object]:
    """The stored head of the cache."""
    first = standings_cache.cache_path_for(db).read_text().split("\n", 1)[0]
    head: dict[str, object] = standings_head.decode(first)
    return head


@contextmanager
def data_file(board: list[Interview]) -> Iterator[Path]:
    """A data file holding ``board``, in a folder of its own."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "followup.json"
        with Store.open(db) as store:
            store.import_interviews(board)  # the strategies draw only what a file keeps
        yield db


def within(db: Path, fraction: float) -> datetime:
    """An instant in the cache's life: from when it was made until its first change."""
    head = head_of(db)
    made = int(str(head["made"]))
    until = head["until"]
    end = int(str(until)) if until is not None else made + 60 * 86_400 * 1_000_000
    micros = made + int((end - made) * fraction)
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)


PROPERTY = settings(
    max_examples=int(os.environ.get("FOLLOWUP_CACHE_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)


@PROPERTY
@given(board=boards(), made=instants, fraction=st.floats(0, 1, exclude_max=True))
@example(  # "late by 1d 6h" reads alike counted back to the window's close or on to the
    # next check-in: only the ladder asked a minute later tells which
    board=[Interview(id="i0", company="Acme", role="Engineer", start=T0, duration_minutes=121)],
    made=T0 + timedelta(minutes=5220, seconds=7),
    fraction=0.5,
)
def test_cached_and_computed_standings_agree_at_any_instant(
    board: list[Interview], made: datetime, fraction: float
) -> None:
    with data_file(board) as db:
        status(db, made, ())  # computes, and writes the cache
        later = within(db, fraction)
        key = cli_status.cache_key(standings_cache.file_identity(db) or [], NEW_YORK)
        assert key is not None
        assert standings_cache.load_rows(db, key, later) is not None  # the cache answers
        for flags in VARIANTS:
            assert status(db, later, flags) == computed(db, later, flags), flags


CHANGES = ("save", "foreign edit", "policy", "zone", "version", "rules")


@PROPERTY
@given(
    board=boards(),
    made=instants,
    fraction=st.floats(0, 1, exclude_max=True),
    change=st.sampled_from(CHANGES),
    policy=st.sampled_from(list(POLICIES)),
)
def test_a_cache_that_no_longer_fits_is_never_used(
    board: list[Interview], made: datetime, fraction: float, change: str, policy: str
) -> None:
    with data_file(board) as db:
        status(db, made, ())
        later = within(db, fraction)
        config = NEW_YORK
        patches: list[mock._patch[object]] = []
        if change == "save":
            with Store.open(db) as store:
                store.log("i0", Event(EventKind.THANK_YOU_SENT, later))
        elif change == "foreign edit":
            # Another program rewrites the file in place: same inode, size and timestamp.
            stat = db.stat()
            text = db.read_bytes()
            assume(b'"Engineer"' in text)
            with open(db, "r+b") as stream:
                stream.write(text.replace(b'"Engineer"', b'"Engineet"', 1))
            os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            assert db.stat().st_size == stat.st_size
        elif change == "policy":
            assume(policy != NEW_YORK.policy)
            config = Settings(timezone="America/New_York", policy=policy)
        elif change == "zone":
            config = Settings(timezone="Asia/Tokyo")
        elif change == "version":
            patches.append(mock.patch.object(standings_head, "VERSION", -1))
        else:
            patches.append(mock.patch.object(standings_head, "_RULES", "/nonexistent"))
        for patch in patches:
            patch.start()
        try:
            for flags in VARIANTS:
                assert status(db, later, flags, config) == computed(db, later, flags, config)
        finally:
            for patch in patches:
                patch.stop()


def test_the_demo_board_with_its_offers_is_printed_the_same_from_the_cache(
    tmp_path: Path,
) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    status(db, now, ())
    later = within(db, 0.5)
    for flags in VARIANTS:
        assert status(db, later, flags) == computed(db, later, flags)
    assert "offer" in status(db, later, ("--short",))


@pytest.mark.parametrize("damage", [b"", b"{", b"[]\n[]", b'{"key": 1}\n'])
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, damage: bytes) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    expected = computed(db, now, ("--json",))
    standings_cache.cache_path_for(db).write_bytes(damage)
    assert status(db, now, ("--json",)) == expected
    assert head_of(db)["key"] != 1  # written again


@pytest.mark.parametrize(
    ("line", "damage"),
    [
        (1, '{"actions": [], "rows": [[1, 2]]}'),
        (1, '{"actions": [["no-such-step", "x", true, "", 0, 0, ""]], "rows": []}'),
        (1, "[1, 2"),
    ],
)
def test_damaged_rows_under_a_sound_head_are_ignored(
    tmp_path: Path, line: int, damage: str
) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    expected = {flags: computed(db, now, flags) for flags in VARIANTS}
    status(db, now, ())
    cache = standings_cache.cache_path_for(db)
    lines = cache.read_text().split("\n")
    lines[line] = damage
    for flags in VARIANTS:
        cache.write_text("\n".join(lines))
        assert status(db, now, flags) == expected[flags], flags


def test_a_damaged_head_count_is_ignored(tmp_path: Path) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    expected = computed(db, now, ("--short",))
    status(db, now, ())
    cache = standings_cache.cache_path_for(db)
    head_text, rows_text = cache.read_text().split("\n", 1)
    head = standings_head.decode(head_text)
    head["counts"] = ["many"]
    cache.write_text(standings_head.encode(head) + "\n" + rows_text)
    assert status(db, now, ("--short",)) == expected


def test_the_cache_is_private_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    status(db, now, ())
    cache = standings_cache.cache_path_for(db)
    assert cache.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.parametrize("flags", [(), ("--short",), ("--json",)])
def test_a_status_from_the_cache_neither_reads_the_file_nor_runs_the_ladder(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)
    db = tmp_path / "followup.json"
    with Store.open(db) as store:
        store.import_interviews(demo_board(now, NEW_YORK))
    env = {
        **os.environ,
        "FOLLOWUP_DB": str(db),
        "FOLLOWUP_CONFIG": str(tmp_path / "none.toml"),
        "FOLLOWUP_NOW": now.isoformat(),
        "TZ": "America/New_York",
    }
    probe = (
        "import sys\nfrom followup_tui.cli import main\nmain(['status', *sys.argv[1:]])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('followup_tui.', 'tinydb'))))"
    )
    command = [sys.executable, "-c", probe, *flags]
    subprocess.run(command, capture_output=True, text=True, check=True, env=env)  # writes it
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    loaded = out.strip().splitlines()[-1]
    for heavy in ("followup_tui.storage", "followup_tui.core.codec", "followup_tui.core.ladder"):
        assert f"'{heavy}" not in loaded, heavy
    assert "tinydb" not in loaded
