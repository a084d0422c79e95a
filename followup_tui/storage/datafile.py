"""Reading the data file: its layout, its checks, and what to tell the user when it is bad.

The file is a TinyDB JSON file with two tables::

    {"meta": {"1": {"schema": 1}},
     "interviews": {"1": {<an interview in the interchange format>}, ...}}

Everything is checked on opening. A file that fails a check is never written to: the
user gets a message naming the file, the problem, and how to go back to the backup.
"""

from __future__ import annotations

import errno
import gc
import os
import shlex
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from followup_tui import collector, regular
from followup_tui.core.codec import CodecError, interview_from_dict, record_label
from followup_tui.core.model import Interview
from followup_tui.paths import backup_path_for
from followup_tui.storage.errors import StoreError

SCHEMA = 1
"""The layout version this code reads and writes."""
META = "meta"
"""The table holding the schema version."""
INTERVIEWS = "interviews"
"""The table holding one document per interview."""

FREEZE_FROM = 2_000
"""From this many interviews, what a file decodes to is frozen out of the collector's sight."""

Tables = dict[str, dict[str, Any]]
"""TinyDB's whole-database shape: table name -> document id (as text) -> document."""


def empty_tables() -> Tables:
    """The content of a new data file."""
    return {META: {"1": {"schema": SCHEMA}}, INTERVIEWS: {}}


@dataclass
class Loaded:
    """A data file read and checked."""

    raw: bytes | None
    """The file's bytes as read (None when there was no file)."""
    tables: Tables
    """Its parsed content."""
    interviews: dict[str, Interview] = field(default_factory=dict)
    """Every interview by id, in file order."""
    doc_ids: dict[str, int] = field(default_factory=dict)
    """The TinyDB document id of every interview, by interview id."""
    stamp: Stamp | None = None
    """The file's identity when it was read (None when there was no file)."""


Stamp = tuple[int, int, int, int]
"""What tells one version of a file from another without reading it: device, inode, size
and modification time (ns). A sync client's write-to-temp-and-rename changes the inode, a
``cp`` over the file the modification time."""


def stamp_of(st: os.stat_result) -> Stamp:
    """The :data:`Stamp` of a file from its ``stat``."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def read_with_stamp(path: Path) -> tuple[bytes, Stamp]:
    """The bytes of ``path`` and the stamp of the very file they were read from.
    :class:`~followup_tui.regular.NotRegular` unless it is a regular file."""
    raw, info = regular.read(path)
    return raw, stamp_of(info)


def refuse_unusual(path: Path) -> None:
    """Raise :class:`StoreError` at once when ``path`` names something other than a
    regular file (a named pipe, a device, a folder): before a lock or a folder is made
    beside it, and before anything is read."""
    try:
        regular.check(path)
    except regular.NotRegular as exc:
        raise _not_a_file(path, exc) from None
    except OSError:
        pass  # reading it says what is wrong, with the way back to the backup


def _not_a_file(path: Path, exc: regular.NotRegular) -> StoreError:
    if exc.folder:
        return StoreError(
            f"Can't use the data file {path}: it is a folder, not a file. Move the folder "
            "away, or choose another data file with --db or FOLLOWUP_DB."
        )
    return StoreError(
        f"Can't use the data file {path}: {exc.strerror}. Choose another data file with "
        "--db or FOLLOWUP_DB."
    )


class _Bad(Exception):
    """The content is unusable; the message says why, in the user's words."""

    def __init__(self, problem: str, *, newer: bool = False) -> None:
        super().__init__(problem)
        self.newer = newer
        """The file is fine, only from a newer followup: going back to the backup would
        lose what that version saved since."""


def load(path: Path) -> Loaded:
    """Read and check the data file at ``path``; a missing file is an empty store.

    Raises :class:`StoreError` with the full story when the file can't be used.
    """
    try:
        raw, stamp = read_with_stamp(path)
    except FileNotFoundError:
        return Loaded(None, empty_tables())
    except regular.NotRegular as exc:
        raise _not_a_file(path, exc) from None
    except OSError as exc:
        raise unusable(path, _read_problem(path, exc)) from None
    try:
        loaded = parse(raw)
    except _Bad as exc:
        raise unusable(path, str(exc), newer=exc.newer) from None
    loaded.stamp = stamp
    return loaded


def reread(path: Path) -> Loaded:
    """The data file as another program left it (``raw`` None if it is gone).

    Raises :class:`StoreError` if it can't be used: then nothing may be written over it.
    """
    try:
        return load(path)
    except StoreError as exc:
        first = str(exc).splitlines()[0]
        raise StoreError(
            f"{path} was changed by another program and can't be merged: {first} "
            "Nothing was saved; fix or restore that file, then try again."
        ) from None


def version_in(raw: bytes) -> dict[str, Interview]:
    """The interviews of another version of a data file (a sync conflict copy), by id.

    Raises ``ValueError`` saying in a few words what is wrong with it.
    """
    try:
        return parse(raw).interviews
    except _Bad as exc:
        raise ValueError(str(exc)) from None


