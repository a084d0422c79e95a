"""The data file: the only package that touches TinyDB.

Use :class:`Store` (``Store.open(path)`` to write, ``read_only=True`` to read while another
process writes) and :func:`default_db_path`; every problem is a :class:`StoreError` whose
text is ready to show the user.
"""

from followup_tui.paths import ENV_DB, default_db_path
from followup_tui.storage.errors import StoreError, StoreLocked
from followup_tui.storage.store import Store

__all__ = ["ENV_DB", "Store", "StoreError", "StoreLocked", "default_db_path"]
