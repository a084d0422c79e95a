"""The live board without a screen: reuse, order, filter, and changes as time passes."""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import datetime
from typing import Any, SupportsIndex

import pytest

from followup_tui.app.live import LiveBoard
from followup_tui.app.text import clean_block, clean_line
from followup_tui.core.board import standing_of
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Event, EventKind, Interview, Interviewer, Outcome
from followup_tui.core.standing import Standing, Status, Step

from .conftest import NOW, NY, at, make, standard_board, thanked

CALENDAR = BusinessCalendar(NY)


def board_with_counter() -> tuple[LiveBoard, list[str]]:
    """A board on the standard policy that records which interviews it computes."""
    calls: list[str] = []

    def compute(interview: Interview, now: datetime) -> Standing:
        calls.append(interview.id)
        return standing_of(interview, "standard", now, CALENDAR)

    return LiveBoard(compute, CALENDAR), calls


def companies(board: LiveBoard) -> list[str]:
    """The view, top to bottom."""
    return [board.row_at(i).interview.company for i in range(len(board))]


def test_a_reload_recomputes_only_what_changed() -> None:
    board, calls = board_with_counter()
    interviews = standard_board()
    board.load(interviews, NOW)
    assert len(calls) == 6
    calls.clear()
    acme = interviews[0]
    interviews[0] = acme.with_event(Event(EventKind.THANK_YOU_SENT, NOW))
    board.load(interviews, NOW)
    assert calls == [acme.id]


def test_order_summary_and_the_closed_toggle() -> None:
    board, _ = board_with_counter()
    board.load(standard_board(), NOW)
    # An open offer is never hidden: it comes first.
    assert companies(board) == ["Hooli", "Initech", "Acme", "Globex", "Umbrella"]
    assert board.summary == "1 offer · 1 due · 1 overdue · 1 waiting · 1 upcoming"
    assert (board.total, board.hidden) == (6, 1)
    board.set_show_closed(True)
    assert companies(board)[-1:] == ["Stark"]
    assert board.hidden == 0


def test_filter_needs_every_word_in_any_case() -> None:
    board, _ = board_with_counter()
    people = (Interviewer("Ana Pérez", "CTO"),)
    board.load([*standard_board(), make("Zeta", at(11, 6), interviewers=people)], NOW)
    board.set_query("pérez cto")
    assert companies(board) == ["Zeta"]
    board.set_query("PÉREZ analyst")
    assert companies(board) == []
    board.set_query("")
    assert len(board) == 6


def test_put_moves_a_row_and_keeps_the_others() -> None:
    board, calls = board_with_counter()
    interviews = standard_board()
    board.load(interviews, NOW)
    calls.clear()
    initech = next(i for i in interviews if i.company == "Initech")
    board.put(initech.with_event(Event(EventKind.CHECK_IN_SENT, NOW)), NOW)
    assert calls == [initech.id]
    assert companies(board) == ["Hooli", "Acme", "Globex", "Initech", "Umbrella"]
    assert board.index_of(initech.id) == 3


def test_advance_recomputes_only_when_a_status_may_change() -> None:
    board, calls = board_with_counter()
    board.load(standard_board(), NOW)
    calls.clear()
    assert board.advance(at(11, 4, 23)) == []
    assert calls == []  # nothing was due to change before Thursday
    changes = board.advance(at(11, 5, 11, 1))
    assert sorted(c.message for c in changes) == ["Acme: thank-you late", "Globex: check-in due"]
    calls.clear()
    assert board.advance(at(11, 5, 11, 2)) == []
    assert calls == []  # stale heap entries are skipped, not recomputed


def test_a_replaced_interview_leaves_no_stale_change_behind() -> None:
    board, calls = board_with_counter()
    interviews = standard_board()
    board.load(interviews, NOW)
    acme = interviews[0]
    board.put(replace(acme, start=at(11, 4, 14)), NOW)  # the window now closes at 15:00 Thu
    calls.clear()
    assert board.advance(at(11, 5, 11, 1)) != []
    changed = {c.after.interview.company for c in board.advance(at(11, 5, 15, 1))}
    assert changed == {"Acme"}


def test_an_interview_added_before_the_first_tick_is_watched_too() -> None:
    board, _ = board_with_counter()
    board.load(standard_board(), NOW)
    board.put(make("Zeta", at(11, 4, 9), interviewers=(Interviewer("Ana Pérez"),)), NOW)
    assert board.index_of(board.row_at(0).interview.id) == 0
    changed = {c.after.interview.company for c in board.advance(at(11, 5, 11, 1))}
    assert "Zeta" in changed  # its thank-you window closed overnight, as Acme's did


