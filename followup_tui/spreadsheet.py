"""``followup import tracker.csv``: interviews from a spreadsheet or another tracker's export.

A CSV file (UTF-8, with or without a byte-order mark; cells split by ``,`` or ``;``) with
a header row. Columns are found by their header through :data:`ALIASES`, or named with
``--map FIELD=COLUMN``. Each row becomes an interchange record, checked by the codec like
any imported interview; any bad row stops the import with its row number and column, and
nothing is written. Rows without an interview date are skipped, each with the reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.core.codec import CodecError, interview_from_dict
from followup_tui.core.dates import DateError, parse_datetime
from followup_tui.core.model import Interview
from followup_tui.report import plain

if TYPE_CHECKING:
    from followup_tui.storage.store import Store

ALIASES: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "job title", "position", "title", "job"),
    "date": ("interview date", "interview", "date"),
    "time": ("interview time", "time"),
    "interviewer": ("interviewer", "interviewers", "contact", "contact name"),
    "email": ("email", "e mail", "contact email", "interviewer email"),
    "stage": ("stage", "status", "list"),
    "notes": ("notes", "note", "comments"),
    "link": ("link", "url", "job link", "posting", "job posting"),
}
"""Each field, and the headers it is read from (compared without case or punctuation),
most specific first."""
REQUIRED = ("company", "role", "date")
"""Fields a file must have a column for."""
MAX_BYTES = 50 * 1024 * 1024
"""A file larger than this is not a job tracker."""
DEFAULT_TIME = time(12, 0)
"""The time of an interview whose date has none."""
SERIAL_EPOCH = datetime(1899, 12, 30)
"""Day 0 of spreadsheet serial dates (Excel, LibreOffice, Google Sheets)."""

_REJECTED = {"rejected", "rejection", "declined", "not selected", "turned down", "no offer"}
_OFFER = {"offer", "offered", "offer received", "offer extended", "accepted", "hired"}
_WITHDREW = {"withdrew", "withdrawn", "withdraw"}
_SILENT = {"ghosted", "no response", "no reply", "closed", "archived"}
_OPEN = {
    "",
    "applied",
    "interview",
    "interviewing",
    "interviewed",
    "in progress",
    "waiting",
    "pending",
    "active",
    "open",
    "scheduled",
}
STAGES = {
    "rejected": sorted(_REJECTED),
    "offer": sorted(_OFFER),
    "withdrew": sorted(_WITHDREW),
    "archived": sorted(_SILENT),
}
"""Stage words that become an event (or put the interview away); any other stage is kept
as the interview's round."""

# Single-line fields lose every control character; notes keep their line breaks and tabs.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NOTE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?=$|[ T,])(.*)$")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_DAY_MONTH_DASHED = re.compile(r"^(\d{1,2})-([A-Za-z]{3,9})-(\d{2,4})\b")
_RELATIVE = re.compile(r"\b(today|tomorrow|yesterday|now|next|last|ago|in)\b", re.IGNORECASE)


class SheetError(ValueError):
    """The file can't be imported; the message names the row and column at fault."""


