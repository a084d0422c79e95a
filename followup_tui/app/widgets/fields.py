"""A labelled input that reads what is typed and shows back how it read it, or why not.

Used for every field of the forms and dialogs: text that must not be empty, dates, times,
lengths, links. The reading is live ("→ Tue 3 Nov 2026, 10:00" under a date as it is typed),
and the same reading decides whether the form may be saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from followup_tui.app.safety import SafeInput
from followup_tui.app.text import clean_line
from followup_tui.core.dates import DateError

T = TypeVar("T")

Reader = Callable[[str], tuple[T, str]]
"""Reads the text typed: returns the value and how to show it back ("" to show nothing).

Raises :class:`~followup_tui.core.dates.DateError` (or ``ValueError``) with the reason.
"""


def plain(text: str) -> tuple[str, str]:
    """A reader for free text: the text, trimmed, shown back as nothing."""
    return text.strip(), ""


class Field(Vertical, Generic[T]):
    """A label, an input, and a line under it for the reading or the error."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        & > Label { color: $text-muted; padding: 0 1; }
        & > Input { width: 1fr; }
        & > .readback { height: auto; padding: 0 1; color: $text-success; }
        &.-invalid > .readback { color: $text-error; }
        &.-invalid > Input { border: tall $error; }
    }
    """

    def __init__(
        self,
        label: str,
        read: Reader[T],
        *,
        value: str = "",
        placeholder: str = "",
        required: bool = False,
        id: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        """A field titled ``label`` whose text is read by ``read`` (empty reads as None)."""
        super().__init__(id=id)
        self._label = label
        self._read = read
        self._value = value
        self._placeholder = placeholder
        self.required = required
        """Whether an empty field is an error."""
        self._tooltip = tooltip

    def compose(self) -> ComposeResult:
        """Label, input, reading."""
        yield Label(Text(self._label + (" *" if self.required else "")))
        # Safe: the value may hold escape codes (imported, pasted); they are drawn visibly.
        # Tabbing into a field selects it, so typing replaces a default such as "1h".
        # No validators (the field reads the text itself), so none are run: Textual's would
        # only mark the input "-valid", restyling it, for every value set.
        field_input = SafeInput(
            self._value, placeholder=self._placeholder, select_on_focus=True, validate_on=()
        )
        if self._tooltip:
            field_input.tooltip = self._tooltip
        yield field_input
        yield Static(classes="readback")

    @property
    def input(self) -> Input:
        """The input widget."""
        return self.query_one(Input)

    @property
    def text(self) -> str:
        """What is typed."""
        return self.input.value

    def on_mount(self) -> None:
        """Show the reading of a prefilled value at once."""
        if self._value:
            self.check()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.check(quiet_when_empty=True)

    def check(self, *, quiet_when_empty: bool = False) -> tuple[bool, T | None]:
        """Read the field and show the outcome; returns (valid, value)."""
        readback = self.query_one(".readback", Static)
        text = self.text
        if not text.strip():
            self.set_class(self.required and not quiet_when_empty, "-invalid")
            message = "required" if self.required and not quiet_when_empty else ""
            readback.update(Text(f"✗ {message}" if message else ""))
            return (not self.required), None
        try:
            value, shown = self._read(text)
        except (DateError, ValueError) as exc:
            self.add_class("-invalid")
            readback.update(Text(f"✗ {clean_line(str(exc))}"))
            return False, None
        self.remove_class("-invalid")
        readback.update(Text(f"→ {clean_line(shown)}" if shown else ""))
        return True, value

    @property
    def error(self) -> str:
        """The error shown under the field, or ""."""
        if not self.has_class("-invalid"):
            return ""
        return str(self.query_one(".readback", Static).content).removeprefix("✗ ")