def test_user_text_is_made_harmless() -> None:
    assert clean_line("Acme\x1b[31m\tCo\nLtd") == "Acme␛[31m    Co Ltd"
    assert clean_line("evil\u202eeman") == "evileman"  # a right-to-left override is dropped
    assert clean_line("[bold]x[/]") == "[bold]x[/]"  # markup is only text here
    assert clean_block("one\r\ntwo\x07") == "one\ntwo␇"


def test_the_app_orders_exactly_as_followup_status_does() -> None:
    from followup_tui.core.board import rank, summary

    interviews = [
        make(
            f"Co {n % 7}",
            at(10, 1 + n % 30, 9 + n % 8),
            id=f"i{n}",
            events=thanked(at(10, 1 + n % 30)) if n % 2 else (),
            archived=n % 11 == 0,
        )
        for n in range(120)
    ]
    for when in (NOW, at(10, 20), at(11, 30)):
        board, _ = board_with_counter()
        board.load(interviews, when)
        board.set_show_closed(True)
        expected = [r.interview.id for r in rank(interviews, "standard", when, CALENDAR)]
        assert [board.row_at(i).interview.id for i in range(len(board))] == expected
        # and after rows are moved one by one
        for interview in interviews[::9]:
            board.put(interview.with_event(Event(EventKind.CHECK_IN_SENT, when)), when)
        changed = {
            i.id: i.with_event(Event(EventKind.CHECK_IN_SENT, when)) for i in interviews[::9]
        }
        now_all = [changed.get(i.id, i) for i in interviews]
        ranked = rank(now_all, "standard", when, CALENDAR)
        assert [board.row_at(i).interview.id for i in range(len(board))] == [
            r.interview.id for r in ranked
        ]
        # The counts, kept as rows move, are those of the whole board counted afresh.
        assert board.summary == summary(ranked)
        board.set_show_closed(False)
        assert board.hidden == sum(1 for r in ranked if not r.is_open)
        for interview in now_all[::13]:
            board.remove(interview.id)
        left = [i for i in now_all if i not in now_all[::13]]
        assert board.summary == summary(rank(left, "standard", when, CALENDAR))


def steps(board: LiveBoard, company: str) -> list[tuple[Step, str, bool]]:
    """The actions of ``company``'s row, as the board has them."""
    row = next(
        board.row_at(i) for i in range(len(board)) if board.row_at(i).interview.company == company
    )
    return [(a.step, a.label, a.due_now) for a in row.standing.actions]


def test_an_open_offer_gives_the_others_an_optional_tell_step() -> None:
    board, _ = board_with_counter()
    board.load(standard_board(), NOW)
    for company in ("Initech", "Acme", "Globex", "Umbrella"):
        told = (Step.UPDATE, f"tell {company} about your offer", False)
        assert told in steps(board, company)  # news for that company, never for Hooli
    assert all(step is not Step.UPDATE for step, _, _ in steps(board, "Hooli"))


def test_accepting_an_offer_asks_every_other_open_interview_for_a_withdrawal() -> None:
    board, calls = board_with_counter()
    interviews = standard_board()
    board.load(interviews, NOW)
    calls.clear()
    hooli = next(i for i in interviews if i.company == "Hooli")
    board.put(hooli.with_event(Event(EventKind.OFFER_ACCEPTED, NOW)), NOW)
    assert calls == [hooli.id]  # the others keep their standings; only their steps change
    assert companies(board) == ["Initech", "Acme", "Globex", "Umbrella"]
    for company in companies(board):
        assert steps(board, company)[0] == (Step.WITHDRAW, "withdraw from " + company, True)
    globex = next(i for i in interviews if i.company == "Globex")
    board.put(globex.with_event(Event(EventKind.WITHDREW, NOW)), NOW)
    assert "Globex" not in companies(board)
    assert board.get(globex.id).standing.reason == "withdrew"  # type: ignore[union-attr]


def test_a_ticking_offer_does_not_touch_the_other_rows() -> None:
    offer = Event(EventKind.REPLY, at(11, 2), outcome=Outcome.OFFER, respond_by=at(11, 6).date())
    interviews = [*standard_board()[:4], make("Hooli", at(10, 20), events=(offer,))]
    board, calls = board_with_counter()
    board.load(interviews, NOW)
    before = {key: board.get(key) for key in (i.id for i in interviews)}
    calls.clear()
    board.advance(at(11, 7, 0, 1))  # the offer's answer day is over
    hooli = board.get("hooli")
    assert hooli is not None and hooli.standing.status is Status.OFFER
    assert "hooli" in calls
    untouched = [i.id for i in interviews if i.id not in calls]
    assert untouched and all(board.get(key) is before[key] for key in untouched)


