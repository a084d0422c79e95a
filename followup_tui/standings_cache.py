"""The standings cache: what ``followup status`` showed last, kept beside the data file.

Working out the board means decoding every interview and running the ladder for each; at
thousands of interviews that is most of what ``followup status`` costs. Yet a standing
holds until its ``changes_at``: until then only its countdown moves, and the countdown is
a fixed text around the time left to one instant. So the board is saved, in board order,
as templates: each row's standing with its countdown split around that instant. Beside it
sits a small head with the counts and the first actionable row, enough for ``status
--short`` without reading the rows at all.

It is strictly a cache, never the source of truth. It is used only when every part of its
key matches — the data file's inode, size, modification time and content checksum, the
settings that change standings (default policy, zone, country), this module's format
version, the package version and the rules' source files — and only at instants from when
it was made until the first standing in it may change. Anything else, an unreadable file
or one in an unexpected shape included, means the board is computed again (and the cache
rewritten). Written with a rename, so a reader never sees half of one.

Nothing heavy is imported here: a hit must cost less than the imports it saves.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui import standings_head
from followup_tui.core.span import format_span
from followup_tui.core.standing import Action, Basis, Standing, Status, Step
from followup_tui.standings_head import file_identity as file_identity
from followup_tui.standings_head import make_key as make_key
from followup_tui.standings_head import micros as micros

if TYPE_CHECKING:
    from followup_tui.core.board import Row
    from followup_tui.core.calendar import BusinessCalendar


def cache_path_for(data_file: Path) -> Path:
    """The cache of a data file: beside it, ``<name>.standings``."""
    return data_file.with_name(data_file.name + ".standings")


@dataclass(frozen=True, slots=True)
class Named:
    """The part of an interview that ``followup status`` prints."""

    id: str
    """The interview's id."""
    company: str
    """The company."""
    role: str
    """The role."""
    archived: bool
    """Whether the user archived it."""


@dataclass(frozen=True, slots=True)
class CachedRow:
    """A row of the board as the cache gives it back: what is printed, nothing more."""

    interview: Named
    """The interview's names."""
    standing: Standing
    """Its standing at the instant asked for."""

    @property
    def is_open(self) -> bool:
        """True until the interview is closed, offered or archived (as ``Row.is_open``)."""
        return self.standing.status.is_open and not self.interview.archived


@dataclass(frozen=True, slots=True)
class Head:
    """The counts ``status --short`` prints, and its first actionable row."""

    offers: int
    """Open offers."""
    due: int
    """Open interviews with something to send now (overdue apart)."""
    overdue: int
    """Open interviews overdue."""
    next: str | None
    """The next step of the first open row with an action (``core.board.next_step``), or
    None when no open row has one."""


_DAMAGE = standings_head.DAMAGE


def read_section(
    data_file: Path, key: dict[str, Any], now: datetime, section: str | None
) -> tuple[dict[str, Any], Any] | None:
    """The head and ``section`` (JSON) of the cache of ``data_file``, if its key is ``key``
    and it holds at ``now``."""

    def fits(head: dict[str, Any]) -> bool:
        return head.get("key") == key

    return standings_head.read(str(data_file), micros(now), fits, section, json.loads)


def load_head(data_file: Path, key: dict[str, Any], now: datetime) -> Head | None:
    """The head of the cache of ``data_file`` at ``now`` (no row is read), or None when
    there is no cache, or it doesn't fit ``key`` or ``now``, or it is damaged."""
    found = read_section(data_file, key, now, None)
    if found is None:
        return None
    head, _ = found
    try:
        return Head(*standings_head.short_counts(head, micros(now)))
    except _DAMAGE:
        return None


def load_rows(data_file: Path, key: dict[str, Any], now: datetime) -> list[CachedRow] | None:
    """Every row of the cache of ``data_file``, in board order, with its standing at
    ``now``; None as :func:`load_head` has it."""
    found = read_section(data_file, key, now, "rows")
    if found is None:
        return None
    _, stored = found
    now_us = micros(now)
    try:
        actions = decode_actions(stored["actions"])
        return [decode_row(record, actions, now_us) for record in stored["rows"]]
    except _DAMAGE:
        return None


FIRST_ROWS = 256
"""Open rows the app's first frame may draw from the cache (more than a terminal of 1,000
lines shows); ``standings_frame`` reads them."""


_COUNTDOWN = 9
"""Where a stored row keeps its countdown's template (what a pane draws follows it)."""
_STATUSES = {status.value: status for status in Status}
_STEPS = {step.value: step for step in Step}
_BASES = {basis.value: basis for basis in Basis}


def decode_actions(stored: list[Any]) -> list[Action]:
    """The actions the rows name by their place, as stored.

    Few distinct actions recur across thousands of rows: each is stored, and made, once.
    """
    return [
        Action(_STEPS[s], label, due_now, recipient, number, of, _BASES.get(b))
        for s, label, due_now, recipient, number, of, b in stored
    ]


def decode_status(stored: str) -> Status:
    """A status as stored."""
    return _STATUSES[stored]