@dataclass(frozen=True)
class Options:
    """How to read the file."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    """Field name to column header, overriding :data:`ALIASES`."""
    order: str = ""
    """"day" or "month" when numeric dates like 03/11/2026 are day- or month-first."""


@dataclass(frozen=True)
class Plan:
    """What an import would do, row by row."""

    rows: list[tuple[int, Interview]]
    """Each row to import, with its row number as the spreadsheet shows it."""
    skipped: list[tuple[int, str]]
    """Each row left out, with the reason."""


def _key(header: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", header.casefold()).strip()


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        mib = len(data) / 1024 / 1024
        raise SheetError(f"too large for a tracker ({mib:.0f} MiB; at most {MAX_BYTES >> 20})")
    if b"\x00" in data:
        raise SheetError("a binary file, not CSV text (save the sheet as 'CSV UTF-8')")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise SheetError(f"row {row} is not UTF-8 text (save the sheet as 'CSV UTF-8')") from None


def _records(text: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows, split by whichever delimiter makes more headers known."""
    first = text.split("\n", 1)[0]
    best = ","
    best_score = (-1, -1)
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([first], delimiter=delimiter), [])
        known = {_key(c) for c in cells} & {a for names in ALIASES.values() for a in names}
        score = (len(known), len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    # Not str.splitlines(): it also breaks at \x1c-\x1e, \x85 and \u2028, which a cell
    # may hold; csv splits rows at line breaks alone.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=best, strict=True)
    rows: list[list[str]] = []
    try:
        for cells in reader:
            rows.append(cells)
    except csv.Error as exc:
        raise SheetError(f"row {len(rows) + 1} can't be read as CSV ({exc})") from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise SheetError("empty: no header row")
    return [c.strip() for c in rows[0]], rows[1:]


def _columns(header: list[str], mapping: Mapping[str, str]) -> dict[str, int]:
    """Each field's column index."""
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for name, column in mapping.items():
        if name not in ALIASES:
            raise SheetError(f"--map {name}=…: no such field (fields: {', '.join(ALIASES)})")
        matches = [i for i, h in enumerate(header) if h == column]
        matches = matches or [i for i, k in enumerate(keys) if k == _key(column)]
        if not matches:
            shown = ", ".join(repr(h) for h in header)
            raise SheetError(f"--map {name}={column}: no such column (columns: {shown})")
        found[name] = matches[0]
    taken = set(found.values())
    for name, aliases in ALIASES.items():
        if name in found:
            continue
        for alias in aliases:
            index = next((i for i, k in enumerate(keys) if k == alias and i not in taken), None)
            if index is not None:
                found[name] = index
                taken.add(index)
                break
    for name in REQUIRED:
        if name not in found:
            looked = ", ".join(repr(a) for a in ALIASES[name])
            raise SheetError(
                f"no column for {name} (looked for {looked}); name it with --map {name}=COLUMN"
            )
    return found


def parse_when(text: str, now: datetime, tz: tzinfo, order: str = "") -> datetime:
    """An interview's date (and time, noon if none) as a person or a spreadsheet wrote it.

    ISO 8601, month names ("Nov 3, 2026 10:00 AM"), numbers ("25/11/2026"; "03/11/2026"
    only with ``order`` "day" or "month") and spreadsheet serial numbers ("46329.4167").
    Raises :class:`DateError` saying why it can't be read.
    """
    value = text.strip()
    if _SERIAL.match(value):
        days = float(value)
        local = SERIAL_EPOCH + timedelta(minutes=round(days * 24 * 60))
        if "." not in value:
            local = datetime.combine(local.date(), DEFAULT_TIME)
        return _localise(local, tz)
    if re.match(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2}", value):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise DateError(f"{value!r} is not a valid ISO date and time") from None
        return parsed if parsed.tzinfo is not None else _localise(parsed, tz)
    if not re.search(r"\d", value) or _RELATIVE.search(value):
        raise DateError(f"{value!r} is not a date with a day, a month and a year")
    value = _DAY_MONTH_DASHED.sub(r"\1 \2 \3", value)
    numeric = _NUMERIC.match(value)
    if numeric is not None:
        value = _numeric(numeric, order)
    return parse_datetime(value, now, tz, default_time=DEFAULT_TIME)


def _numeric(match: re.Match[str], order: str) -> str:
    first, _, second, year_text, rest = match.groups()
    a, b = int(first), int(second)
    year = int(year_text) + 2000 if len(year_text) == 2 else int(year_text)
    if not order:
        if a <= 12 and b <= 12 and a != b:
            raise DateError(
                f"{match.group(0).strip()!r} could be day-first or month-first:"
                " add --day-first or --month-first"
            )
        order = "day" if a > 12 else "month"
    day, month = (a, b) if order == "day" else (b, a)
    if not 1 <= month <= 12:
        raise DateError(f"{match.group(0).strip()!r} has no month {month}")
    return f"{year:04d}-{month:02d}-{day:02d}{rest}"


def _localise(local: datetime, tz: tzinfo) -> datetime:
    return local.replace(tzinfo=tz)


def _names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r";|,|&|/|\band\b|\n", text) if n.strip()]


def record_id(company: str, role: str, start: datetime) -> str:
    """The same id for the same company, role and start: importing a file twice adds
    nothing the second time."""
    key = f"{company.casefold()}\n{role.casefold()}\n{start.isoformat()}"
    return "csv-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class _Row:
    """One row's cells by field, and its errors naming the column."""

    def __init__(self, number: int, cells: Sequence[str], columns: Mapping[str, int]):
        self.number = number
        self.cells = cells
        self.columns = columns

    def get(self, name: str, *, notes: bool = False) -> str:
        index = self.columns.get(name)
        if index is None or index >= len(self.cells):
            return ""
        pattern = _NOTE_CONTROLS if notes else _CONTROLS
        return pattern.sub("", self.cells[index]).strip()

    def fail(self, name: str, problem: str, header: Sequence[str]) -> SheetError:
        index = self.columns.get(name)
        where = f", column {header[index]!r}" if index is not None else ""
        return SheetError(f"row {self.number}{where}: {problem}")