def test_the_app_shows_the_same_steps_as_followup_status() -> None:
    from followup_tui.core.board import rank

    interviews = standard_board()
    board, _ = board_with_counter()
    board.load(interviews, NOW)
    board.set_show_closed(True)
    expected = rank(interviews, "standard", NOW, CALENDAR)
    assert [board.row_at(i) for i in range(len(board))] == expected


def test_the_board_knows_which_rounds_follow_which() -> None:
    from followup_tui.app.rounds import next_round, rounds_of

    board, _ = board_with_counter()
    interviews = standard_board()
    board.load(interviews, NOW)
    initech = interviews[2]
    onsite = replace(next_round(initech, at(11, 12, 14)), id="onsite", round="onsite")
    board.put(onsite, NOW)
    assert board.later_rounds("initech") == ["onsite"]
    final = replace(next_round(onsite, at(11, 20)), id="final")
    board.put(final, NOW)

    def get(key: str) -> Interview | None:
        row = board.get(key)
        return row.interview if row else None

    for each in (initech, onsite, final):
        ids = [i.id for i in rounds_of(each, get, board.later_rounds)]
        assert ids == ["initech", "onsite", "final"]
    board.put(replace(final, follows=""), NOW)  # unlinked by an edit
    assert board.later_rounds("onsite") == []
    board.remove("onsite")
    assert board.later_rounds("initech") == []


def test_a_loop_of_rounds_ends_the_walk_not_the_app() -> None:
    from followup_tui.app.rounds import rounds_of

    one = make("Acme", at(11, 2), id="one", follows="two")
    two = make("Acme", at(11, 3), id="two", follows="one")
    by_id = {"one": one, "two": two}
    later = {"one": ["two"], "two": ["one"]}
    found = rounds_of(one, by_id.get, lambda key: later[key])
    assert [i.id for i in found] == ["one", "two"]


class _CountingList(list[tuple[int, float, str, str]]):
    """The board's order, counting the element moves a delete or insertion pays for."""

    moves = 0

    def __delitem__(self, index: SupportsIndex | slice) -> None:
        _CountingList.moves += len(self)
        super().__delitem__(index)

    def insert(self, index: SupportsIndex, value: tuple[int, float, str, str]) -> None:
        _CountingList.moves += len(self)
        super().insert(index, value)