def _read_problem(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied (you can fix that with: chmod u+rw {shlex.quote(str(path))})"
    if exc.errno == errno.ENOTDIR:
        return "a part of its folder path is a file, not a folder"
    return f"it can't be read ({exc.strerror})"


def parse(raw: bytes) -> Loaded:
    """Check and decode the bytes of a data file. Raises ``_Bad`` with the problem.

    The cyclic garbage collector is paused meanwhile, and for a big file what was decoded
    is frozen out of its sight (``gc.freeze``), because those objects live as long as the
    store and hold no cycles: walking them again and again would free nothing.
    """
    with collector.paused():
        loaded = _parse(raw)
        if len(loaded.interviews) >= FREEZE_FROM:
            gc.freeze()
    return loaded


def _parse(raw: bytes) -> Loaded:
    tables = _decode(raw)
    meta = tables.get(META)
    schema = _schema(meta)
    if schema > SCHEMA:
        raise _Bad(
            f"it was written by a newer version of followup (data schema {schema}; this "
            f"version reads schema {SCHEMA}). Update followup to open it",
            newer=True,
        )
    for name, table in tables.items():
        if name not in (META, INTERVIEWS):
            raise _Bad(f"it holds an unknown table {name!r}")
        if not isinstance(table, dict):
            raise _Bad(f"its table {name!r} is not a JSON object")
    loaded = Loaded(raw, tables)
    for position, (key, doc) in enumerate(tables.get(INTERVIEWS, {}).items(), 1):
        _add_interview(loaded, position, key, doc)
    return loaded


def _decode(raw: bytes) -> Tables:
    if not raw:
        raise _Bad("it is empty (0 bytes), as if a save was cut short")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _Bad("it starts with a byte-order mark (an editor may have added it)")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        # orjson refuses text that is not UTF-8 before reading any JSON, and doesn't say
        # where; checking here, not for every good file, saves copying it into a str.
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise _Bad(
                f"it is not UTF-8 text (byte 0x{raw[bad.start]:02x} at offset {bad.start})"
            ) from None
        if exc.msg.startswith("unexpected end of data"):
            problem = f"its JSON stops in the middle (at byte {exc.pos}): it looks cut short"
            raise _Bad(problem) from None
        if exc.msg.startswith("unexpected content after document"):
            problem = f"it has stray content after the JSON data (from byte {exc.pos})"
            raise _Bad(problem) from None
        raise _Bad(f"it is not valid JSON ({exc.msg} at byte {exc.pos})") from None
    _refuse_duplicate_keys(raw, data)
    if not isinstance(data, dict):
        kind = {list: "a list", type(None): "null", str: "a string", bool: "true/false"}
        what = kind.get(type(data), "a number")
        raise _Bad(f"it holds JSON {what} where a followup data file holds an object")
    return data


def _refuse_duplicate_keys(raw: bytes, data: object) -> None:
    """A duplicate key would lose what came first for good at the next save: refuse it.

    What followup wrote reads back to the very same bytes, which a duplicate key can't
    (one of the two is gone): only a file written some other way costs a second, slower
    parse that can see duplicates.
    """
    try:
        if orjson.dumps(data) == raw:
            return
    except (TypeError, orjson.JSONEncodeError):
        pass
    from followup_tui.storage.jsonfile import duplicate_key

    key = duplicate_key(raw)
    if key is not None:
        raise _Bad(f"the key {key!r} appears twice in one JSON object (was it merged by hand?)")


def _schema(meta: object) -> int:
    if meta is None:
        raise _Bad("it has no schema version, so it is not a followup data file")
    docs = list(meta.values()) if isinstance(meta, dict) else None
    if not docs or not isinstance(docs[0], dict) or "schema" not in docs[0]:
        raise _Bad(f"its {META!r} table is not what followup writes")
    schema = docs[0]["schema"]
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise _Bad(f"its schema version is not a version number: {schema!r}")
    return schema


def _add_interview(loaded: Loaded, position: int, key: str, doc: object) -> None:
    if not (key.isascii() and key.isdigit() and str(int(key)) == key):
        raise _Bad(f"interview {position}: its document id {key!r} is not a number")
    if isinstance(doc, dict) and not (isinstance(doc.get("id"), str) and doc["id"].strip()):
        problem = "missing" if doc.get("id") in (None, "") else f"expected text, got {doc['id']!r}"
        raise _Bad(f"{record_label(doc, position)}: field 'id': {problem}")
    try:
        interview = interview_from_dict(doc, position)
    except CodecError as exc:
        raise _Bad(str(exc)) from None
    if interview.id in loaded.interviews:
        label = f"interview {position} ({interview.company})"
        raise _Bad(f"{label}: field 'id': duplicate id {interview.id!r}")
    loaded.interviews[interview.id] = interview
    loaded.doc_ids[interview.id] = int(key)


def unusable(path: Path, problem: str, *, newer: bool = False) -> StoreError:
    """The error for a data file that can't be used: what is wrong, and the way back."""
    advice = restore_advice(path)
    if newer and len(advice) > 1:
        advice[0] = (
            "Or, losing what the newer version saved since the backup, "
            + advice[0][0].lower()
            + advice[0][1:]
        )
    lines = [
        f"Can't use the data file {path}: {problem}.",
        "followup has left the file exactly as it is.",
        *advice,
    ]
    return StoreError("\n".join(lines))


def restore_advice(path: Path) -> list[str]:
    """How to go back to the backup beside ``path``, if there is a usable one."""
    backup = backup_path_for(path)
    try:
        raw = regular.read_bytes(backup)
        parse(raw)
    except FileNotFoundError:
        return [f"There is no backup beside it ({backup}) to go back to."]
    except (OSError, _Bad) as exc:
        why = exc.strerror if isinstance(exc, OSError) else str(exc)
        return [f"The backup beside it ({backup}) can't be used either: {why}."]
    when = datetime.fromtimestamp(os.stat(backup).st_mtime).strftime("%Y-%m-%d %H:%M")
    here, bak = shlex.quote(str(path)), shlex.quote(str(backup))
    damaged = shlex.quote(str(path.with_name(path.name + ".damaged")))
    return [
        f"To go back to the backup from {when}, keeping the bad file aside, run:",
        f"  cp {here} {damaged}",
        f"  cp {bak} {here}",
    ]
