"""The standings cache's validity rules and head, read with nothing heavy imported.

One source for both readers of the cache: ``standings_cache`` (the full path, which also
writes it) and ``quick_status`` (``followup status`` answered before the rest of the
package is imported). Only ``os`` and ``zlib`` here: not ``json`` (it imports ``re``, as
much again as the rest of the quick path) nor ``datetime``.

The file: a first line holding the head (its key, the instants it holds between, the
counts and next step of ``status --short``, where each later section lies), then the
sections, each one line, found by their byte offsets after the head. The head and the
table ``status`` prints are in this module's own format (:func:`encode`), read with
``str.split``; the rest is JSON, read by the paths that import ``json`` anyway.
"""

from __future__ import annotations

import os
import zlib

from followup_tui import regular
from followup_tui.core.span import format_micros

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    import io
    from collections.abc import Callable, Mapping
    from datetime import datetime
    from typing import Any, BinaryIO

VERSION = 6
"""The cache's format and meaning; raise it when either changes (old caches are then
ignored). Edits to the rules' source files invalidate caches by themselves."""

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_RULES = os.path.join(_PACKAGE, "core")
_SHAPERS = ("report.py", "settings.py", "standings_cache.py", "standings_head.py", "status_text.py")
"""The package's files besides the rules whose code shapes what the cache holds."""

CHUNK = 1 << 18
"""Bytes read at a time for a file's checksum."""

SETTINGS_VARIABLES = ("FOLLOWUP_CONFIG", "XDG_CONFIG_HOME", "HOME", "TZ")
"""The environment that decides which settings file is read and the machine's zone."""
LOCALTIME = "/etc/localtime"
"""The link naming the machine's zone when ``TZ`` doesn't."""

DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What a cache in an unexpected shape raises as it is read back."""


def cache_file(data_file: str) -> str:
    """The cache of a data file: beside it, ``<name>.standings``."""
    return data_file + ".standings"


_EPOCH_ORDINAL = 719_163
"""``date(1970, 1, 1).toordinal()``."""


def micros(moment: datetime) -> int:
    """An aware instant as whole microseconds since the epoch (exact, unlike a float):
    ``(moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)``, in
    integers, so that ``datetime`` needn't be imported to say it."""
    offset = moment.utcoffset()
    if offset is None:
        raise TypeError("an instant without an offset")
    seconds = (moment.toordinal() - _EPOCH_ORDINAL) * 86_400 + moment.hour * 3_600
    seconds += moment.minute * 60 + moment.second - offset.days * 86_400 - offset.seconds
    return seconds * 1_000_000 + moment.microsecond - offset.microseconds


SEP = "\x1f"
"""Between the tokens of :func:`encode` and the fields of :func:`encode_table` (the ASCII
unit separator)."""
ROW = "\x1e"
"""Between the rows of :func:`encode_table` (the ASCII record separator)."""
_ESCAPED = (("\\", "\\b"), (SEP, "\\u"), (ROW, "\\r"), ("\n", "\\n"))
_UNESCAPED = {code[1]: char for char, code in _ESCAPED}


def _escape(text: str) -> str:
    """``text`` with no separator or newline left, and every backslash starting an escape."""
    if "\\" in text or SEP in text or ROW in text or "\n" in text:
        for char, code in _ESCAPED:
            text = text.replace(char, code)
    return text


def _unescape(text: str) -> str:
    """What :func:`_escape` was given (KeyError or IndexError for a stray backslash)."""
    first, *rest = text.split("\\")
    return first + "".join(_UNESCAPED[part[0]] + part[1:] for part in rest)


def encode_table(rows: list[list[str]]) -> str:
    """Rows of text fields (at least two in each) as one line that :func:`decode_table`
    reads back: for thousands of rows, where :func:`decode` would be the slowest step of
    ``followup status``, this is two ``str.split``."""
    return ROW.join(SEP.join(_escape(field) for field in row) for row in rows)


def decode_table(text: str) -> list[list[str]]:
    """The rows :func:`encode_table` wrote as ``text``."""
    if not text:
        return []
    rows = [line.split(SEP) for line in text.split(ROW)]
    if "\\" in text:
        rows = [[_unescape(field) if "\\" in field else field for field in row] for row in rows]
    return rows


