"""Where followup keeps its files: the data file and what lives beside it, the settings and
templates, the crash log.

``platformdirs`` is imported only when no override names the file, so that
``followup status`` run with ``FOLLOWUP_DB`` and ``FOLLOWUP_CONFIG`` set stays quick.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from followup_tui.sync_conflicts import is_conflict_copy

APP_NAME = "followup"
"""The folder name under the platform's data and config folders."""
ENV_DB = "FOLLOWUP_DB"
"""Environment variable naming another data file."""
ENV_CONFIG = "FOLLOWUP_CONFIG"
"""Environment variable naming another settings file."""
CRASH_LOG = "crash.log"
"""The crash log's file name, in :func:`data_dir`."""


def data_dir() -> Path:
    """The platform's data folder for followup (the data file and crash log go there)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


def config_dir() -> Path:
    """The platform's config folder for followup (settings and templates go there)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME)


def default_db_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The data file: ``$FOLLOWUP_DB``, else ``followup.json`` in the user data folder."""
    override = environ.get(ENV_DB, "").strip()
    if override:
        return Path(override).expanduser()
    return data_dir() / "followup.json"


def backup_path_for(data_file: Path) -> Path:
    """The backup of a data file: beside it, ``<name>.bak``."""
    return data_file.with_name(data_file.name + ".bak")


def lock_path_for(data_file: Path) -> Path:
    """The lock file that guards a data file: beside it, ``<name>.lock``."""
    return data_file.with_name(data_file.name + ".lock")


def drafts_path(data_file: Path) -> Path:
    """Where the composer's drafts for a data file are saved: beside it, ``<name>.drafts``."""
    return data_file.with_name(data_file.name + ".drafts")


def settings_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The settings file: ``$FOLLOWUP_CONFIG``, else ``settings.toml`` in the config folder."""
    override = environ.get(ENV_CONFIG, "").strip()
    return Path(override) if override else config_dir() / "settings.toml"


def templates_path() -> Path:
    """The user's template file: ``templates.toml`` in the config folder."""
    return config_dir() / "templates.toml"


def crash_log_path(folder: Path | None = None) -> Path:
    """The crash log: ``crash.log`` in ``folder``, by default the user data folder."""
    return (folder or data_dir()) / CRASH_LOG


def conflict_copies(data_file: Path) -> list[Path]:
    """Sync conflict copies of a data file lying beside it, oldest name first
    (:func:`~followup_tui.sync_conflicts.is_conflict_copy` says which)."""
    name = data_file.name
    try:
        # A plain scan, not glob: `followup status` runs this, and glob costs it an import.
        with os.scandir(data_file.parent) as entries:
            found = [Path(e.path) for e in entries if is_conflict_copy(e.name, name)]
    except OSError:
        return []
    return sorted(found)
