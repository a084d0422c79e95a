"""Reading JSON a person or another program wrote: bounded, and strict about duplicate keys.

JSON parsers keep the last of two equal keys in one object and drop the first without a
word; in a hand-merged data file (``"1": A, "1": B``) that loses interview A for good at
the next save. Here a duplicate key is refused, and named.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from followup_tui import regular

MAX_IMPORT_BYTES = 32 * 1024 * 1024
"""The largest file ``followup import`` and ``followup merge`` read (32 MiB): some fifty
times a data file of a thousand interviews; anything bigger is not an export of ours."""


class JsonFileError(ValueError):
    """The file can't be read as JSON; the message says why, in a few words."""


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return result


def loads(raw: bytes | str) -> Any:
    """Parse JSON text, refusing a duplicate key in any object and nesting too deep for
    Python (both as :class:`JsonFileError`)."""
    try:
        return json.loads(raw, object_pairs_hook=_no_duplicates)
    except _Duplicate as dup:
        raise JsonFileError(f"the key {dup.key!r} appears twice in one object") from None
    except RecursionError:
        raise JsonFileError("it is nested too deeply to be a followup file") from None
    except UnicodeDecodeError as exc:
        raise JsonFileError(f"it is not UTF-8 text ({exc.reason})") from None
    except ValueError as exc:
        raise JsonFileError(f"it is not valid JSON ({exc})") from None


def duplicate_key(raw: bytes) -> str | None:
    """The first key that appears twice in one object of ``raw`` (valid JSON), or None."""
    try:
        json.loads(raw, object_pairs_hook=_no_duplicates)
    except _Duplicate as dup:
        return dup.key
    except (ValueError, RecursionError):
        return None
    return None


def read_bounded(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``.

    Refused (:class:`JsonFileError`) past ``limit`` bytes (:data:`MAX_IMPORT_BYTES` unless
    given), or when it is not a regular file: a device such as ``/dev/zero``, or a pipe,
    could be read for ever. ``OSError`` when it can't be read."""
    limit = MAX_IMPORT_BYTES if limit is None else limit
    try:
        fd = regular.open_fd(path, os.O_RDONLY)
    except regular.NotRegular:
        raise JsonFileError("it is not a regular file") from None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise JsonFileError(f"it is larger than the {limit // (1024 * 1024)} MiB a file may be")
    return data
