"""The store times every change of a field, whichever way it is made, from its clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from followup_tui.clock import FixedClock
from followup_tui.core.model import Event, EventKind
from followup_tui.storage import Store
from followup_tui.storage.datafile import load

from .support import START, interview

T1 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class Ticking:
    """A clock the test moves on by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        """The instant the test set."""
        return self.at


def test_a_new_interview_and_a_logged_event_change_no_field(tmp_path: Path) -> None:
    with Store.open(tmp_path / "f.json", clock=FixedClock(T1)) as store:
        store.add(interview(1))
        logged = store.log("iv1", Event(EventKind.NOTE, START, text="hi"))
        assert logged.edited == () == store.get("iv1").edited


def test_each_change_times_the_fields_it_changed_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    clock = Ticking(T1)
    with Store.open(path, clock=clock) as store:
        store.add(interview(1))
        store.update(replace(store.get("iv1"), archived=True))
        clock.at = T1 + timedelta(hours=1)
        store.update(replace(store.get("iv1"), notes="new", policy="patient"))
        expected = (("archived", T1), ("notes", clock.at), ("policy", clock.at))
        assert store.get("iv1").edited == expected
    assert load(path).interviews["iv1"].edited == expected  # saved, and read back


def test_undo_is_a_change_too(tmp_path: Path) -> None:
    clock = Ticking(T1)
    with Store.open(tmp_path / "f.json", clock=clock) as store:
        store.add(interview(1))
        store.update(replace(store.get("iv1"), archived=True))
        clock.at = T1 + timedelta(hours=1)
        store.undo()
        assert store.get("iv1").archived is False
        assert store.get("iv1").edited == (("archived", clock.at),)


def test_an_interview_read_before_a_change_keeps_that_changes_time(tmp_path: Path) -> None:
    clock = Ticking(T1)
    with Store.open(tmp_path / "f.json", clock=clock) as store:
        store.add(interview(1))
        stale = store.get("iv1")
        store.update(replace(stale, archived=True))
        clock.at = T1 + timedelta(hours=1)
        [saved] = store.save_together([replace(stale, archived=True, role="Lead")], "edit")
        assert saved.edited == (("archived", T1), ("role", clock.at))
        assert store.get("iv1") == saved  # returned as saved


def test_times_are_kept_in_utc(tmp_path: Path) -> None:
    local = T1.astimezone(timezone(timedelta(hours=-5)))
    with Store.open(tmp_path / "f.json", clock=FixedClock(local)) as store:
        store.add(interview(1))
        store.update(replace(store.get("iv1"), round="final"))
        [(name, at)] = store.get("iv1").edited
        assert name == "round" and at == T1 and at.tzinfo is UTC
