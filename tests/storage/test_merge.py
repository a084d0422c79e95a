"""Merging two versions without a common one (a sync conflict copy), by the edit times each
interview keeps: a field only one side changed survives whole, with no note; one both changed
goes to the later edit, the other value kept as a note; unknown or equal times fall back to
the preferred side, the other value kept as a note."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.core.model import EDITABLE_FIELDS, Event, EventKind, Interview
from followup_tui.storage.merge import merge

from .support import START, interview

AT = START + timedelta(days=30)
"""When the merges here happen."""


def at(hours: int) -> datetime:
    """An edit time, ``hours`` after the interviews were first written."""
    return START + timedelta(hours=hours)


def stamped(base: Interview, stamps: dict[str, datetime], **changes: object) -> Interview:
    """``base`` with ``changes`` made and the edit times ``stamps`` added to its own."""
    edited = dict(base.edited) | stamps
    return replace(base, **changes, edited=tuple(sorted(edited.items())))  # type: ignore[arg-type]


def notes_of(merged: Interview) -> list[str]:
    """The texts of the notes the merge added."""
    return [e.text for e in merged.events if e.kind is EventKind.NOTE and e.at == AT]


def test_an_archive_made_on_one_side_only_survives_either_way_round() -> None:
    # The case: the newer file (preferred) never touched the archive.
    both = stamped(interview(1), {"notes": at(1)})
    archived = stamped(both, {"archived": at(2)}, archived=True)
    for ours, theirs in ((both, archived), (archived, both)):
        result = merge(None, {"iv1": ours}, {"iv1": theirs}, AT)
        merged = result.interviews["iv1"]
        assert merged.archived is True
        assert merged.edited_at("archived") == at(2)
        assert notes_of(merged) == []
        assert result.conflicts == []


def test_a_one_sided_edit_wins_over_a_file_never_stamped() -> None:
    old = interview(1)  # written before edit times were kept
    edited = stamped(old, {"role": at(1)}, role="Designer")
    merged = merge(None, {"iv1": old}, {"iv1": edited}, AT).interviews["iv1"]
    assert merged.role == "Designer"
    assert notes_of(merged) == []


def test_the_same_field_edited_on_both_sides_goes_to_the_later_edit() -> None:
    base = interview(1, role="Analyst")
    earlier = stamped(base, {"role": at(1)}, role="Designer")
    later = stamped(base, {"role": at(2)}, role="Engineer")
    for ours, theirs in ((earlier, later), (later, earlier)):
        result = merge(None, {"iv1": ours}, {"iv1": theirs}, AT)
        merged = result.interviews["iv1"]
        assert merged.role == "Engineer"
        assert merged.edited_at("role") == at(2)
        assert notes_of(merged) == ["Edited in two places at once; the other role was: Designer"]
        assert result.conflicts == ["Company 1: role"]


def test_unknown_or_equal_times_keep_todays_rule() -> None:
    # Preferred side wins, the other value kept as a note.
    for stamps in ({}, {"role": at(1)}):
        ours = stamped(interview(1), stamps, role="Designer")
        theirs = stamped(interview(1), stamps, role="Engineer")
        result = merge(None, {"iv1": ours}, {"iv1": theirs}, AT)
        merged = result.interviews["iv1"]
        assert merged.role == "Designer"
        assert notes_of(merged) == ["Edited in two places at once; the other role was: Engineer"]
        assert result.conflicts == ["Company 1: role"]


def test_with_a_common_version_the_edit_times_change_nothing() -> None:
    base = interview(1, role="Analyst")
    ours = stamped(base, {"role": at(1)}, role="Designer")
    theirs = stamped(base, {"role": at(2)}, role="Engineer")
    result = merge({"iv1": base}, {"iv1": ours}, {"iv1": theirs}, AT)
    merged = result.interviews["iv1"]
    assert merged.role == "Designer"  # the edit being saved now, as before
    assert notes_of(merged) == ["Edited in two places at once; the other role was: Engineer"]
    assert merged.edited_at("role") == at(2)  # times merge all the same


def test_with_a_common_version_an_older_copy_written_back_undoes_no_edit() -> None:
    # A sync client put back a version made before our edit: its field differs from the
    # common version only because it is older (its edit time is not after the common
    # version's), so our edit stands, with nothing to note.
    older = stamped(interview(1, role="Analyst"), {"role": at(1)})
    base = stamped(older, {"role": at(2), "archived": at(2)}, role="Designer", archived=True)
    for theirs in (older, interview(1, role="Analyst")):  # stamped earlier, or never
        result = merge({"iv1": base}, {"iv1": base}, {"iv1": theirs}, AT)
        merged = result.interviews["iv1"]
        assert (merged.role, merged.archived) == ("Designer", True)
        assert notes_of(merged) == []
        assert result.conflicts == []
    # Their own later edit still wins.
    undone = stamped(older, {"archived": at(3)})
    merged = merge({"iv1": base}, {"iv1": base}, {"iv1": undone}, AT).interviews["iv1"]
    assert (merged.role, merged.archived) == ("Designer", False)


def test_edit_times_of_both_sides_are_kept_the_later_of_each() -> None:
    ours = stamped(interview(1), {"notes": at(3), "role": at(1)})
    theirs = stamped(interview(1), {"role": at(2), "round": at(1)})
    merged = merge(None, {"iv1": ours}, {"iv1": theirs}, AT).interviews["iv1"]
    assert merged.edited == (("notes", at(3)), ("role", at(2)), ("round", at(1)))


VALUES: dict[str, list[object]] = {
    "role": ["Analyst", "Designer"],
    "round": ["", "final"],
    "notes": ["", "asked about the team"],
    "archived": [False, True],
    "posting_url": ["", "https://example.com/jobs/1"],
}
SAID_AS = {
    "role": "the other role was",
    "round": "the other round was",
    "notes": "the other notes were",
    "archived": "the other version was",
    "posting_url": "the other posting link was",
}
"""How the note names each of those fields."""
SHOWN: dict[object, str] = {"": "(empty)", False: "not archived", True: "archived"}
"""How the note shows a value that is not shown as it is."""
times = st.none() | st.integers(0, 4).map(at)
sides = st.fixed_dictionaries(
    {name: st.tuples(st.sampled_from(values), times) for name, values in VALUES.items()}
)


def _later(this: datetime | None, that: datetime | None) -> bool:
    return this is not None and (that is None or this > that)


def side(choices: dict[str, tuple[object, datetime | None]], note: str) -> Interview:
    """One side's version of interview 1: a value and maybe an edit time per field, and a
    note of its own in the log."""
    values = {name: value for name, (value, _) in choices.items()}
    stamps = {name: when for name, (_, when) in choices.items() if when is not None}
    base = interview(1).with_event(Event(EventKind.NOTE, START, text=note))
    return stamped(base, stamps, **values)


@settings(max_examples=200, deadline=None)
@given(sides, sides)
def test_nothing_from_either_side_is_lost(
    mine: dict[str, tuple[object, datetime | None]],
    other: dict[str, tuple[object, datetime | None]],
) -> None:
    ours, theirs = side(mine, "ours"), side(other, "theirs")
    result = merge(None, {"iv1": ours}, {"iv1": theirs}, AT)
    merged = result.interviews["iv1"]
    notes = notes_of(merged)
    for name in VALUES:
        (mine_value, mine_at), (other_value, other_at) = mine[name], other[name]
        value = getattr(merged, name)
        assert value in (mine_value, other_value)
        if mine_value != other_value:
            loser = other_value if value == mine_value else mine_value
            kept = [n for n in notes if f"{SAID_AS[name]}:" in n]
            if mine_at != other_at:
                # Told apart by the edit times: the later edit wins.
                assert value == (mine_value if _later(mine_at, other_at) else other_value)
            else:
                assert value == mine_value
            if (mine_at is None) != (other_at is None):
                assert kept == []  # an edit on one side only: nothing lost, nothing to note
            else:
                shown = SHOWN.get(loser, loser)
                said = f"{SAID_AS[name]}: {shown}"
                assert kept == [f"Edited in two places at once; {said}"]
        stamps = [t for t in (mine_at, other_at) if t is not None]
        assert merged.edited_at(name) == (max(stamps) if stamps else None)
    assert {e.text for e in merged.events} >= {"ours", "theirs"}
    assert all(n in EDITABLE_FIELDS for n, _ in merged.edited)
