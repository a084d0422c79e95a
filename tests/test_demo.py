"""The demo shows every status, whatever the date and hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.core.board import rank
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.standing import Status
from followup_tui.demo import demo_source, load_demo, relative_instant

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "UTC"]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 14 * 24 * 60).map(
        lambda m: datetime(2026, 11, 16, tzinfo=UTC) + timedelta(minutes=m)
    ),
    st.sampled_from(ZONES),
)
def test_every_status_shows_at_any_instant(now: datetime, zone: str) -> None:
    calendar = BusinessCalendar(ZoneInfo(zone))
    rows = rank(load_demo(now, calendar), "standard", now, calendar)
    assert {r.standing.status for r in rows} == set(Status)


def test_demo_ids_are_stable_and_unique() -> None:
    now = datetime(2026, 11, 22, 12, tzinfo=UTC)
    interviews = load_demo(now, BusinessCalendar(UTC))
    ids = [i.id for i in interviews]
    assert len(ids) == len(set(ids)) >= 12
    assert all(i.id.startswith("demo-") for i in interviews)


def test_relative_times() -> None:
    cal = BusinessCalendar(UTC)
    sat = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
    assert relative_instant("-3h", sat, cal) == datetime(2026, 11, 21, 12, 30, tzinfo=UTC)
    assert relative_instant("+1d 10:00", sat, cal) == datetime(2026, 11, 22, 10, tzinfo=UTC)
    assert relative_instant("-1bd 09:00", sat, cal) == datetime(2026, 11, 20, 9, tzinfo=UTC)
    assert relative_instant("+0bd", sat, cal).date() == datetime(2026, 11, 23).date()
    with pytest.raises(ValueError):
        relative_instant("yesterday", sat, cal)


def test_demo_file_is_the_one_in_data() -> None:
    assert (
        demo_source().read_bytes()
        == (Path(__file__).parent.parent / "data" / "demo.json").read_bytes()
    )
