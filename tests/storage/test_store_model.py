"""The store against a plain in-memory model (hypothesis ``RuleBasedStateMachine``).

Adding, editing, logging events, archiving, removing, importing, undoing, and closing and
reopening, in any order: the store always holds what the model holds, counts its changes,
and the file, read fresh, agrees with its memory. The model keeps no edit times (the store
adds them; tests/storage/test_edit_times.py checks them), so they are set aside here.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from followup_tui.core.codec import CodecError
from followup_tui.core.model import Channel, Event, EventKind, Interview, Outcome
from followup_tui.storage import Store
from tests.support.store import read_back, stored, without_edit_times

from .support import START, interview

_words = st.text(alphabet="abcdefgh XYZ-é☕", max_size=12)
_numbers = st.integers(0, 30)

_LOGGED = {
    EventKind.THANK_YOU_SENT: "the thank-you logged for {}",
    EventKind.CHECK_IN_SENT: "the check-in logged for {}",
    EventKind.REPLY: "the reply from {}",
    EventKind.SNOOZED: "snoozing {}",
    EventKind.NOTE: "the note on {}",
    EventKind.WITHDREW: "the withdrawal from {}",
}
"""The kinds of event logged here, and what undo calls logging each."""


@st.composite
def _events(draw: st.DrawFn) -> Event:
    kind = draw(st.sampled_from(list(_LOGGED)))
    at = START + timedelta(minutes=draw(st.integers(0, 100_000)))
    if kind is EventKind.THANK_YOU_SENT:
        return Event(kind, at, to=draw(_words))
    if kind is EventKind.CHECK_IN_SENT:
        return Event(kind, at, channel=draw(st.sampled_from(Channel)), text=draw(_words))
    if kind is EventKind.REPLY:
        return Event(kind, at, outcome=draw(st.sampled_from(Outcome)))
    if kind is EventKind.SNOOZED:
        return Event(kind, at, until=(at + timedelta(days=3)).date())
    return Event(kind, at, text=draw(_words))


def _plain(interviews: Iterable[Interview]) -> dict[str, Interview]:
    """By id, edit times set aside."""
    return {i.id: i for i in without_edit_times(list(interviews))}


class StoreMachine(RuleBasedStateMachine):
    """One data file, one store at a time, and the model beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="followup-model-"))
        self.path = self.folder / "followup.json"
        self.store = Store.open(self.path)
        self.model: dict[str, Interview] = {}
        # What undo should bring back: the model before each change, and what it was.
        self.undo_stack: list[tuple[dict[str, Interview], str]] = []
        self.changes = 0

    def _changed(self, before: dict[str, Interview], what: str) -> None:
        self.undo_stack.append((before, what))
        self.changes += 1

    def _pick(self, data: st.DataObject) -> str:
        return data.draw(st.sampled_from(sorted(self.model)))

    @rule(n=_numbers, notes=_words)
    def add(self, n: int, notes: str) -> None:
        new = interview(n, notes=notes)
        if new.id in self.model:
            try:
                self.store.add(new)
            except ValueError:
                return
            raise AssertionError("adding a taken id was accepted")
        before = dict(self.model)
        assert self.store.add(new) == new
        self.model[new.id] = new
        self._changed(before, f"adding {new.company}")

    @rule(company=st.sampled_from(["", "  "]))
    def add_invalid(self, company: str) -> None:
        try:
            self.store.add(interview(99, company=company))
        except CodecError:
            return
        raise AssertionError("a blank company was accepted")

    @precondition(lambda self: self.model)
    @rule(data=st.data(), notes=_words, round=_words)
    def edit(self, data: st.DataObject, notes: str, round: str) -> None:
        target = self.model[self._pick(data)]
        new = replace(target, notes=notes, round=round)
        self.store.update(new)
        if new != target:
            before = dict(self.model)
            self.model[new.id] = new
            self._changed(before, f"the edit to {new.company}")

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def toggle_archive(self, data: st.DataObject) -> None:
        target = self.model[self._pick(data)]
        new = replace(target, archived=not target.archived)
        self.store.update(new)
        before = dict(self.model)
        self.model[new.id] = new
        word = "archiving" if new.archived else "unarchiving"
        self._changed(before, f"{word} {new.company}")

    @precondition(lambda self: self.model)
    @rule(data=st.data(), event=_events())
    def log(self, data: st.DataObject, event: Event) -> None:
        target = self.model[self._pick(data)]
        new = replace(self.store.log(target.id, event), edited=())
        assert new == target.with_event(event)
        before = dict(self.model)
        self.model[new.id] = new
        self._changed(before, _LOGGED[event.kind].format(new.company))

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        target = self._pick(data)
        before = dict(self.model)
        self.store.remove(target)
        company = self.model.pop(target).company
        self._changed(before, f"the removal of {company}")

    @rule(numbers=st.lists(_numbers, min_size=1, max_size=4, unique=True), notes=_words)
    def import_some(self, numbers: list[int], notes: str) -> None:
        batch = [interview(n, notes=notes) for n in numbers]
        assert self.store.import_interviews(batch) == len(batch)
        before = dict(self.model)
        self.model.update({i.id: i for i in batch})
        plural = "s" if len(batch) != 1 else ""
        self._changed(before, f"the import of {len(batch)} interview{plural}")

    @rule()
    def undo(self) -> None:
        said = self.store.undo()
        if not self.undo_stack:
            assert said is None
            return
        self.model, what = self.undo_stack.pop()
        self.changes += 1
        assert said == f"Undone: {what}"

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = Store.open(self.path)
        self.undo_stack = []  # undo and revisions belong to a session
        self.changes = 0

    @rule()
    def peek_from_another_process(self) -> None:
        assert read_back(self.path) == self.store.interviews()  # same order too
        assert _plain(self.store.interviews()) == self.model

    @invariant()
    def store_matches_model(self) -> None:
        assert _plain(self.store.interviews()) == self.model
        assert len(self.store.interviews()) == len(self.model)
        assert self.store.can_undo() == bool(self.undo_stack)

    @invariant()
    def revision_counts_changes_of_this_session(self) -> None:
        assert self.store.revision == self.changes

    def teardown(self) -> None:
        self.store.close()
        if self.path.exists():
            assert _plain(stored(self.path).values()) == self.model
        shutil.rmtree(self.folder)


StoreMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None)
TestStoreModel = StoreMachine.TestCase