def encode(value: object) -> str:
    """``value`` (None, a bool, an int, a str, or a list, tuple or str-keyed dict of those)
    as one line that :func:`decode` reads back (tuples as lists): a token per value, typed
    by its first character, between :data:`SEP`. Strings have ``\\``, the separators and
    newlines escaped, so every backslash in a token starts an escape."""
    tokens: list[str] = []
    _encode(value, tokens)
    return SEP.join(tokens)


def _encode(value: object, tokens: list[str]) -> None:
    if value is None or value is True or value is False:
        tokens.append("n" if value is None else "t" if value else "f")
    elif isinstance(value, int):
        tokens.append(f"i{value}")
    elif isinstance(value, str):
        tokens.append("s" + _escape(value))
    elif isinstance(value, list | tuple):
        tokens.append("[")
        for item in value:
            _encode(item, tokens)
        tokens.append("]")
    elif isinstance(value, dict):
        tokens.append("{")
        for name, item in value.items():
            if not isinstance(name, str):
                raise TypeError(f"a key that is not text: {name!r}")
            _encode(name, tokens)
            _encode(item, tokens)
        tokens.append("]")
    else:
        raise TypeError(f"not storable: {type(value).__name__}")


def decode(text: str) -> Any:
    """The value :func:`encode` wrote as ``text``; ValueError (or another of
    :data:`DAMAGE`) for anything it could not have written."""
    stack: list[list[Any]] = []
    items: list[Any] = ["["]
    for token in text.split(SEP):
        kind = token[:1]
        if kind == "s":
            items.append(_unescape(token[1:]) if "\\" in token else token[1:])
        elif kind == "i":
            items.append(int(token[1:]))
        elif token in _CONSTANTS:
            items.append(_CONSTANTS[token])
        elif token in ("[", "{"):
            stack.append(items)
            items = [token]
        elif token == "]" and stack:
            done, items = items, stack.pop()
            items.append(done[1:] if done[0] == "[" else dict(_pairs(done[1:])))
        else:
            raise ValueError(f"not a token: {token[:20]!r}")
    if stack or len(items) != 2:
        raise ValueError("not one value")
    return items[1]


_CONSTANTS = {"n": None, "t": True, "f": False}


def _pairs(flat: list[Any]) -> list[tuple[str, Any]]:
    if len(flat) % 2 or not all(isinstance(name, str) for name in flat[::2]):
        raise ValueError("not a mapping")
    return list(zip(flat[::2], flat[1::2], strict=True))


def file_identity(data_file: str | os.PathLike[str]) -> list[object] | None:
    """The data file's inode, size, modification time and CRC-32; None if absent, or not
    a regular file (a named pipe, a device: the full path refuses it, having read
    nothing: :func:`followup_tui.regular.open_fd` never opens a named pipe)."""
    try:
        fd = regular.open_fd(data_file, os.O_RDONLY)  # NotRegular is an OSError
        with os.fdopen(fd, "rb", buffering=0) as stream:
            stat = os.fstat(fd)
            checksum = _crc32(stream)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, checksum]


def _crc32(stream: io.RawIOBase) -> int:
    """The CRC-32 of what is left in ``stream``: a checksum, not a cryptographic hash
    (hashlib alone costs 2-3 ms to import). Read a chunk at a time into one buffer: at
    10,000 interviews, reading the file whole into a new object cost twice the checksum
    (the new memory's page faults)."""
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    crc = 0
    while size := stream.readinto(buffer):
        crc = zlib.crc32(view[:size], crc)
    return crc


