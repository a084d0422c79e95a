"""The benchmark (scripts/bench.py) keeps working: run in smoke mode, it prints a whole table.

No timing is asserted here, ever: machines differ. What is checked is the shape — every
measure present, a number where a number belongs, a verdict from the known set — and that
the generated data sets hold every badge, so the benchmark measures a realistic board.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest

from followup_tui.core.board import rank
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.standing import Status

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
NUMBER = r"[\d,]+\.\d"
RATIO = "\\d+\\.\\d\\d\u00d7"
"""A ratio as the table prints it: two decimals and the multiplication sign."""


@pytest.fixture
def bench_support(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The benchmark's helper package, imported the way the script imports it."""
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import bench_support.dataset
    import bench_support.table

    return bench_support


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, object]]]:
    """The smoke run's standard output and its JSON samples."""
    samples = tmp_path_factory.mktemp("bench") / "samples.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "bench.py"), "--smoke", "--json", str(samples)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(samples.read_text())


def _table(stdout: str) -> list[list[str]]:
    lines = [line for line in stdout.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 11, 4, 15, 0, tzinfo=ZoneInfo("America/New_York")),  # a Wednesday
        datetime(2026, 11, 7, 23, 30, tzinfo=ZoneInfo("America/New_York")),  # a Saturday night
        datetime(2027, 3, 14, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")),  # a Sunday, DST week
    ],
)
def test_every_badge_occurs_in_a_small_generated_set(
    bench_support: ModuleType, now: datetime
) -> None:
    dataset = bench_support.dataset
    calendar = BusinessCalendar(now.tzinfo or ZoneInfo("UTC"))
    interviews = dataset.generate(len(dataset.SCENARIOS), now, calendar)
    statuses = {row.standing.status for row in rank(interviews, "standard", now, calendar)}
    assert statuses == set(Status)


def test_generated_sets_are_reproducible_and_varied(bench_support: ModuleType) -> None:
    now = datetime(2026, 11, 4, 15, 0, tzinfo=ZoneInfo("UTC"))
    calendar = BusinessCalendar(ZoneInfo("UTC"))
    first = bench_support.dataset.generate(300, now, calendar)
    again = bench_support.dataset.generate(300, now, calendar)
    assert first == again
    assert len({i.id for i in first}) == 300
    assert len({i.company for i in first}) > 100
    assert len({len(i.interviewers) for i in first}) == 3
    assert all(i.start < now + timedelta(days=30) for i in first)
    kinds = {e.kind for i in first for e in i.events}
    assert len(kinds) >= 10


def test_smoke_run_prints_every_measure_with_a_value_and_a_verdict(
    smoke: tuple[str, list[dict[str, object]]], bench_support: ModuleType
) -> None:
    stdout, _ = smoke
    table = _table(stdout)
    header, rule, *rows = table
    assert header == list(bench_support.table.COLUMNS)
    assert all(set(cell) <= {"-"} for cell in rule)
    assert all(len(row) == len(header) for row in rows)
    labels = [re.sub(r"\d+(\.\d+)? s\)", "N s)", row[0]) for row in rows]
    expected = [re.sub(r"10 s\)", "N s)", m) for m in bench_support.table.MEASURES]
    assert labels == expected
    by_label = dict(zip(expected, rows, strict=True))
    assert all(row[1] == "20" for row in rows)
    assert all(row[-1] in {"pass", "miss", "—"} for row in rows)
    assert re.fullmatch(rf"{NUMBER} ms", by_label["first paint"][2])
    assert re.fullmatch(rf"{NUMBER} ms \(bare Textual\)", by_label["first paint"][3])
    assert re.fullmatch(rf"{NUMBER} · p95 {NUMBER} ms", by_label[expected[1]][2])
    assert re.fullmatch(r"\d+\.\d\d % of a core", by_label["idle countdown tick (CPU, N s)"][2])
    assert re.fullmatch(rf"{NUMBER} ms", by_label["save one event"][2])
    assert re.fullmatch(RATIO, by_label["save one event"][4])
    assert re.fullmatch(RATIO, by_label["`followup status`"][4])
    assert re.fullmatch(RATIO, by_label["`followup status --short`"][4])
    for label, name in (
        ("`followup status` vs `task next`", "task next"),
        ("`followup status --short` vs `task count`", "task count"),
    ):
        cell = by_label[label][3]
        assert cell == "n/a (no `task` on PATH)" or re.fullmatch(rf"{NUMBER} ms \({name}\)", cell)
    assert re.fullmatch(rf"{NUMBER} MiB", by_label["peak memory (RSS)"][2])
    for composer in expected[3:6]:  # open, first open in a session, close
        cell = by_label[composer][2]
        assert cell == "n/a" or re.fullmatch(rf"{NUMBER} · p95 {NUMBER} ms", cell)
    for form in ("key: open edit form", "key: close edit form"):
        assert re.fullmatch(rf"{NUMBER} · p95 {NUMBER} ms", by_label[form][2])


def test_smoke_run_keeps_every_sample(smoke: tuple[str, list[dict[str, object]]]) -> None:
    _, results = smoke
    (result,) = results
    assert result["size"] == 20
    for name in ("app_starts", "bare_starts", "save_store", "save_floor", "status_app"):
        samples = result[name]
        assert isinstance(samples, list) and len(samples) >= 2, name
    keys = result["keys"]
    assert isinstance(keys, dict)
    assert len(keys["move_first"]) == 3
    assert keys["move_idle"] and keys["move_saving"]
