"""A ``mailto:`` link built from hostile names, addresses and text can't add a header.

``tests/test_mailto.py`` covers the listed tricks one by one and the round trip of any
subject and body. Here the address itself is random (made of the pieces header injection
uses: ``?cc=``, ``&bcc=``, line breaks, percent escapes), and so are the names in the text:
the link is refused with :class:`AddressError`, or it holds exactly the address typed and
at most a subject and a body, each once.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from hypothesis import example, given, settings
from hypothesis import strategies as st

from followup_tui.core.mailto import AddressError, crlf, mailto_url, one_line

INJECTION = [
    "?cc=spy@evil.example",
    "&bcc=spy@evil.example",
    "?subject=Hi",
    "&body=x",
    "\r\nBcc: spy@evil.example",
    "\nCc: spy@evil.example",
    "%0ABcc:%20spy@evil.example",
    "%3Fcc%3Dspy@evil.example",
    ",spy@evil.example",
    ";spy@evil.example",
    "#frag",
    " ",
    "\x00",
    "\u2028",
    "\u202e",
    "@",
    ".",
    "dana",
    "ruiz",
    "example.com",
    "acme.example",
    "+tag",
    "é",
]

addresses = st.lists(st.sampled_from(INJECTION), max_size=6).map("".join)
"""Addresses pieced together from parts of real ones and injection tricks."""

valid_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60)
"""Any text a data file can hold (lone surrogates are refused when a file is read)."""

hostile_text = st.one_of(valid_text, st.lists(st.sampled_from(INJECTION), max_size=5).map("".join))


@settings(max_examples=500, deadline=None)
@given(addresses, hostile_text, hostile_text)
@example("dana@acme.example?cc=spy@evil.example", "Hi", "Thanks")
@example("dana@acme.example\r\nBcc: spy@evil.example", "Hi", "Thanks")
@example("dana@acme.example", "Hi\r\nBcc: spy@evil.example", "a&bcc=spy@evil.example")
@example("", "?cc=spy@evil.example", "\r\n\r\nbody=x")
def test_no_header_can_be_added(to: str, subject: str, body: str) -> None:
    try:
        url = mailto_url(to, subject, body)
    except AddressError as exc:
        assert str(exc)
        return
    assert url.isascii() and url.isprintable()  # no raw line break, space or control
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.fragment == ""
    assert unquote(parts.path) == to.strip()
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    assert set(fields) <= {"subject", "body"}
    assert all(len(values) == 1 for values in fields.values())
    assert fields.get("subject", [""]) == [one_line(subject)]
    assert fields.get("body", [""]) == [crlf(body)]
