"""What a sync client names the conflict copy of a data file: one rule for both paths of
``followup status`` (the quick one steps aside when there is a copy to mention, the full
one names it) and for the app. Nothing imported: the quick path may use it.

Syncthing names a copy ``followup.sync-conflict-20261130-101500-ABCDEFG.json``, Dropbox
``followup (Sam's conflicted copy 2026-11-30).json``: each holds the other device's
version, which ``followup merge`` folds in.
"""


def is_conflict_copy(name: str, data_name: str) -> bool:
    """True when the file ``name`` is a sync conflict copy of the data file ``data_name``
    (both bare names, in the same folder)."""
    dot = data_name.rfind(".")
    # As pathlib splits a name: a leading dot starts no suffix, and "x." has none.
    if dot <= 0 or dot == len(data_name) - 1:
        stem, suffix = data_name, ""
    else:
        stem, suffix = data_name[:dot], data_name[dot:]
    if not name.endswith(suffix) or name == data_name:
        return False
    if name.startswith(f"{stem}.sync-conflict-"):
        return True
    return (
        name.startswith(f"{stem} (") and name.endswith(f"){suffix}") and "conflicted copy" in name
    )
