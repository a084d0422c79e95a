"""Nothing typed is lost by one key: what a screen holds that the user typed, and the one
question asked before throwing it away (the form and the log dialogs share both)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input, Select, SelectionList, TextArea

from followup_tui.app.workarounds import TypesAhead


def typed(node: DOMNode) -> tuple[object, ...]:
    """Everything the user can change under ``node``, as it is now: compared with what it
    was when the screen opened, it tells whether anything was."""
    values: list[object] = []
    # One walk, not a query per kind of widget: it runs as the form opens.
    for widget in node.walk_children():
        if isinstance(widget, Input | Select):
            values.append(widget.value)
        elif isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, SelectionList):
            values.append(tuple(widget.selected))
    return tuple(values)


def ask_to_discard(
    screen: Screen[Any], what: str, detail: str, discard: Callable[[], None]
) -> None:
    """Ask whether to throw away ``what`` (``detail`` under the question); ``discard`` runs
    only if the user says so. The safe answer, keeping it, is the one focused."""
    # Imported here: the dialogs module is not needed until the question is asked.
    from followup_tui.app.screens.dialogs import Confirm

    question = Confirm(f"Discard {what}?", detail, yes="Discard", no="Keep editing")

    def answered(yes: bool | None) -> None:
        if yes:
            discard()

    screen.app.push_screen(question, answered)


def dismiss_or_ask(screen: Screen[Any], as_opened: tuple[object, ...]) -> None:
    """Close a log dialog with nothing logged: at once if it holds what it held when it
    opened (``as_opened``, from :func:`typed`) and no key typed ahead is on its way to a
    field, else once the user agrees."""
    if typed(screen) == as_opened and not (isinstance(screen, TypesAhead) and screen.typing_ahead):
        screen.dismiss(None)
        return
    detail = "Nothing typed here is logged until ctrl+s."

    def discard() -> None:
        screen.dismiss(None)

    ask_to_discard(screen, "what you typed", detail, discard)
