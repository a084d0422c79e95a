"""What can go wrong with the data file, in words a user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The data file can't be opened, read or saved.

    ``str()`` is a complete message for the user: which file, what is wrong, what to do.
    """


class StoreLocked(StoreError):
    """Another followup is already writing to this data file."""
