"""Who signs the messages: the user's name, signature and highlight, asked for once; and
the default policy, country and time zone, which count from the next start.

The composer opens it the first time it would sign "[your name]"; ``,`` on the board (and
the palette) opens it any time. What is entered is saved in ``settings.toml`` line by line,
so the rest of the file, comments included, stays as the user wrote it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, TextArea

from followup_tui.app.safety import SafeTextArea
from followup_tui.app.text import clean_line
from followup_tui.app.widgets.fields import Field, plain
from followup_tui.core.calendar import country_holidays
from followup_tui.core.policy import DEFAULT_POLICY, POLICIES
from followup_tui.settings import SettingsError, save_settings, settings_path

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

LATER = ("policy", "country", "timezone")
"""Settings the board was built with: saved now, used from the next start."""

EXPLAINED = {
    "name": "Your name: it signs every message",
    "signature": "Signature: the sign-off block (your name alone if empty)",
    "highlight": "Highlight: an achievement worth repeating in check-ins",
    "policy": "Policy: how soon to check in, by default",
    "country": "Country: its public holidays aren't business days",
    "timezone": "Time zone: where your days start and end",
}
"""Each field's label: what it is, and what it is for, in one line."""


class SettingsScreen(ModalScreen[bool]):
    """Name, signature and highlight; True once saved, False if left as they were."""

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = ""  # focused in on_mount, without scrolling the title away
    DEFAULT_CSS = """
    SettingsScreen { align: center middle; background: $background 60%; }
    SettingsScreen #settings-signature { height: 4; margin: 0 0 1 0; }
    SettingsScreen .explain { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Not now", tooltip="Leave the settings as they are"),
        Binding("ctrl+s", "save", "Save", tooltip="Save them in settings.toml"),
    ]

    def __init__(self, *, first_time: bool = False) -> None:
        """The settings dialog; ``first_time`` says why it opened by itself."""
        super().__init__()
        self.first_time = first_time
        """Opened by the composer, before the first message is signed."""

    @property
    def followup(self) -> FollowupApp:
        """The app, typed."""
        return cast("FollowupApp", self.app)

    def compose(self) -> ComposeResult:
        """A title, the three fields each with its one line, and the buttons."""
        settings = self.followup.settings
        title = "Before the first message: who is it from?" if self.first_time else "About you"
        with Vertical(classes="dialog"):
            yield Label(Text(title), classes="title")
            yield Field(EXPLAINED["name"], plain, value=settings.name, id="name")
            yield Label(Text(EXPLAINED["signature"]), classes="explain")
            yield SafeTextArea(settings.signature, id="settings-signature", soft_wrap=True)
            yield Field(EXPLAINED["highlight"], plain, value=settings.highlight, id="highlight")
            yield Label(Text(EXPLAINED["policy"]), classes="explain")
            yield Select(
                [(name, name) for name in POLICIES],
                value=settings.policy if settings.policy in POLICIES else DEFAULT_POLICY,
                allow_blank=False,
                id="policy",
            )
            yield Field(
                EXPLAINED["country"],
                _read_country,
                value=settings.country,
                placeholder="US, GB, DE-BY; empty for weekends only",
                id="country",
            )
            yield Field(
                EXPLAINED["timezone"],
                _read_zone,
                value=settings.timezone,
                placeholder="Europe/Berlin; empty for this machine's",
                id="timezone",
            )
            yield Label(Text("Policy, country and zone count from the next start."), classes="hint")
            # The file's name alone: its folder is in the notice once saved, and `followup paths`.
            yield Label(Text(f"Kept in {settings_path().name}"), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Not now", id="cancel")

    def on_mount(self) -> None:
        """Start in the name, the title above it still in view."""
        self.query_one("#name", Field).input.focus(scroll_visible=False)

    def on_input_submitted(self) -> None:
        """Enter in a field saves."""
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Save them in the settings file; name, signature and highlight count at once."""
        checked = [self.query_one(f"#{key}", Field).check() for key in ("country", "timezone")]
        if not all(ok for ok, _ in checked):
            self.notify("Fix the field marked in red first", severity="warning")
            return
        values = {
            "name": self.query_one("#name", Field).text.strip(),
            "signature": self.query_one("#settings-signature", TextArea).text.strip(),
            "highlight": self.query_one("#highlight", Field).text.strip(),
        }
        app = self.followup
        app.settings = replace(app.settings, **values)  # for this session, saved or not
        later = {
            "policy": str(self.query_one("#policy", Select).value),
            "country": self.query_one("#country", Field).text.strip().upper(),
            "timezone": self.query_one("#timezone", Field).text.strip(),
        }
        # Only what changed: a file that never named them keeps following the defaults.
        values |= {
            key: value for key, value in later.items() if value != getattr(app.settings, key)
        }
        try:
            save_settings(values)
        except SettingsError as exc:
            app.notify(f"Used now, but not kept: {exc}", severity="warning", markup=False)
        else:
            where = clean_line(str(settings_path()))
            app.notify(f"Saved in {where}: your messages are signed with them", markup=False)
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave everything as it was."""
        self.dismiss(False)


def _read_country(text: str) -> tuple[str, str]:
    """A country code with known public holidays ("DE-BY" for a region)."""
    code = text.strip().upper()
    try:
        country_holidays(code)
    except ValueError:
        raise ValueError(f"{code} is not a country code with known public holidays") from None
    return code, ""


def _read_zone(text: str) -> tuple[str, str]:
    """An IANA time zone name."""
    name = text.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name} is not a known time zone (e.g. Europe/Berlin)") from None
    return name, ""
