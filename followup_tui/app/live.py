"""The board the app shows, kept current as time passes and as the user acts.

Pure Python (no Textual): the screen asks it what to draw and tells it what changed. A
standing, a place in the order or a count is recomputed only when it may have changed, so
that a clock tick stays cheap however many interviews there are.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from followup_tui.core.board import Row, due_instant, offer_steps, summary, summary_of
from followup_tui.core.calendar import BusinessCalendar
from followup_tui.core.model import Interview
from followup_tui.core.standing import Standing, Status

StandingOf = Callable[[Interview, datetime], Standing]
"""How to compute an interview's standing at an instant (policy already chosen)."""

SortKey = tuple[int, float, str, str]


def sort_key(row: Row, calendar: BusinessCalendar) -> SortKey:
    """Board order, as ``core.board.sort_rows`` has it: urgency, soonest due, company, id.

    Kept here as a key (not a sort) so one changed row can be moved by bisection.
    """
    due = due_instant(row, calendar)
    stamp = due.timestamp() if due is not None else float("inf")
    return (row.standing.urgency, stamp, row.interview.company.casefold(), row.interview.id)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A row :meth:`LiveBoard.advance` recomputed, not yet in the board."""

    old: Row
    """The row it was computed from (the board's, unless changed since)."""
    new: Row
    """The row as the ladder has it now."""
    before: Row
    """The old row as a screen showed it (with the offers' steps)."""
    sort: SortKey
    """The new row's place in the order."""


@dataclass(frozen=True, slots=True)
class Change:
    """An interview whose badge changed by itself as time passed."""

    before: Row
    """The row as it was."""
    after: Row
    """The row as it is now."""

    @property
    def message(self) -> str:
        """What to tell the user: "Acme: check-in due"."""
        return f"{self.after.interview.company}: {self.after.standing.status.label}"


def offer_role(row: Row) -> str:
    """What the row is to the other interviews: "offer" (open), "accepted", or ""."""
    if row.standing.status is Status.OFFER and not row.interview.archived:
        return "offer"
    return "accepted" if row.standing.reason == "offer accepted" else ""


def _haystack(interview: Interview) -> str:
    people = " ".join(f"{p.name} {p.title} {p.email}" for p in interview.interviewers)
    fields = (interview.company, interview.role, interview.round, people, interview.notes)
    return " ".join(fields).casefold()


_FEW = 32
"""Up to this many recomputed rows are moved one by one (each a delete and an insertion,
linear in the board); more are merged in one pass (measured at 10,000 and 50,000 rows)."""


class LiveBoard:
    """Every interview with its standing, in board order, seen through a filter."""

    def __init__(self, standing_of: StandingOf, calendar: BusinessCalendar) -> None:
        """An empty board; ``standing_of`` is the ladder with each interview's policy."""
        self._standing_of = standing_of
        self._calendar = calendar
        self._base: dict[str, Row] = {}
        """Every row as the ladder has it, without the steps the offers give it."""
        self._rows: dict[str, Row] = {}
        """The rows read so far with those steps (see :meth:`_row`)."""
        self._open: dict[str, bool] = {}
        """Whether each row is open, kept as rows change (asking a row is far slower)."""
        self._tally: Counter[Status] = Counter()
        """How many open rows hold each badge, kept as rows change: the counts line."""
        # The rows with an open or accepted offer (few): they give every other open row its
        # offer steps, so only a change among them touches every row.
        self._offers: dict[str, Row] = {}
        self._steps: Callable[[Row], Row] | None = None
        self._later: dict[str, set[str]] = {}
        """For each interview, the ids of the rounds that follow it."""
        self._keys: dict[str, SortKey] = {}
        self._sorted: list[SortKey] = []
        self._view: list[str] = []
        self._view_pos: dict[str, int] | None = {}
        self._heap: list[tuple[float, str]] | None = []
        self._pending: dict[str, _Pending] = {}
        """Rows recomputed by :meth:`advance` and not yet in the board, each with the row it
        was computed from (the board changes when the last is in)."""
        self._haystacks: dict[str, str] = {}
        self._summary = ""
        self._closed = 0
        self._query: tuple[str, ...] = ()
        self.show_closed = False
        """Whether closed, offered and archived interviews are in the view."""

    def __len__(self) -> int:
        """How many rows the view holds."""
        return len(self._view)

    def row_at(self, index: int) -> Row:
        """The row at ``index`` of the view."""
        return self._row(self._view[index])

    def index_of(self, interview_id: str) -> int | None:
        """Where an interview is in the view, or None when it is not shown."""
        if self._view_pos is None:  # made when first asked for, not on every rebuild
            self._view_pos = {key: index for index, key in enumerate(self._view)}
        return self._view_pos.get(interview_id)

    def get(self, interview_id: str) -> Row | None:
        """The row of an interview, shown or not."""
        return self._row(interview_id) if interview_id in self._base else None

    @property
    def total(self) -> int:
        """How many interviews the board holds, shown or not."""
        return len(self._base)

    @property
    def hidden(self) -> int:
        """How many closed, offered or archived interviews the view leaves out."""
        return 0 if self.show_closed else self._closed

    @property
    def summary(self) -> str:
        """The counts line of the open interviews: "2 due · 1 overdue · 4 waiting"."""
        return self._summary

    @property
    def query(self) -> str:
        """The text filter in force ("" for none)."""
        return " ".join(self._query)

    def load(self, interviews: Iterable[Interview], now: datetime) -> None:
        """Replace everything; standings of unchanged interviews are kept, not recomputed."""
        previous = self._base
        rows: dict[str, Row] = {}
        for interview in interviews:
            old = previous.get(interview.id)
            if old is not None and (old.interview is interview or old.interview == interview):
                rows[interview.id] = old
            else:
                rows[interview.id] = Row(interview, self._standing_of(interview, now))
                self._haystacks.pop(interview.id, None)
        self._base = rows
        self._open = {key: row.is_open for key, row in rows.items()}
        self._tally = Counter(row.standing.status for row in rows.values() if row.is_open)
        self._later = {}
        for key, row in rows.items():
            if row.interview.follows:
                self._later.setdefault(row.interview.follows, set()).add(key)
        self._offers = {key: row for key, row in rows.items() if offer_role(row)}
        self._redecorate()
        self._keys = {key: sort_key(row, self._calendar) for key, row in rows.items()}
        self._sorted = sorted(self._keys.values())
        self._heap = None  # made by the first tick: not needed for the first frame
        self._changed()

    def put(self, interview: Interview, now: datetime) -> Row:
        """Add or replace one interview (after a write); returns its new row."""
        row = Row(interview, self._standing_of(interview, now))
        self._haystacks.pop(interview.id, None)
        self._place(row)
        self._changed()
        return row

    def remove(self, interview_id: str) -> None:
        """Take an interview off the board."""
        row = self._base.pop(interview_id, None)
        if row is not None:
            self._count(interview_id, row, None)
            self._rows.pop(interview_id, None)
            self._unlink(row)
            self._unplace(interview_id)
            if self._offers.pop(interview_id, None) is not None:
                self._redecorate()
            self._changed()

    def later_rounds(self, interview_id: str) -> list[str]:
        """The ids of the rounds that follow an interview (its next rounds)."""
        return sorted(self._later.get(interview_id, ()))

    def set_query(self, text: str) -> None:
        """Show only interviews whose text holds every word of ``text`` (any case)."""
        self._query = tuple(text.casefold().split())
        self._rebuild_view()

    def set_show_closed(self, show: bool) -> None:
        """Show or hide the closed, offered and archived interviews."""
        self.show_closed = show
        self._rebuild_view()

    def advance(self, now: datetime, at_most: int | None = None) -> list[Change]:
        """Recompute the interviews whose status may have changed by ``now``: all of them,
        or ``at_most`` that many a call (then :meth:`behind` says whether more are left).

        The board changes all at once, in the call after the last of them is recomputed
        (in that same call when it recomputed fewer than ``at_most``): that call returns
        the ones whose badge did change (the calls before return none), and the order is
        updated if any did. An interview changed meanwhile keeps its new row.
        """
        stamp = now.timestamp()
        pending = self._pending
        heap = self._change_heap()
        computed = 0
        while heap and heap[0][0] <= stamp and (at_most is None or computed < at_most):
            due, key = heapq.heappop(heap)
            row = self._base.get(key)
            if row is None or row.standing.changes_at is None:
                continue
            if row.standing.changes_at.timestamp() != due:
                continue  # a stale entry: the interview was recomputed since
            new = Row(row.interview, self._standing_of(row.interview, now))
            # What each row needs of its own is worked out here, a batch at a time; the
            # call that puts them in order has only the whole board's steps left.
            pending[key] = _Pending(row, new, self._row(key), sort_key(new, self._calendar))
            computed += 1
        if self._due(now) or computed == at_most:
            return []  # the rest, or putting them in order, in the next call
        self._pending = {}
        changes: list[Change] = []
        recomputed: dict[str, _Pending] = {}
        for key, done in pending.items():
            if self._base.get(key) is not done.old:
                continue  # changed (or removed) since: its own row is newer
            recomputed[key] = done
            if done.new.standing.status is not done.before.standing.status:
                changes.append(Change(done.before, done.new))
        if recomputed:
            self._replace_many(recomputed)
        if changes:
            self._changed()
        return changes

    def behind(self, now: datetime) -> bool:
        """Whether some interview's status may have changed by ``now`` and is not yet in
        the board (:meth:`advance` was given a limit)."""
        return bool(self._pending) or self._due(now)

    def _due(self, now: datetime) -> bool:
        """Whether some interview's status may have changed by ``now`` and was not yet
        recomputed."""
        heap = self._change_heap()
        return bool(heap) and heap[0][0] <= now.timestamp()

    def refresh(self, indices: Sequence[int], now: datetime) -> tuple[list[int], list[Change]]:
        """Recompute the standings of the rows at ``indices`` of the view (the visible ones).

        Returns the indices whose text changed (to repaint), and any badge changes (after
        which the order has been updated and indices may have moved).
        """
        repaint: list[int] = []
        changes: list[Change] = []
        for index in indices:
            if not 0 <= index < len(self._view):
                continue
            key = self._view[index]
            row = self._base[key]
            new = Row(row.interview, self._standing_of(row.interview, now))
            if new.standing == row.standing:
                continue
            self._place(new)
            repaint.append(index)
            if new.standing.status is not row.standing.status:
                changes.append(Change(row, new))
        if changes:
            self._changed()
        return repaint, changes

    def _place(self, row: Row) -> None:
        """Put ``row`` (as the ladder has it) in its place in the order and the change heap."""
        key = row.interview.id
        self._unplace(key)
        old = self._base.get(key)
        if old is None or old.interview.follows != row.interview.follows:
            self._unlink(old)
            if row.interview.follows:
                self._later.setdefault(row.interview.follows, set()).add(key)
        self._count(key, old, row)
        self._base[key] = row
        if self._offer_changed(key, row):
            self._redecorate()  # an offer appeared, changed or closed: every row may change
        self._rows.pop(key, None)
        sort = self._keys[key] = sort_key(row, self._calendar)
        bisect.insort(self._sorted, sort)
        # With no heap yet, the first tick makes it from the rows, this one included.
        if row.standing.changes_at is not None and self._heap is not None:
            heapq.heappush(self._heap, (row.standing.changes_at.timestamp(), key))

    def _unlink(self, row: Row | None) -> None:
        """Forget that ``row`` follows another round."""
        if row is not None and row.interview.follows:
            later = self._later.get(row.interview.follows)
            if later is not None:
                later.discard(row.interview.id)

    def _offer_changed(self, key: str, row: Row) -> bool:
        """Record ``row`` among the offers or take it out; True if that changes the others."""
        old = self._offers.get(key)
        role = offer_role(row)
        if not role:
            return self._offers.pop(key, None) is not None
        self._offers[key] = row
        # A countdown ticking on the offer changes nothing for the others; a new role, a
        # new company or a new event (another offer reply) may.
        return old is None or offer_role(old) != role or old.interview != row.interview

    def _row(self, key: str) -> Row:
        """The row of ``key`` with the steps the offers give it, worked out when first read.

        Only the rows a screen reads pay for them: the first frame shows a few of thousands.
        """
        row = self._rows.get(key)
        if row is None:
            row = self._base[key]
            if self._steps is not None:
                row = self._steps(row)
            self._rows[key] = row
        return row

    def _redecorate(self) -> None:
        """The offers changed: every row's steps are worked out again when next read."""
        self._steps = offer_steps(self._offers.values())
        self._rows = {}

    def _statuses_moved(self) -> bool:
        """Whether the offers change any row's badge, not only its steps: once an offer is
        accepted, the other open rows are down to moving on. (An open offer only adds a
        step, and no offer ever opens or closes a row.)"""
        return any(offer_role(row) == "accepted" for row in self._offers.values())

    def _replace_many(self, rows: dict[str, _Pending]) -> None:
        """Put many recomputed rows back in order in one pass.

        At a day boundary thousands of rows may change at once: moving each with a list
        delete and an insertion would be quadratic, so the unchanged keys are kept in
        order, the new ones sorted, and the two runs merged by one sort. A few rows are
        still moved one by one: a bounded number of moves costs about one merge.
        """
        if len(rows) <= _FEW:
            for done in rows.values():
                self._place(done.new)
            return
        for key in rows:
            self._keys.pop(key, None)
        kept = [sort for sort in self._sorted if sort[-1] not in rows]
        added = []
        offers_moved = False
        for key, done in rows.items():
            row = done.new
            self._count(key, done.old, row)
            self._base[key] = row
            offers_moved = self._offer_changed(key, row) or offers_moved
            sort = self._keys[key] = done.sort
            added.append(sort)
            if row.standing.changes_at is not None and self._heap is not None:
                heapq.heappush(self._heap, (row.standing.changes_at.timestamp(), key))
        if offers_moved:
            self._redecorate()
        else:
            for key in rows:
                self._rows.pop(key, None)
        # Two sorted runs: timsort finds them and merges them in one linear pass.
        added.sort()
        kept.extend(added)
        kept.sort()
        self._sorted = kept

    def _change_heap(self) -> list[tuple[float, str]]:
        """When each row's status may next change, earliest first."""
        if self._heap is None:
            self._heap = [
                (row.standing.changes_at.timestamp(), key)
                for key, row in self._base.items()
                if row.standing.changes_at is not None
            ]
            heapq.heapify(self._heap)
        return self._heap

    def _unplace(self, key: str) -> None:
        old = self._keys.pop(key, None)
        if old is not None:
            del self._sorted[bisect.bisect_left(self._sorted, old)]

    def _count(self, key: str, old: Row | None, new: Row | None) -> None:
        """Keep the open flags and the tally as ``key``'s row goes from ``old`` to ``new``."""
        if old is not None and self._open.pop(key, False):
            self._tally[old.standing.status] -= 1
        if new is not None:
            is_open = self._open[key] = new.is_open
            if is_open:
                self._tally[new.standing.status] += 1

    def _changed(self) -> None:
        base = self._base
        if self._statuses_moved():  # an accepted offer moves other rows' badges
            self._summary = summary(self._row(key) for key in base)
        else:
            self._summary = summary_of(self._tally)
        self._closed = len(base) - sum(self._tally.values())
        self._rebuild_view()

    def _matches(self, key: str) -> bool:
        haystack = self._haystacks.get(key)
        if haystack is None:
            haystack = self._haystacks[key] = _haystack(self._base[key].interview)
        return all(word in haystack for word in self._query)

    def _rebuild_view(self) -> None:
        if self.show_closed:
            view = [sort[-1] for sort in self._sorted]
        else:  # in one pass (the offers' steps never open or close a row)
            is_open = self._open
            view = [sort[-1] for sort in self._sorted if is_open[sort[-1]]]
        if self._query:
            view = [key for key in view if self._matches(key)]
        self._view = view
        self._view_pos = None
