"""Where :mod:`followup_tui.app.safety` finds :func:`harden_option_lists` (now with the
other Textual workarounds in :mod:`followup_tui.app.workarounds`)."""

from followup_tui.app.workarounds import harden_option_lists

__all__ = ["harden_option_lists"]
