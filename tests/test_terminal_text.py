"""The one rule for text that could act on a terminal, for every output that uses it."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui import report
from followup_tui.app.safety import visible
from followup_tui.app.text import clean_block, clean_line
from followup_tui.cli import inert, inert_json
from followup_tui.terminal_text import (
    BIDI_CONTROLS,
    JSON,
    SCREEN_BLOCK,
    SCREEN_LINE,
    SHELL,
    SHELL_TABLE,
    TEXT_BOX,
    Kind,
    Output,
    escape,
    kind,
    made_safe,
    picture,
)

OUTPUTS = [SCREEN_LINE, SCREEN_BLOCK, TEXT_BOX, SHELL, JSON, SHELL_TABLE]

#: One character of each kind, and what each output makes of it.
SAMPLES = {
    Kind.TAB: "\t",
    Kind.LINE_BREAK: "\n",
    Kind.CARRIAGE_RETURN: "\r",
    Kind.CONTROL: "\x1b",
    Kind.BIDI: "\u202e",
    Kind.SEPARATOR: "\u2028",
    Kind.FORMAT: "\u200b",
    Kind.NOT_A_CHARACTER: "\ue000",
}
EXPECTED = {
    "screen line": ["    ", " ", " ", "␛", "", "\u2028", "", "\ue000"],
    "screen block": ["    ", "\n", " ", "␛", "", "\u2028", "", "\ue000"],
    "text box": ["␉", "␊", "␍", "␛", "\ufffd", "\u2028", "\u200b", "\ue000"],
    "shell": ["\t", "\n", "\\x0d", "\\x1b", "\\u202e", "\\u2028", "\u200b", "\ue000"],
    "json": ["\t", "\n", "\\u000d", "\\u001b", "\\u202e", "\\u2028", "\u200b", "\ue000"],
    "shell table": [
        *["\\x09", "\\x0a", "\\x0d", "\\x1b", "\\u202e"],
        *["\u2028", "\\u200b", "\\ue000"],
    ],
}

#: Text a user might type or paste: any character, with the hostile ones more often.
hostile_text = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from([*SAMPLES.values(), "\x00", "\x7f", "\x9b", "\u200d", "é"]),
    )
)


def acts(ch: str) -> bool:
    """True for a character a terminal would act on: a control or a bidi control."""
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def test_each_character_has_its_kind() -> None:
    assert {k: kind(ch) for k, ch in SAMPLES.items()} == {k: k for k in SAMPLES}
    assert [kind(ch) for ch in "\x00\x7f\x9f\u00ad\U000e0001\ud800\U0010fffd"] == [
        *[Kind.CONTROL] * 3,
        *[Kind.FORMAT] * 2,
        *[Kind.NOT_A_CHARACTER] * 2,
    ]
    assert [kind(ch) for ch in "a é\u00a0[😀\u3000"] == [None] * 7


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: o.name)
def test_what_each_output_makes_of_each_kind(output: Output) -> None:
    assert [made_safe(f"a{ch}b", output)[1:-1] for ch in SAMPLES.values()] == EXPECTED[output.name]


def test_pictures_and_escapes() -> None:
    assert [picture(ch) for ch in "\x00\x1b\x7f\x9b\u202e"] == ["␀", "␛", "␡", "\ufffd", "\ufffd"]
    assert [escape(ch) for ch in "\x1b\x9b\u202e\U000e0001"] == [
        "\\x1b",
        "\\x9b",
        "\\u202e",
        "\\U000e0001",
    ]
    tag = "\U000e0001"
    assert escape(tag, json=True) == "\\udb40\\udc01"
    assert json.loads('"' + escape(tag, json=True) + '"') == tag


def test_windows_line_ends_are_one_break_in_a_block_only() -> None:
    assert made_safe("one\r\ntwo\rthree", SCREEN_BLOCK) == "one\ntwo three"
    assert made_safe("one\r\ntwo", SCREEN_LINE) == "one  two"
    assert made_safe("one\r\ntwo", SHELL) == "one\\x0d\ntwo"


@given(hostile_text)
def test_nothing_that_acts_on_a_terminal_gets_through(text: str) -> None:
    for output in OUTPUTS:
        kept = {"\n", "\t"} if output in (SHELL, JSON) else {"\n"} if output is SCREEN_BLOCK else ()
        assert [ch for ch in made_safe(text, output) if acts(ch) and ch not in kept] == []


@given(hostile_text)
def test_a_text_box_keeps_one_character_for_one(text: str) -> None:
    shown = made_safe(text, TEXT_BOX)
    assert len(shown) == len(text)
    assert all(s == t for s, t in zip(shown, text, strict=True) if not acts(t))


@given(hostile_text)
def test_json_output_reads_back_as_the_same_text(text: str) -> None:
    written = made_safe(json.dumps({"t": text}, ensure_ascii=False, indent=2), JSON)
    assert json.loads(written) == {"t": text}


@given(hostile_text)
def test_the_quick_paths_agree_with_one_character_at_a_time(text: str) -> None:
    for output in OUTPUTS:
        given_text = text.replace("\r\n", "\n") if output.windows_line_ends else text
        assert made_safe(text, output) == "".join(output.write(ch) for ch in given_text)


def test_the_places_that_show_text_use_the_rule() -> None:
    text = "Acme\x1b[2J\t\u202eCo\r\n\x9b"
    assert clean_line(text) == made_safe(text, SCREEN_LINE)
    assert clean_block(text) == made_safe(text, SCREEN_BLOCK)
    assert visible(text) == made_safe(text, TEXT_BOX)
    assert inert(text) == made_safe(text, SHELL)
    assert report.plain(text) == made_safe(text, SHELL_TABLE)
    assert inert_json({"t": text}) == made_safe(
        json.dumps({"t": text}, ensure_ascii=False, indent=2), JSON
    )


def test_the_status_table_spells_a_bidi_control_as_the_shell_does() -> None:
    # It was written "\x202e", which reads as "\x20" followed by "2e".
    assert report.plain("evil\u202e") == inert("evil\u202e") == "evil\\u202e"


def test_the_rule_loads_without_textual() -> None:
    probe = (
        "import sys\nimport followup_tui.terminal_text, followup_tui.report, followup_tui.cli\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