def test_a_day_boundary_moves_many_rows_in_one_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hundreds of rows changing at once are re-ordered in one pass, not one by one."""
    people = (Interviewer("Ana Pérez"),)
    interviews = [make(f"Co {n:03}", at(11, 4, 9 + n % 5), interviewers=people) for n in range(300)]
    interviews += standard_board()
    board, _ = board_with_counter()
    board.load(interviews, NOW)
    board.advance(NOW)  # makes the change heap
    insorts: list[object] = []
    real_insort = bisect.insort

    def counted_insort(*args: Any, **kwargs: Any) -> None:
        insorts.append(args)
        real_insort(*args, **kwargs)

    monkeypatch.setattr(bisect, "insort", counted_insort)
    _CountingList.moves = 0
    board._sorted = _CountingList(board._sorted)
    changes = board.advance(at(11, 5, 11, 1))
    assert len(changes) > 100  # thank-you windows closed overnight
    assert insorts == []
    assert _CountingList.moves == 0  # no list delete or insert per row
    fresh, _ = board_with_counter()
    fresh.load(interviews, at(11, 5, 11, 1))
    assert companies(board) == companies(fresh)
    assert board._sorted == sorted(board._keys.values())
    # Hooli's offer is open: every row moved at once still carries its "tell" step.
    actions = [board.row_at(i).standing.actions for i in range(len(board))]
    assert actions == [fresh.row_at(i).standing.actions for i in range(len(fresh))]


def test_one_changed_row_still_moves_by_bisection() -> None:
    board, _ = board_with_counter()
    board.load(standard_board(), NOW)
    board.advance(NOW)
    board.advance(at(11, 5, 11, 1))
    fresh, _ = board_with_counter()
    fresh.load(standard_board(), at(11, 5, 11, 1))
    assert companies(board) == companies(fresh)


def test_loading_gives_offer_steps_only_to_the_rows_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """An open offer adds a step to every other open row: that is worked out for the rows
    the screen reads, not for every row before the first frame; the counts stay right."""
    from followup_tui.core import board as core_board
    from followup_tui.core.board import rank, summary

    given: list[str] = []
    real = core_board._with_actions

    def counted(row: Any, actions: Any) -> Any:
        given.append(row.interview.id)
        return real(row, actions)

    monkeypatch.setattr(core_board, "_with_actions", counted)
    people = (Interviewer("Ana Pérez"),)
    interviews = [make(f"Co {n:03}", at(11, 4, 9 + n % 5), interviewers=people) for n in range(300)]
    interviews += standard_board()  # Hooli's offer is open: the others may tell their company
    board, _ = board_with_counter()
    board.load(interviews, NOW)
    shown = [board.row_at(i) for i in range(8)]
    assert len(given) <= 8  # not one step for each of the 300 rows nobody has read
    expected = rank(interviews, "standard", NOW, CALENDAR)
    assert shown == [row for row in expected if row.is_open][:8]
    assert board.summary == summary(expected)
    hooli = next(i for i in interviews if i.company == "Hooli")
    taken = hooli.with_event(Event(EventKind.OFFER_ACCEPTED, NOW))
    accepted = [taken if i is hooli else i for i in interviews]
    board.load(accepted, NOW)  # every other open row now owes a withdrawal: counted as such
    assert board.summary == summary(rank(accepted, "standard", NOW, CALENDAR))


def test_an_open_offer_keeps_its_decline_step_as_its_countdown_ticks() -> None:
    """With another offer accepted, an open offer owes a graceful no; the tick that moves
    its countdown keeps that step, as ``followup status`` shows it."""
    from followup_tui.core.board import rank

    offer = Event(EventKind.REPLY, at(11, 2), outcome=Outcome.OFFER, respond_by=at(11, 6).date())
    taken = (
        Event(EventKind.REPLY, at(10, 27), outcome=Outcome.OFFER),
        Event(EventKind.OFFER_ACCEPTED, at(10, 28)),
    )
    interviews = [
        *standard_board()[:4],
        make("Hooli", at(10, 20), events=(offer,)),
        make("Wonka", at(10, 1), events=taken),
    ]
    board, _ = board_with_counter()
    board.load(interviews, NOW)
    later = at(11, 7, 0, 1)  # the offer's answer day is over: its row is recomputed
    board.advance(later)
    expected = {r.interview.id: r for r in rank(interviews, "standard", later, CALENDAR)}
    hooli = board.get("hooli")
    assert hooli is not None and hooli.standing.status is Status.OFFER
    assert hooli.standing.actions[0].step is Step.OFFER_DECLINE
    assert hooli == expected["hooli"]


def test_a_day_boundary_in_batches_ends_as_one_pass_does() -> None:
    """Recomputed a batch at a time (a frame each), the board ends exactly where one pass
    puts it, with the same badge changes, and no batch recomputes more than it may."""
    people = (Interviewer("Ana Pérez"),)
    interviews = [make(f"Co {n:03}", at(11, 4, 9 + n % 5), interviewers=people) for n in range(300)]
    interviews += standard_board()
    boundary = at(11, 5, 11, 1)
    whole, _ = board_with_counter()
    whole.load(interviews, NOW)
    whole.advance(NOW)
    all_at_once = whole.advance(boundary)
    batched, calls = board_with_counter()
    batched.load(interviews, NOW)
    batched.advance(NOW)
    assert batched.behind(boundary) and not batched.behind(NOW)
    changes = []
    batches = 0
    while batched.behind(boundary):
        calls.clear()
        changes += batched.advance(boundary, at_most=40)
        assert len(calls) <= 40
        batches += 1
    assert batches > 3
    assert sorted(c.after.interview.id for c in changes) == sorted(
        c.after.interview.id for c in all_at_once
    )
    assert companies(batched) == companies(whole)
    assert (batched.summary, batched.hidden, batched.total) == (
        whole.summary,
        whole.hidden,
        whole.total,
    )


def test_the_counts_line_from_a_tally_that_names_only_some_badges() -> None:
    from followup_tui.core.board import summary_of

    assert summary_of({Status.WAITING: 2, Status.OVERDUE: 1}) == "1 overdue · 2 waiting"
    assert summary_of({Status.OFFER: 0}) == "nothing open"