def decode_row(record: list[Any], actions: list[Action], now_us: int) -> CachedRow:
    """A stored row back as a row at ``now_us`` (its countdown worked out for then)."""
    ident, company, role, archived, status, reason, indices, due, overdue, countdown = record[:10]
    text = _countdown(countdown, now_us)
    standing = Standing(
        status=_STATUSES[status],
        actions=tuple([actions[index] for index in indices]),
        due=_moment(due),
        overdue_after=date.fromisoformat(overdue) if overdue is not None else None,
        countdown=text,
        changes_at=None,  # the cache as a whole is valid until the first change
        reason=reason,
    )
    return CachedRow(Named(ident, company, role, archived), standing)


_countdown = standings_head.countdown


def _moment(stored: list[str] | None) -> datetime | date | None:
    if stored is None:
        return None
    kind, text = stored
    return datetime.fromisoformat(text) if kind == "t" else date.fromisoformat(text)


class Uncacheable(ValueError):
    """A standing whose countdown this cache can't rebuild at other instants."""


def _anchors(row: Row, calendar: BusinessCalendar) -> Iterable[datetime]:
    """The instants a countdown may count to or from, most likely first."""
    standing = row.standing
    if standing.changes_at is not None:
        yield standing.changes_at
    due = standing.due
    if isinstance(due, datetime):
        yield due
    elif isinstance(due, date):
        yield calendar.start_of(due + timedelta(days=1))
        yield calendar.start_of(due)
    if standing.overdue_after is not None:
        yield calendar.start_of(standing.overdue_after + timedelta(days=1))


CountdownAt = Callable[["Row", datetime], str]
"""The ladder's countdown of a row's interview at another instant (to tell anchors apart)."""

_PROBES = (60, 3_600, 86_400, 7 * 86_400)
"""Seconds after the cache's instant at which an ambiguous countdown is checked."""


class _Templates:
    """Countdowns made into templates: the text around the span to one fixed instant."""

    def __init__(
        self, now: datetime, calendar: BusinessCalendar, countdown_at: CountdownAt
    ) -> None:
        self._now = now
        self._now_us = micros(now)
        self._calendar = calendar
        self._countdown_at = countdown_at
        self._actions: dict[Action, int] = {}

    def actions(self) -> list[list[Any]]:
        """Every distinct action of the rows recorded so far, as stored (rows name them by
        their place in this list)."""
        return [
            [a.step.value, a.label, a.due_now, a.recipient, a.number, a.of, a.basis or ""]
            for a in self._actions
        ]

    def countdown(self, row: Row) -> list[Any]:
        """The row's countdown as [text] or [before, anchor microseconds, after]."""
        text = row.standing.countdown
        if not text or (not any(ch.isdigit() for ch in text) and "<1m" not in text):
            return [text]  # nothing counted: "", "due now"
        found: dict[int, tuple[str, str]] = {}
        for anchor in _anchors(row, self._calendar):
            anchor_us = micros(anchor)
            span = format_span(timedelta(microseconds=anchor_us - self._now_us))
            if text.count(span) == 1 and anchor_us not in found:
                before, _, after = text.partition(span)
                found[anchor_us] = (before, after)
        if len(found) > 1:
            found = self._narrowed(row, found)
        if len(found) == 1:
            ((anchor_us, (before, after)),) = found.items()
            return [before, anchor_us, after]
        raise Uncacheable(text)

    def _narrowed(self, row: Row, found: dict[int, tuple[str, str]]) -> dict[int, tuple[str, str]]:
        """Of several instants that read alike now, those the ladder agrees with later."""
        changes = row.standing.changes_at
        limit = micros(changes) if changes is not None else None
        for seconds in _PROBES:
            probe_us = self._now_us + seconds * 1_000_000
            if limit is not None and probe_us >= limit:
                break
            truth = self._countdown_at(row, self._now + timedelta(seconds=seconds))
            found = {
                anchor_us: (before, after)
                for anchor_us, (before, after) in found.items()
                if before + format_span(timedelta(microseconds=anchor_us - probe_us)) + after
                == truth
            }
            if len(found) <= 1:
                break
        return found

    def next_step(self, row: Row) -> list[Any]:
        """``core.board.next_step`` of the row, templated as its countdown is."""
        from followup_tui.core.board import next_step

        text = next_step(row)
        countdown = row.standing.countdown
        template = self.countdown(row)
        if len(template) == 1:
            return [text]
        if not text.endswith(f"({countdown})"):
            raise Uncacheable(text)
        before, anchor, after = template
        return [text[: -len(countdown) - 1] + before, anchor, after + ")"]

    def record(self, row: Row) -> list[Any]:
        """The row as stored."""
        s = row.standing
        interview = row.interview
        due: list[str] | None = None
        if isinstance(s.due, datetime):
            due = ["t", s.due.isoformat()]
        elif isinstance(s.due, date):
            due = ["d", s.due.isoformat()]
        actions = [self._actions.setdefault(a, len(self._actions)) for a in s.actions]
        return [
            interview.id,
            interview.company,
            interview.role,
            interview.archived,
            s.status.value,
            s.reason,
            actions,
            due,
            s.overdue_after.isoformat() if s.overdue_after is not None else None,
            self.countdown(row),
            interview.round,
            interview.follows,
            [person.name for person in interview.interviewers],
            interview.start.isoformat(),
        ]


