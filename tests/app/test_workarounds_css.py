"""Stock Textual still matches its stylesheet again for each node alike, and the matches
kept by :func:`followup_tui.app.workarounds_css.match_styles_once` give every node the
styles stock Textual would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Input, Label, Static

from followup_tui.app import workarounds_css

from .test_workarounds import can_go


class Alike(App[None]):
    """Widgets alike in different containers, and rules that read ids, classes,
    pseudo-classes (the node's and its ancestors') and positions among siblings."""

    CSS = """
    #left Label { color: red; }
    .loud > Label { text-style: bold; }
    Vertical:disabled Label { color: green; }
    Label:hover { background: blue; }
    Input:focus > .input--placeholder { color: yellow; }
    Vertical.loud:focus-within { border: solid red; }
    .edge:first-child { color: purple; }
    """

    def compose(self) -> ComposeResult:
        """Three containers holding labels and inputs."""
        with Vertical(id="left"):
            yield Static("first", classes="edge")
            yield Label("a", id="a")
            yield Input(placeholder="p", id="in-left")
        with Vertical(classes="loud"):
            yield Label("b", id="b")
            yield Input(placeholder="p", id="in-loud")
        for name in ("c", "d"):
            with Vertical():
                yield Static("second", classes="edge")
                yield Label(name, id=name)
                yield Input(placeholder="p", id=f"in-{name}")


class Counted:
    """Counts the rules Textual checks against nodes (its matching)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Count every ``Stylesheet._check_rule`` from now on."""
        self.checked = 0
        """Rules checked so far."""
        check_rule = Stylesheet._check_rule

        def counting(rule_set: RuleSet, css_path_nodes: list[DOMNode]) -> object:
            self.checked += 1
            return check_rule(rule_set, css_path_nodes)

        monkeypatch.setattr(Stylesheet, "_check_rule", staticmethod(counting))


def styles(app: App[None]) -> list[tuple[str, str, list[str]]]:
    """Every node's style rules and its components' (cursor, placeholder, …), by node."""

    def rules(styles: object) -> str:
        return repr(sorted(styles.base._rules.items()))  # type: ignore[attr-defined]

    return [
        (
            repr(node),
            rules(node.styles),
            [f"{name}: {rules(each)}" for name, each in sorted(node._component_styles.items())],
        )
        for node in app.screen.walk_children(with_self=True)
    ]


@contextmanager
def stock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Stock Textual's ``Stylesheet.apply`` inside the block."""
    with monkeypatch.context() as patch:
        for name, method in workarounds_css.STOCK_STYLESHEET.items():
            patch.setattr(Stylesheet, name, method)
        yield


def restyled_by_stock(
    app: App[None], monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, str, list[str]]]:
    """Every node styled again by stock Textual, then its styles."""
    with stock(monkeypatch):
        for node in app.screen.walk_children(with_self=True):
            app.stylesheet.apply(node)
    return styles(app)


async def test_textual_still_matches_the_stylesheet_again_for_each_node_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Alike()
    async with app.run_test(size=(80, 30)):
        with stock(monkeypatch):
            counted = Counted(monkeypatch)
            kept: dict[tuple[object, ...], object] = {}  # as Textual keeps them when mounting
            app.stylesheet.apply(app.query_one("#c"), cache=kept)  # type: ignore[arg-type]
            counted.checked = 0
            app.stylesheet.apply(app.query_one("#d"), cache=kept)  # type: ignore[arg-type]
        if counted.checked == 0:
            can_go("match_styles_once (and workarounds_css.py)")


async def test_a_node_alike_one_styled_before_is_not_matched_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workarounds_css.match_styles_once()
    app = Alike()
    async with app.run_test(size=(80, 30)) as pilot:
        first, second = Vertical(), Vertical()
        await app.screen.mount(first, second)
        await first.mount(Label("e"), Input(placeholder="p"))
        await pilot.pause()
        counted = Counted(monkeypatch)
        await second.mount(Label("f"), Input(placeholder="q"))  # alike, in another box
        await pilot.pause()
        assert counted.checked == 0
        await app.query_one("#left").mount(Label("g"))  # under #left, which a rule names
        assert counted.checked > 0


async def test_every_node_gets_the_styles_stock_textual_gives_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workarounds_css.match_styles_once()
    app = Alike()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert styles(app) == restyled_by_stock(app, monkeypatch)
        labels = {name: app.query_one(f"#{name}", Label) for name in "abcd"}
        assert labels["a"].styles.color != labels["c"].styles.color  # #left's rule
        assert labels["b"].styles.text_style != labels["c"].styles.text_style  # .loud's

        async def changed() -> None:
            await pilot.pause()
            assert styles(app) == restyled_by_stock(app, monkeypatch)

        app.query_one("#in-loud").focus()  # a pseudo-class on the node and on its container
        await changed()
        app.query_one("#in-c").focus()
        await changed()
        await pilot.hover("#d")
        await changed()
        app.query_one("#left").disabled = True  # a pseudo-class on an ancestor
        await changed()
        app.query_one("#c").add_class("loud")
        await changed()
        app.query_one("#left").disabled = False
        await changed()
        dark = app.screen.styles.background
        app.theme = "textual-light"  # the stylesheet parsed again, with new values
        await changed()
        assert app.screen.styles.background != dark
