"""``python -m followup_tui`` runs the ``followup`` command."""

import sys

from followup_tui.cli import main

sys.exit(main())
