"""The mailto: link: what goes in comes back out of Python's URL parsing, and nothing more."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.core.mailto import AddressError, check_address, crlf, mailto_url, one_line


def parsed(url: str) -> tuple[str, dict[str, list[str]]]:
    """The address and the fields of a mailto: link, as Python's URL parsing reads them."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert parts.fragment == ""
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_round_trip_keeps_accents_ampersands_quotes_and_line_breaks() -> None:
    subject = 'Thank you, José — "R&D" role'
    body = "Hi Zoë & Łukasz,\n\nIt's been great: 100% worth it? Yes #1.\nBest,\nRenée Müller\n"
    url = mailto_url("zoe.o'neil+jobs@example.com", subject, body)
    to, fields = parsed(url)
    assert to == "zoe.o'neil+jobs@example.com"
    assert fields == {"subject": [subject], "body": [body.replace("\n", "\r\n")]}


def test_link_is_plain_ascii_with_every_special_character_escaped() -> None:
    url = mailto_url("a@b.example", "a&b=c?d#e+f", "x y/z")
    assert url.isascii()
    assert url == "mailto:a@b.example?subject=a%26b%3Dc%3Fd%23e%2Bf&body=x%20y%2Fz"


def test_body_line_breaks_of_every_kind_become_crlf() -> None:
    assert crlf("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd"
    _to, fields = parsed(mailto_url("", "s", "one\ntwo\r\nthree"))
    assert fields["body"] == ["one\r\ntwo\r\nthree"]


def test_subject_line_breaks_cannot_add_a_header() -> None:
    url = mailto_url("a@b.example", "Hello\r\nBcc: evil@example.com", "hi")
    _to, fields = parsed(url)
    assert fields["subject"] == ["Hello Bcc: evil@example.com"]
    assert set(fields) == {"subject", "body"}
    assert one_line("a\r\nb\nc\r") == "a b c"


def test_no_address_leaves_it_to_the_mail_client() -> None:
    url = mailto_url("   ", "Hi", "Body")
    assert url.startswith("mailto:?subject=")
    assert parsed(url) == ("", {"subject": ["Hi"], "body": ["Body"]})


def test_empty_subject_and_body_are_left_out() -> None:
    assert mailto_url("a@b.example", "  ", "") == "mailto:a@b.example"


@pytest.mark.parametrize(
    "hostile",
    [
        "dana@example.com?bcc=evil@example.com",
        "dana@example.com&cc=evil@example.com",
        "dana@example.com,evil@example.com",
        "dana@example.com;evil@example.com",
        "dana@example.com\r\nBcc: evil@example.com",
        "dana@example.com\nsubject=x",
        "dana@example.com#x",
        "dana%40example.com",
        "Dana <dana@example.com>",
        '"dana"@example.com',
        "dana @example.com",
        "dana",
        "@example.com",
        "dana@",
        "dana@.example.com",
        "a@b@c.example",
    ],
)
def test_unsafe_or_malformed_addresses_are_refused(hostile: str) -> None:
    with pytest.raises(AddressError):
        mailto_url(hostile, "s", "b")


def test_refusal_says_why() -> None:
    with pytest.raises(AddressError, match="question mark"):
        check_address("x@y.example?cc=z@w.example")
    with pytest.raises(AddressError, match="control character"):
        check_address("x@y.example\r\nBcc: z@w.example")


def test_ordinary_addresses_pass_trimmed() -> None:
    assert check_address("  Dana.Ruiz@acme.example ") == "Dana.Ruiz@acme.example"
    assert check_address("first.last+tag@sub.domain.example") == "first.last+tag@sub.domain.example"


@given(subject=st.text(max_size=80), body=st.text(max_size=300))
def test_any_text_round_trips(subject: str, body: str) -> None:
    # Surrogates can't be UTF-8 encoded, and no keyboard or data file produces them.
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in subject + body):
        return
    _to, fields = parsed(mailto_url("a@b.example", subject, body))
    assert fields.get("subject", [""]) == [one_line(subject)]
    assert fields.get("body", [""]) == [crlf(body)]
