"""A read-only window offers to become the writer once the window writing has closed.

It only offers: taking the lock by itself would surprise someone who opened a second window
to look, and who may open the first one again. The offer is made once per free lock (a
notice, and a word in the summary line); the take-over key works any time after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_tui.app import background, workarounds

if TYPE_CHECKING:
    from followup_tui.app.app import FollowupApp

KEY = "W"
"""The key that takes over editing (``w`` is the selected interview's keep-warm)."""
OFFER = f"The other followup window has closed. Take over editing here? Press {KEY}."
"""The notice shown once the lock comes free."""
OFFER_SECONDS = 30.0
"""How long the offer's notice stays up unanswered (the summary line keeps saying it after)."""


class TakeOver:
    """Whether a read-only window has offered to become the writer, and taking over."""

    def __init__(self, app: FollowupApp) -> None:
        """The offer of ``app``'s read-only store (none made yet)."""
        self._app = app
        self.offered = False
        """True from the offer until another window is seen holding the lock again."""

    def look(self) -> None:
        """Offer once when the writer has gone (called on the app's regular look)."""
        store = self._app.store
        if not store.read_only:
            return
        if not store.writer_gone():
            if self.offered:  # another window took it: its closing is a new offer
                self.offered = False
                self._redraw()
            return
        if self.offered:
            return  # said once for this free lock: no nagging
        self.offered = True
        self._app.notify(OFFER, timeout=OFFER_SECONDS, markup=False)
        self._redraw()

    def hint(self) -> str:
        """What to add to a change refused as read-only once the offer is made ("" before)."""
        if self.offered and self._app.store.read_only:
            return f" The other window has closed: press {KEY} to take over editing."
        return ""

    def take(self) -> None:
        """Take the lock (reading the file afresh) and become writable, or say who has it."""
        app = self._app
        store = app.store
        if not store.read_only:
            app.notify("This window can already make changes.", markup=False)
            return
        pending = app.save(store.take_over)  # on the save thread: it reads the file

        async def run() -> None:
            saved = await pending
            if not saved.ok:
                return  # the app has shown the store's message
            self.offered = False
            workarounds.withdraw(app, OFFER)  # answered, the offer no longer stands
            app.board.load(store.interviews(), app.now())
            self._redraw()
            if saved.value:
                app.notify("This window can make changes now.", markup=False)
            else:
                app.notify(
                    "Another followup window is editing, so this one stays read-only; "
                    "it will offer again when that one closes.",
                    severity="warning",
                    markup=False,
                )

        background.start(app, run, group="write")

    def _redraw(self) -> None:
        """Screens redraw the summary line (and the board, unchanged) from the app."""
        self._app.board_changed.publish(None)
