"""The standings cache's own format and integer instants (``standings_head``): what the
quick path reads without ``json`` or ``datetime`` must say exactly what they would."""

from __future__ import annotations

import contextlib
import random
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.core.span import format_micros, format_span
from followup_tui.standings_head import (
    CHUNK,
    DAMAGE,
    ROW,
    SEP,
    countdown,
    decode,
    decode_table,
    encode,
    encode_table,
    file_identity,
    micros,
    row_countdown,
    table_row,
)

texts = st.text(
    st.sampled_from(["a", "é", " ", "\\", SEP, ROW, "\n", "\r", "\u2028", "b", "u", "n", "r"])
)
scalars = st.none() | st.booleans() | st.integers() | texts | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@given(values)
def test_a_value_reads_back_as_it_was_written(value: Any) -> None:
    line = encode(value)
    assert "\n" not in line  # one line of the file, whatever the text holds
    assert decode(line) == value
    assert type(decode(line)) is type(value)


def test_tuples_read_back_as_lists() -> None:
    assert decode(encode({"rules": (("a.py", 1, 2),)})) == {"rules": [["a.py", 1, 2]]}


@pytest.mark.parametrize(
    "line",
    [
        "",
        "x",
        "[",
        "]",
        "[\x1f",
        "i",
        "i1\x1fi2",
        "s\\",
        "s\\q",
        "{\x1fi1\x1fi2\x1f]",
        "{\x1fsa\x1f]",
    ],
)
def test_what_encode_could_not_have_written_is_damage(line: str) -> None:
    with pytest.raises(DAMAGE):
        decode(line)


@given(st.text())
def test_a_truncated_line_never_reads_as_the_whole(text: str) -> None:
    line = encode(["before", text, "after"])
    for end in range(len(line)):
        with contextlib.suppress(DAMAGE):
            assert decode(line[:end]) != ["before", text, "after"]


@given(st.lists(st.lists(texts | st.text(), min_size=2, max_size=9), max_size=6))
def test_a_table_reads_back_as_it_was_written(rows: list[list[str]]) -> None:
    line = encode_table(rows)
    assert "\n" not in line
    assert decode_table(line) == rows


@given(
    st.booleans(),
    st.lists(texts, min_size=1, max_size=1)
    | st.tuples(texts, st.integers(0, 10**16), texts).map(list),
    st.tuples(texts, texts, texts, texts),
    st.integers(0, 10**16),
)
def test_a_table_row_gives_back_its_countdown_and_cells(
    is_open: bool, template: list[Any], cells: tuple[str, str, str, str], now_us: int
) -> None:
    (stored,) = decode_table(encode_table([table_row(is_open, template, cells)]))
    opened, before, anchor, after, *rest = stored
    assert (bool(opened), tuple(rest)) == (is_open, cells)
    assert row_countdown(before, anchor, after, now_us) == countdown(template, now_us)


offsets = st.integers(-23 * 60, 23 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@given(st.datetimes(timezones=offsets | st.just(UTC)))
def test_micros_is_the_exact_span_from_the_epoch(moment: datetime) -> None:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    assert micros(moment) == (moment - epoch) // timedelta(microseconds=1)


def test_micros_refuses_an_instant_without_an_offset() -> None:
    with pytest.raises(TypeError):
        micros(datetime(2026, 11, 30, 9, 0))


@given(st.integers(-(10**16), 10**16))
def test_a_span_in_microseconds_reads_as_the_timedelta_does(span: int) -> None:
    assert format_micros(span) == format_span(timedelta(microseconds=span))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_a_files_identity_holds_the_crc32_of_all_of_it(tmp_path: Path, size: int) -> None:
    content = random.Random(size).randbytes(size)
    path = tmp_path / "followup.json"
    path.write_bytes(content)
    stat = path.stat()
    assert file_identity(path) == [stat.st_ino, size, stat.st_mtime_ns, zlib.crc32(content)]