def plan(
    data: bytes,
    options: Options,
    now: datetime,
    tz: tzinfo,
    existing: frozenset[str] = frozenset(),
) -> Plan:
    """What importing ``data`` would add; ``existing`` holds the ids already in the store.

    Raises :class:`SheetError` for the first problem, naming its row and column.
    """
    header, records = _records(_decode(data))
    columns = _columns(header, options.mapping)
    rows: list[tuple[int, Interview]] = []
    skipped: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(records, 2):
        row = _Row(number, cells, columns)
        if not any(c.strip() for c in cells):
            continue
        record = _record(row, header, options, now, tz)
        if record is None:
            skipped.append((number, "no interview date"))
            continue
        if record["id"] in seen:
            raise row.fail(
                "date", f"the same company, role and date as row {seen[record['id']]}", header
            )
        seen[record["id"]] = number
        if record["id"] in existing:
            skipped.append((number, "already imported"))
            continue
        try:
            rows.append((number, interview_from_dict(record, number)))
        except CodecError as exc:
            name = {"start": "date", "posting_url": "link"}.get(exc.field, exc.field)
            raise row.fail(name.split(".")[0], exc.problem, header) from None
    return Plan(rows, skipped)


def _record(
    row: _Row, header: Sequence[str], options: Options, now: datetime, tz: tzinfo
) -> dict[str, Any] | None:
    when = row.get("date")
    if not when:
        return None
    clock = row.get("time")
    try:
        start = parse_when(f"{when} {clock}" if clock else when, now, tz, options.order)
    except (DateError, OverflowError, ValueError) as exc:
        raise row.fail("date", str(exc), header) from None
    company, role = row.get("company"), row.get("role")
    for name, value in (("company", company), ("role", role)):
        if not value:
            raise row.fail(name, "empty", header)
    names, emails = _names(row.get("interviewer")), _names(row.get("email"))
    if len(emails) > len(names):
        raise row.fail("email", "more emails than interviewers", header)
    emails += [""] * (len(names) - len(emails))
    record: dict[str, Any] = {
        "id": record_id(company, role, start),
        "company": company,
        "role": role,
        "start": start.isoformat(),
        "interviewers": [{"name": n, "email": e} for n, e in zip(names, emails, strict=True)],
        "notes": row.get("notes", notes=True),
        "posting_url": row.get("link"),
    }
    _stage(record, row.get("stage"), start + timedelta(hours=1))
    return record


def _stage(record: dict[str, Any], stage: str, after: datetime) -> None:
    """Turn a stage word into the matching event, or keep it as the round."""
    word = _key(stage)
    at = after.isoformat()
    if word in _REJECTED:
        record["events"] = [{"kind": "reply", "at": at, "outcome": "rejected"}]
    elif word in _OFFER:
        record["events"] = [{"kind": "reply", "at": at, "outcome": "offer"}]
    elif word in _WITHDREW:
        record["events"] = [{"kind": "withdrew", "at": at}]
    elif word in _SILENT:
        record["archived"] = True
    elif word not in _OPEN:
        record["round"] = stage


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """``--map FIELD=COLUMN`` options as a field-to-column dict."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise SheetError(f"--map {pair}: expected FIELD=COLUMN, e.g. --map company=Employer")
        mapping[name.strip().lower()] = column.strip()
    return mapping


def describe(found: Plan, tz: tzinfo) -> list[str]:
    """One line per row: what is imported (company, role, date, interviewers, outcome) or
    why it is skipped."""
    lines: list[tuple[int, str]] = []
    for number, interview in found.rows:
        people = ", ".join(p.name for p in interview.interviewers)
        parts = [
            interview.company,
            interview.role,
            f"{interview.start.astimezone(tz):%a %-d %b %Y %H:%M}",
            people,
            interview.round,
            _outcome(interview),
        ]
        lines.append((number, "import  " + " · ".join(p for p in parts if p)))
    lines.extend((number, f"skip    {reason}") for number, reason in found.skipped)
    return [f"row {number}: {plain(text)}" for number, text in sorted(lines)]


def _outcome(interview: Interview) -> str:
    if interview.archived:
        return "archived"
    for event in interview.events:
        if event.outcome is not None:
            return event.outcome.value
        return event.kind.value
    return ""


def import_file(
    path: Path,
    store: Store,
    options: Options,
    now: datetime,
    tz: tzinfo,
    *,
    dry_run: bool = False,
) -> list[str]:
    """Import the spreadsheet at ``path`` into ``store`` all at once (or, with ``dry_run``,
    only say what would be imported); returns the lines to show.

    Raises :class:`SheetError` naming the row and column at fault; nothing is written then.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"can't be read ({exc.strerror})") from None
    existing = frozenset(i.id for i in store.interviews())
    found = plan(data, options, now, tz, existing)
    lines = describe(found, tz)
    count = len(found.rows)
    what = f"{count} interview{'s' if count != 1 else ''}"
    skipped = f"; {len(found.skipped)} row{'s' if len(found.skipped) != 1 else ''} skipped"
    skipped = skipped if found.skipped else ""
    if dry_run:
        lines.append(f"{what} would be imported{skipped}. Nothing was written (--dry-run).")
        return lines
    try:
        store.import_interviews(interview for _, interview in found.rows)
    except CodecError as exc:
        raise SheetError(str(exc)) from None
    lines.append(f"Imported {what} into {store.path}{skipped}.")
    return lines