def save(
    data_file: Path,
    key: dict[str, Any],
    rows: Sequence[Row],
    now: datetime,
    calendar: BusinessCalendar,
    countdown_at: CountdownAt,
    *,
    settings: list[Any] | None = None,
) -> bool:
    """Write the cache of the board ``rows`` (all of them, as ``rank`` gave them at ``now``).

    ``countdown_at`` is asked only when a countdown reads alike counted to two instants.
    ``settings``: the facts the settings in ``key`` were read from
    (``standings_head.settings_facts``), checked by the full path; without them the quick
    path never uses this cache.

    Returns False, leaving any old cache in place or none, when it can't be written or a
    countdown can't be templated; a cache is never worth an error.
    """
    from followup_tui import report
    from followup_tui.core.board import DUE_NOW

    templates = _Templates(now, calendar, countdown_at)
    try:
        records = [templates.record(row) for row in rows]
    except Uncacheable:
        return False
    changes = [micros(r.standing.changes_at) for r in rows if r.standing.changes_at is not None]
    open_rows = [(row, record) for row, record in zip(rows, records, strict=True) if row.is_open]
    statuses = [row.standing.status for row, _ in open_rows]
    first = next((row for row, _ in open_rows if row.standing.actions), None)
    try:
        step = None if first is None else templates.next_step(first)
    except Uncacheable:
        return False
    # What the quick path prints, in the pieces the report makes: it assembles them alone.
    table, document = [], []
    for row, record in zip(rows, records, strict=True):
        template = record[_COUNTDOWN]
        table.append(standings_head.table_row(row.is_open, template, report.table_cells(row)))
        document.append([row.is_open, template, {**report.json_fields(row), "countdown": None}])
    # The table read without json by the quick path (and fast, at thousands of rows).
    frame = {
        "actions": templates.actions(),
        "total": len(rows),
        "open": Counter(row.standing.status.value for row, _ in open_rows),
        "accepted": any(row.standing.reason == "offer accepted" for row in rows),
        "rows": [record for _, record in open_rows[:FIRST_ROWS]],
    }
    sections = [
        ("first", _json(frame)),
        ("rows", _json({"actions": templates.actions(), "rows": records})),
        ("table", standings_head.encode_table(table)),
        ("json", _json(document)),
    ]
    lines = [(text + "\n").encode() for _, text in sections]
    offsets, start = {}, 0
    for (name, _), line in zip(sections, lines, strict=True):
        offsets[name] = [start, len(line)]
        start += len(line)
    head = {
        "key": key,
        "settings": settings,
        "sections": offsets,
        "made": micros(now),
        "until": min(changes, default=None),
        "counts": [
            statuses.count(Status.OFFER),
            sum(1 for status in statuses if status in DUE_NOW),
            statuses.count(Status.OVERDUE),
        ],
        "next": step,
    }
    head_line = (standings_head.encode(head) + "\n").encode()
    text = b"".join([head_line, *lines])
    if not _readable(head_line, text):
        return False
    return _write(cache_path_for(data_file), text)


def _readable(head_line: bytes, text: bytes) -> bool:
    """Whether a reader takes a cache of ``text`` with this head line for one (longer
    ones are damage to it)."""
    return len(head_line) <= standings_head.MAX_HEAD and len(text) <= standings_head.MAX_CACHE


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def restamp(data_file: Path, key: dict[str, Any], settings: list[Any]) -> bool:
    """Record ``settings`` (as :func:`save` has them) in the cache of ``data_file`` if its
    key is ``key`` and it records other facts; True if it was written.

    A settings edit that changes no standing (the name, a comment) leaves the cache valid
    for the full path, which checks the settings themselves, but not for the quick path,
    which checks what they were read from.
    """
    target = cache_path_for(data_file)
    stream = standings_head.open_cache(str(target))
    if stream is None:
        return False
    try:
        with stream:
            found = standings_head.read_head(stream)
            if found is None:
                return False
            head_length, head = found
            # The sections, untouched (their offsets follow the head), and no more than
            # open_cache allows.
            rest = stream.read(standings_head.MAX_CACHE - head_length)
        if head.get("key") != key or head.get("settings") == settings:
            return False
    except (OSError, *_DAMAGE):
        return False
    head["settings"] = settings
    head_line = (standings_head.encode(head) + "\n").encode()
    if not _readable(head_line, head_line + rest):
        return False
    return _write(target, head_line + rest)


def _write(target: Path, text: bytes) -> bool:
    """Replace ``target`` by a file holding ``text`` (whole, never half); False if it
    can't be written."""
    temp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    try:
        # Private as the data file is: the cache names companies and people.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with open(fd, "wb") as stream:
            stream.write(text)
        os.replace(temp, target)
    except OSError:
        with suppress(OSError):
            os.unlink(temp)
        return False
    return True
