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
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.core.standing import Action, Basis, Standing, Status, Step, format_span

if TYPE_CHECKING:
    from followup_tui.core.board import Row
    from followup_tui.core.calendar import BusinessCalendar

VERSION = 2
"""The cache's format and meaning; raise it when either changes (old caches are then
ignored). Edits to the rules' source files invalidate caches by themselves."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_RULES = Path(__file__).parent / "core"


def cache_path_for(data_file: Path) -> Path:
    """The cache of a data file: beside it, ``<name>.standings``."""
    return data_file.with_name(data_file.name + ".standings")


def micros(moment: datetime) -> int:
    """An aware instant as whole microseconds since the epoch (exact, unlike a float)."""
    return (moment - _EPOCH) // _MICRO


def file_identity(data_file: Path) -> list[object] | None:
    """The data file's inode, size, modification time and CRC-32; None if absent."""
    import zlib  # a checksum, not a cryptographic hash: hashlib alone costs 2-3 ms to import

    try:
        with open(data_file, "rb") as stream:
            stat = os.fstat(stream.fileno())
            content = stream.read()
    except OSError:
        return None
    digest = zlib.crc32(content)
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, digest]


def _rules_fingerprint() -> list[object]:
    """Names, sizes and modification times of the rules' source files (and this one's)."""
    try:
        entries = sorted(
            (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
            for entry in os.scandir(_RULES)
            if entry.name.endswith(".py")
        )
        own = os.stat(__file__)
    except OSError:
        return []
    return [*entries, (own.st_size, own.st_mtime_ns)]


def make_key(identity: list[object], policy: str, zone: str, country: str) -> dict[str, Any]:
    """Everything the cached board depends on, as it is stored (JSON, so lists not tuples)."""
    from followup_tui import __version__

    # Through JSON and back: compared with what a stored cache reads back as.
    key: dict[str, Any] = json.loads(
        json.dumps(
            {
                "version": VERSION,
                "package": __version__,
                "rules": _rules_fingerprint(),
                "file": identity,
                "policy": policy,
                "zone": zone,
                "country": country,
            }
        )
    )
    return key


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


_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What a cache in an unexpected shape raises as it is read back."""


def load_head(data_file: Path, key: dict[str, Any], now: datetime) -> Head | None:
    """The head of the cache of ``data_file`` at ``now`` (no row is read), or None when
    there is no cache, or it doesn't fit ``key`` or ``now``, or it is damaged."""
    found = _fitting(data_file, key, now)
    if found is None:
        return None
    head, _ = found
    try:
        offers, due, overdue = (int(count) for count in head["counts"])
        step = head["next"]
        text = None if step is None else _countdown(step, micros(now))
        return Head(offers, due, overdue, text)
    except _DAMAGE:
        return None


def load_rows(data_file: Path, key: dict[str, Any], now: datetime) -> list[CachedRow] | None:
    """Every row of the cache of ``data_file``, in board order, with its standing at
    ``now``; None as :func:`load_head` has it."""
    found = _fitting(data_file, key, now)
    if found is None:
        return None
    _, rows_text = found
    now_us = micros(now)
    try:
        stored = json.loads(rows_text)
        # Few distinct actions recur across thousands of rows: each is made once.
        actions = [
            Action(_STEPS[s], label, due_now, recipient, number, of, _BASES.get(b))
            for s, label, due_now, recipient, number, of, b in stored["actions"]
        ]
        return [_row(record, actions, now_us) for record in stored["rows"]]
    except _DAMAGE:
        return None


def _fitting(
    data_file: Path, key: dict[str, Any], now: datetime
) -> tuple[dict[str, Any], str] | None:
    """The cache's head and the text of its rows, if its key is ``key`` and it holds at
    ``now``."""
    try:
        with open(cache_path_for(data_file), encoding="utf-8") as stream:
            head_text = stream.readline()
            rows_text = stream.read()
        head = json.loads(head_text)
        if not isinstance(head, dict) or head.get("key") != key:
            return None
        now_us = micros(now)
        made, until = head["made"], head["until"]
        if now_us < made or (until is not None and now_us >= until):
            return None
        return head, rows_text
    except (OSError, *_DAMAGE):
        return None


_STATUSES = {status.value: status for status in Status}
_STEPS = {step.value: step for step in Step}
_BASES = {basis.value: basis for basis in Basis}


def _row(record: list[Any], actions: list[Action], now_us: int) -> CachedRow:
    """A stored row back as a row at ``now_us`` (its countdown worked out for then)."""
    ident, company, role, archived, status, reason, indices, due, overdue, countdown = record
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


def _countdown(template: list[Any], now_us: int) -> str:
    """A templated text (see :func:`_template`) as it reads at ``now_us``."""
    if len(template) == 1:
        return str(template[0])
    before, anchor, after = template
    return str(before) + format_span(timedelta(microseconds=anchor - now_us)) + str(after)


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
        ]


def save(
    data_file: Path,
    key: dict[str, Any],
    rows: Sequence[Row],
    now: datetime,
    calendar: BusinessCalendar,
    countdown_at: CountdownAt,
) -> bool:
    """Write the cache of the board ``rows`` (all of them, as ``rank`` gave them at ``now``).

    ``countdown_at`` is asked only when a countdown reads alike counted to two instants.

    Returns False, leaving any old cache in place or none, when it can't be written or a
    countdown can't be templated; a cache is never worth an error.
    """
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
    head = {
        "key": key,
        "made": micros(now),
        "until": min(changes, default=None),
        "counts": [
            statuses.count(Status.OFFER),
            sum(1 for status in statuses if status in DUE_NOW),
            statuses.count(Status.OVERDUE),
        ],
        "next": step,
    }
    stored = {"actions": templates.actions(), "rows": records}
    text = json.dumps(head, ensure_ascii=False) + "\n" + json.dumps(stored, ensure_ascii=False)
    target = cache_path_for(data_file)
    temp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    try:
        # Private as the data file is: the cache names companies and people.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with open(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, target)
    except OSError:
        with suppress(OSError):
            os.unlink(temp)
        return False
    return True