def _rules_fingerprint() -> list[object]:
    """Names, sizes and modification times of the rules' source files and the package's
    files that shape the cache."""
    try:
        entries = sorted(
            (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
            for entry in os.scandir(_RULES)
            if entry.name.endswith(".py")
        )
        own = [os.stat(os.path.join(_PACKAGE, name)) for name in _SHAPERS]
    except OSError:
        return []
    return [*entries, *((stat.st_size, stat.st_mtime_ns) for stat in own)]


def _as_stored(value: dict[str, Any]) -> dict[str, Any]:
    """``value`` as it reads back from the head (lists, not tuples), to compare with one."""
    stored: dict[str, Any] = decode(encode(value))
    return stored


def code_and_file_key(identity: list[object]) -> dict[str, Any]:
    """The part of the key the settings don't decide: the cache's format, the package's
    version, the rules' source files and the data file's identity."""
    from followup_tui import __version__

    key = {"version": VERSION, "package": __version__, "rules": _rules_fingerprint()}
    return _as_stored({**key, "file": identity})


def make_key(identity: list[object], policy: str, zone: str, country: str) -> dict[str, Any]:
    """Everything the cached board depends on, as it is stored (lists, not tuples)."""
    return {
        **code_and_file_key(identity),
        **_as_stored({"policy": policy, "zone": zone, "country": country}),
    }


def settings_facts(
    settings_file: str, holidays_file: str | None, environ: Mapping[str, str]
) -> tuple[list[Any], bytes | None]:
    """What the settings that change standings (policy, zone, country) were read from, as
    stored, and the settings file's bytes (None when it is absent).

    The environment naming the settings file and the zone, the settings file's path and
    checksum, the link naming the machine's zone, and, for a country's holidays, the
    holidays package's ``__init__.py`` (its inode changes when another version replaces it).
    Equal facts mean equal settings, so the quick path can trust a key the full path made
    without reading TOML, time zones or package metadata.
    """
    try:
        raw: bytes | None = regular.read_bytes(settings_file)
    except FileNotFoundError:
        raw = None
    checksum = None if raw is None else [len(raw), zlib.crc32(raw)]
    try:
        zone_link: str | None = os.readlink(LOCALTIME)
    except OSError:
        zone_link = None
    holidays = None
    if holidays_file is not None:
        stat = os.stat(holidays_file)
        holidays = [holidays_file, stat.st_ino, stat.st_size, stat.st_mtime_ns]
    variables = [environ.get(name) for name in SETTINGS_VARIABLES]
    return [variables, settings_file, checksum, zone_link, holidays], raw


FIRST_US = -2_209_075_200_000_000
"""The earliest instant a cache may hold, in microseconds since the epoch: a day before
``core.dates.FIRST_YEAR`` begins (in integers here: importing the dates costs ``datetime``)."""
LAST_US = 32_503_766_400_000_000
"""The latest: a day after ``core.dates.LAST_YEAR`` ends."""
MAX_COUNT = 1_000_000_000
"""More interviews than any data file holds: a count beyond is damage."""
MAX_HEAD = 1 << 20
"""The longest head (its newline included) a cache may have; :func:`save` writes no longer
one, so the reader never reads further for it."""
MAX_CACHE = 1 << 30
"""The largest cache file: one larger is damage, and is not read."""


def instant(value: object) -> int:
    """``value`` if it is an instant a cache may hold (an int from :data:`FIRST_US` to
    :data:`LAST_US`); ValueError otherwise."""
    if type(value) is not int or not FIRST_US <= value <= LAST_US:
        raise ValueError("not an instant of the dates' years")
    return value


def count(value: object) -> int:
    """``value`` if it is a count the cache may hold (an int from 0 to :data:`MAX_COUNT`);
    ValueError otherwise."""
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise ValueError("not a count")
    return value


def _template(value: object) -> None:
    """Nothing if ``value`` is a countdown template :func:`countdown` reads; ValueError
    otherwise."""
    if not isinstance(value, list):
        raise ValueError("not a template")
    if len(value) == 1 and isinstance(value[0], str):
        return
    if len(value) != 3 or not isinstance(value[0], str) or not isinstance(value[2], str):
        raise ValueError("not a template")
    instant(value[1])


def checked_head(head: object, size: int) -> dict[str, Any]:
    """``head`` as :func:`decode` gave it, if it has the shape :func:`save` gives a head and
    every number in range (``size``: the bytes after it in the file, which its sections lie
    within); ValueError (or another of :data:`DAMAGE`) otherwise. Checked once here, so that
    no reader meets a number it can't use."""
    if not isinstance(head, dict):
        raise ValueError("not a head")
    instant(head["made"])
    if head["until"] is not None:
        instant(head["until"])
    counts = head["counts"]
    if not isinstance(counts, list) or len(counts) != 3:
        raise ValueError("not three counts")
    for number in counts:
        count(number)
    if head["next"] is not None:
        _template(head["next"])
    sections = head["sections"]
    if not isinstance(sections, dict):
        raise ValueError("not sections")
    for place in sections.values():
        start, length = place
        if type(start) is not int or type(length) is not int:
            raise ValueError("not a place")
        if start < 0 or length < 1 or start + length > size:
            raise ValueError("a section beyond the file")
    return head


def open_cache(path: str) -> BinaryIO | None:
    """The cache file at ``path`` open to read, if it is a regular file no larger than
    :data:`MAX_CACHE`; None otherwise (absent, a device, a named pipe, a directory: never
    read, and a named pipe never opened)."""
    try:
        fd = regular.open_fd(path, os.O_RDONLY)  # NotRegular is an OSError
    except OSError:
        return None
    try:
        too_large = os.fstat(fd).st_size > MAX_CACHE
    except OSError:
        too_large = True
    if too_large:
        os.close(fd)
        return None
    return os.fdopen(fd, "rb")


def read_head(stream: BinaryIO) -> tuple[int, dict[str, Any]] | None:
    """The length of the head of the cache open as ``stream``, and the head, checked
    (:func:`checked_head`); None when it is cut short or longer than :data:`MAX_HEAD`.
    :data:`DAMAGE` for a head in another shape."""
    head_bytes = stream.readline(MAX_HEAD)
    if not head_bytes.endswith(b"\n"):
        return None  # cut short, or longer than a head is
    size = os.fstat(stream.fileno()).st_size - len(head_bytes)
    return len(head_bytes), checked_head(decode(head_bytes[:-1].decode()), size)


def read(
    data_file: str,
    now_us: int,
    fits: Callable[[dict[str, Any]], bool],
    section: str | None,
    parse: Callable[[str], Any] = decode,
) -> tuple[dict[str, Any], Any] | None:
    """The head of the cache of ``data_file`` and its ``section`` read by ``parse`` (None
    for no section), if ``fits`` accepts the head and the cache holds at ``now_us``
    (microseconds since the epoch); None when there is no cache, or it doesn't fit, or it
    is damaged (a cache that is no regular file included)."""
    stream = open_cache(cache_file(data_file))
    if stream is None:
        return None
    try:
        with stream:
            found = read_head(stream)
            if found is None:
                return None
            head_length, head = found
            if not fits(head):
                return None
            made, until = head["made"], head["until"]
            if now_us < made or (until is not None and now_us >= until):
                return None
            if section is None:
                return head, None
            start, length = head["sections"][section]
            stream.seek(head_length + start)
            text = stream.read(length)
            if len(text) != length or not text.endswith(b"\n"):
                return None  # cut short
            return head, parse(text[:-1].decode())
    except (OSError, *DAMAGE):
        return None


def table_row(is_open: bool, template: list[Any], cells: tuple[str, str, str, str]) -> list[str]:
    """A row of the table section (:func:`encode_table`): whether it is open (``"1"`` or
    ``""``), its countdown's template as text before, anchor (digits; ``""`` for a fixed
    text) and after, and its cells (``report.table_cells``)."""
    before, anchor, after = (*template, "", "") if len(template) == 1 else template
    return ["1" if is_open else "", before, str(anchor), after, *cells]


def row_countdown(before: str, anchor: str, after: str, now_us: int) -> str:
    """The countdown of a row of :func:`table_row` as it reads at ``now_us``."""
    return countdown([before, int(anchor), after] if anchor else [before], now_us)


def short_counts(head: dict[str, Any], now_us: int) -> tuple[int, int, int, str | None]:
    """The head's open offers, due and overdue counts and, as it reads at ``now_us``, the
    next step of the first open row with an action (``core.board.next_step``), if any."""
    offers, due, overdue = (count(number) for number in head["counts"])
    step = head["next"]
    return offers, due, overdue, None if step is None else countdown(step, now_us)


def countdown(template: list[Any], now_us: int) -> str:
    """A templated countdown (``[text]``, or ``[before, anchor, after]`` around the span to
    the anchor instant, in microseconds) as it reads at ``now_us``; ValueError for an anchor
    that is no instant of the dates' years (:func:`instant`)."""
    if len(template) == 1:
        return str(template[0])
    before, anchor, after = template
    return str(before) + format_micros(instant(anchor) - now_us) + str(after)
