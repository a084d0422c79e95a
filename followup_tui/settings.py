"""The user's settings: a documented TOML file in the platform's config folder.

Example ``settings.toml``::

    name = "Alex Morgan"            # signs the messages
    signature = "Alex Morgan\\n555-0100 · alex@example.com"
    highlight = "I led the checkout redesign that lifted conversion 12%"
    policy = "standard"             # prompt | standard | patient
    country = "US"                  # public holidays ("" for weekends only; "DE-BY" for a region)
    timezone = "America/New_York"   # "" for the machine's zone
    theme = "textual-dark"
"""

from __future__ import annotations

import os
from collections.abc import Container
from dataclasses import dataclass, fields
from datetime import date, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.core.calendar import BusinessCalendar, country_holidays
from followup_tui.core.policy import DEFAULT_POLICY, POLICIES
from followup_tui.paths import settings_path as settings_path  # screens name it from here


class SettingsError(ValueError):
    """The settings file can't be read, or one of its values is wrong."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user can set."""

    name: str = ""
    """The user's name, for signing messages."""
    signature: str = ""
    """The sign-off block under a message; the name alone when empty."""
    highlight: str = ""
    """One line about the user worth repeating in check-ins."""
    policy: str = DEFAULT_POLICY
    """The default follow-up policy."""
    country: str = ""
    """Country (optionally "-REGION") whose public holidays are not business days."""
    timezone: str = ""
    """IANA time zone for calendar days; the machine's zone when empty."""
    theme: str = "textual-dark"
    """The Textual theme of the app."""

    def zone(self) -> tzinfo:
        """The time zone calendar days are counted in."""
        if self.timezone:
            return ZoneInfo(self.timezone)
        return local_zone()

    def calendar(self) -> BusinessCalendar:
        """The business calendar these settings describe."""
        holidays: Container[date] = country_holidays(self.country) if self.country else frozenset()
        return BusinessCalendar(self.zone(), holidays)


def local_zone() -> tzinfo:
    """The machine's time zone, by IANA name where it can be found."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        link = os.readlink("/etc/localtime")
        if "zoneinfo/" in link:
            return ZoneInfo(link.split("zoneinfo/", 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    from dateutil import tz

    zone: tzinfo = tz.tzlocal()
    return zone


def parse_settings(values: dict[str, Any], source: str = "settings") -> Settings:
    """Settings from a mapping, each value checked; errors name the setting."""
    known = {f.name for f in fields(Settings)}
    for key in values:
        if key not in known:
            raise SettingsError(
                f"{source}: unknown setting {key!r} (known: {', '.join(sorted(known))})"
            )
    for key, value in values.items():
        if not isinstance(value, str):
            raise SettingsError(f"{source}: setting {key!r} must be text, not {value!r}")
    settings = Settings(**values)
    if settings.policy.strip().lower() not in POLICIES:
        raise SettingsError(
            f"{source}: setting 'policy' is {settings.policy!r};"
            f" choose one of {', '.join(POLICIES)}"
        )
    if settings.timezone:
        try:
            ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(
                f"{source}: setting 'timezone' is {settings.timezone!r}, not a known time zone"
                " (e.g. 'Europe/Berlin')"
            ) from None
    if settings.country:
        try:
            country_holidays(settings.country)
        except ValueError:
            raise SettingsError(
                f"{source}: setting 'country' is {settings.country!r}, not a country code"
                " with known public holidays (e.g. 'US', 'GB', 'DE-BY')"
            ) from None
    return settings


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: :func:`settings_path`); defaults if it doesn't exist."""
    from followup_tui.regular import read_bytes

    path = path or settings_path()
    try:
        raw = read_bytes(path)  # a named pipe would never end: refused
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(f"{path}: can't be read ({exc.strerror})") from None
    return settings_from(raw, str(path))


def settings_from(raw: bytes | None, source: str) -> Settings:
    """The settings a settings file holding ``raw`` gives (None: no file); errors name
    ``source``."""
    if raw is None:
        return Settings()
    import tomllib  # only when there is a file to read

    try:
        values = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{source}: not a valid TOML file ({exc})") from None
    return parse_settings(values, source)


def save_theme(theme: str, path: Path | None = None) -> None:
    """Set ``theme`` in the settings file ``path`` (default: :func:`settings_path`), made if
    need be; the rest of the file, comments included, is kept as it was."""
    save_settings({"theme": theme}, path)


def save_settings(values: dict[str, str], path: Path | None = None) -> None:
    """Set each of ``values`` in the settings file ``path`` (default: :func:`settings_path`),
    made if need be: its line is rewritten, or added at the end; every other line, comments
    and keys this version doesn't know included, is kept as it was."""
    import json
    import re
    import tomllib

    from followup_tui.storage.atomic import make_folders, write_atomic

    path = (path or settings_path()).resolve()  # a linked file (dotfiles) is written, not the link
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: can't be read ({exc})") from None
    updated = text
    for key, value in values.items():
        line = f"{key} = {json.dumps(value)}"  # a TOML basic string: JSON's escapes are TOML's
        pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=.*$", re.MULTILINE)
        if pattern.search(updated):
            updated = pattern.sub(line.replace("\\", "\\\\"), updated, count=1)
        else:
            end = "\n" if updated and not updated.endswith("\n") else ""
            updated = updated + end + line + "\n"
    try:
        understood = tomllib.loads(updated) == {**tomllib.loads(text), **values}
    except tomllib.TOMLDecodeError:
        understood = False
    if not understood:  # e.g. a "theme = " line inside a multi-line signature
        wanted = ", ".join(f"{key} = {json.dumps(value)}" for key, value in values.items())
        raise SettingsError(f"{path}: set {wanted} there by hand")
    try:
        make_folders(path.parent)
        write_atomic(path, updated.encode("utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: can't be written ({exc.strerror or exc})") from None
