"""A ``mailto:`` link (RFC 6068) that opens the user's mail client on a filled-in message.

Everything that goes into the link is percent-encoded as UTF-8, so accented names,
ampersands, quotes and line breaks reach the mail client as written. Line breaks in the
body become CRLF, as the RFC asks. A recipient address is checked first: one that could
smuggle in another header or recipient (``?``, ``&``, ``,``, a line break, ...) is refused
with the reason, never "cleaned" into something the user did not type.
"""

from __future__ import annotations

import re
from urllib.parse import quote


class AddressError(ValueError):
    """An address that can't safely go into a ``mailto:`` link; the message says why."""


# Characters that would end the address part, start a header, add a recipient or be read as
# an escape inside the link; none has a place in an address people type into a record.
_FORBIDDEN = {
    "?": "a question mark",
    "&": "an ampersand",
    ",": "a comma",
    ";": "a semicolon",
    "#": "a hash sign",
    "%": "a percent sign",
    "<": "an angle bracket",
    ">": "an angle bracket",
    '"': "a quote",
    "\\": "a backslash",
    "/": "a slash",
    ":": "a colon",
    "(": "a parenthesis",
    ")": "a parenthesis",
    "[": "a bracket",
    "]": "a bracket",
}
_LOCAL = re.compile(r"^[^\s@]+$")
_DOMAIN = re.compile(r"^[^\s@.](?:[^\s@]*[^\s@.])?$")


def check_address(address: str) -> str:
    """``address`` with surrounding spaces trimmed; :class:`AddressError` if it is unsafe.

    An empty address is fine (the mail client asks for one). Anything else must look like
    ``someone@somewhere``: one ``@``, no spaces or control characters, and none of the
    characters that would let it add a header or a second recipient to the link.
    """
    text = address.strip()
    if not text:
        return ""
    for ch in text:
        if ord(ch) < 0x20 or ord(ch) == 0x7F:
            raise AddressError(f"{text!r} holds a control character (a line break?)")
        if ch.isspace():
            raise AddressError(f"{text!r} holds a space")
        if ch in _FORBIDDEN:
            raise AddressError(f"{text!r} holds {_FORBIDDEN[ch]}, which no address needs")
    local, at, domain = text.rpartition("@")
    if not at or not _LOCAL.match(local) or "@" in local or not _DOMAIN.match(domain):
        raise AddressError(f"{text!r} is not an address of the form name@example.com")
    return text


def one_line(text: str) -> str:
    """``text`` on one line: every line break (CR, LF, or both) becomes a space."""
    return " ".join(re.split(r"\r\n|\r|\n", text)).strip()


def crlf(text: str) -> str:
    """``text`` with every line break, whatever its kind, written as CRLF."""
    return "\r\n".join(re.split(r"\r\n|\r|\n", text))


def _encode(text: str) -> str:
    # safe="" so that &, =, ?, #, + and / are escaped too: a value can never end its field.
    return quote(text, safe="", encoding="utf-8", errors="strict")


def mailto_url(to: str, subject: str, body: str) -> str:
    """The ``mailto:`` link for a message; :class:`AddressError` if ``to`` is unsafe.

    ``to`` may be empty (the mail client asks). The subject is put on one line; the body
    keeps its line breaks as CRLF. Only ``subject`` and ``body`` fields are ever written.
    """
    address = check_address(to)
    fields = []
    if line := one_line(subject):
        fields.append("subject=" + _encode(line))
    if body:
        fields.append("body=" + _encode(crlf(body)))
    # The address's own characters are all safe by now; quote keeps "@" and "." as they are.
    url = "mailto:" + quote(address, safe="@.+-_~!$'*=")
    return url + ("?" + "&".join(fields) if fields else "")
