"""Textual's stylesheet, matched once for widgets alike instead of once per widget.

Written for Textual 8.2.8, like :mod:`followup_tui.app.workarounds` (whose ``install``
applies this); ``tests/app/test_workarounds_css.py`` checks that stock Textual still
behaves as the docstring of :func:`match_styles_once` says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from textual.css.model import RuleSet, SelectorType
from textual.css.styles import RulesMap
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

_apply = Stylesheet.apply
STOCK_STYLESHEET: dict[str, object] = {"apply": _apply}
"""Textual's own ``Stylesheet`` methods, before :func:`match_styles_once` wraps them."""

MOST_KEPT = 20_000
"""Matches kept before they are all dropped (a long session's hovers and focus moves)."""

_Check = tuple[Callable[[DOMNode], bool], set[str]]
"""A selector's test of a node's name (type, class, id), and the pseudo-classes it asks."""


@dataclass(frozen=True, slots=True)
class _Reads:
    """Everything the rules that may match a node read from it and from its ancestors."""

    classes: frozenset[str]
    """Class names their selectors name (and the one a universal selector checks)."""
    ids: frozenset[str]
    """Ids their selectors name."""
    pseudo_classes: frozenset[str]
    """Every pseudo-class they ask about."""
    on_node: tuple[_Check, ...]
    """The selectors with pseudo-classes, any of which may be tried on the node itself."""
    on_ancestors: tuple[_Check, ...]
    """Those that may be tried on an ancestor: all but the last of each selector, as
    Textual's matching only counts the last one when it is tried on the node itself."""


def _reads(rules: Iterable[RuleSet]) -> _Reads:
    classes, ids, pseudo_classes = {"-textual-system"}, set(), set()
    on_node: list[_Check] = []
    on_ancestors: list[_Check] = []
    for rule in rules:
        pseudo_classes.update(rule.pseudo_classes)
        for selector_set in rule.selector_set:
            last = selector_set.selectors[-1]
            for selector in selector_set.selectors:
                if selector.type == SelectorType.CLASS:
                    classes.add(selector.name)
                elif selector.type == SelectorType.ID:
                    ids.add(selector.name)
                if selector.pseudo_classes:
                    check = (selector._check, selector.pseudo_classes)
                    on_node.append(check)
                    if selector is not last:
                        on_ancestors.append(check)
    return _Reads(
        frozenset(classes),
        frozenset(ids),
        frozenset(pseudo_classes),
        tuple(on_node),
        tuple(on_ancestors),
    )


@dataclass
class _Matches:
    """What one stylesheet's rules matched, for the rules it holds now."""

    rules_map: dict[str, list[RuleSet]]
    """The rules, by the selector names they end in (a new map once the CSS is parsed again)."""
    reads: dict[frozenset[str], _Reads] = field(default_factory=dict)
    """What the rules ending in some of a node's selector names read, by those names."""
    rules: dict[tuple[object, ...], RulesMap] = field(default_factory=dict)
    """The style rules a node gets, by everything the rules read from it and its ancestors."""


def _matches(stylesheet: Stylesheet) -> _Matches:
    rules_map = stylesheet.rules_map
    held = vars(stylesheet).get("_followup_matches")
    if not isinstance(held, _Matches) or held.rules_map is not rules_map:
        held = _Matches(rules_map)
        vars(stylesheet)["_followup_matches"] = held
    elif len(held.rules) > MOST_KEPT:
        held.rules.clear()
    return held


def _key(node: DOMNode, names: frozenset[str], reads: _Reads) -> tuple[object, ...]:
    """Everything Textual's selector matching can read from ``node`` and its ancestors."""
    return (
        names,
        *(
            (
                type(each),
                each._id if each._id in reads.ids else None,
                reads.classes.intersection(each._classes),
                tuple(
                    [
                        each.has_pseudo_classes(pseudo_classes)
                        for check, pseudo_classes in (
                            reads.on_node if each is node else reads.on_ancestors
                        )
                        if check(each)
                    ]
                ),
            )
            for each in node.css_path_nodes
        ),
    )


def match_styles_once() -> None:
    """Match the stylesheet once for nodes alike, not again for each one.

    Textual 8.2.8 matches every rule of the stylesheet against a node and its ancestors
    each time the node is styled; it keeps what it found only for the node's siblings of
    the same classes, and for that one mount. Each ``Input`` is styled five times (itself,
    then a hidden node for each of its cursor, placeholder, suggestion and selection), so
    the edit form's twenty inputs spent a fifth of its opening on matching. Here what a
    node matched is kept, keyed on everything the selectors read from it and its
    ancestors (types, the classes and ids the rules name, the pseudo-classes they ask
    about), and any node alike, in this form or the next one opened, gets the same rules
    at once. A stylesheet parsed again (a new theme) starts afresh. Nodes whose rules ask
    about their position among their siblings are matched as before, as Textual does.
    Patched once, for the whole process.
    """
    if getattr(Stylesheet, "_followup_matched_once", False):
        return

    def apply(
        self: Stylesheet,
        node: DOMNode,
        *,
        animate: bool = False,
        cache: dict[tuple[Any, ...], RulesMap] | None = None,
    ) -> None:
        matches = _matches(self)
        names = frozenset(node._selector_names)
        reads = matches.reads.get(names)
        if reads is None:
            rules_map = matches.rules_map
            rules = {rule for name in rules_map.keys() & names for rule in rules_map[name]}
            reads = matches.reads[names] = _reads(rules)
        if not reads.pseudo_classes.isdisjoint(self._EXCLUDE_PSEUDO_CLASSES_FROM_CACHE):
            _apply(self, node, animate=animate, cache=cache)
            return
        key = _key(node, names, reads)
        found = matches.rules.get(key)
        if found is None:
            kept: dict[tuple[Any, ...], RulesMap] = {}
            _apply(self, node, animate=animate, cache=kept)
            if len(kept) == 1:  # none when Textual would not keep it either
                matches.rules[key] = next(iter(kept.values()))
            return
        # As Textual's own apply does with a match it kept.
        node._has_hover_style = "hover" in reads.pseudo_classes
        node._has_focus_within = "focus-within" in reads.pseudo_classes
        node._has_order_style = False
        node._has_odd_or_even = False
        self.replace_rules(node, found, animate=animate)
        self._process_component_classes(node)

    Stylesheet.apply = apply  # type: ignore[method-assign]
    Stylesheet._followup_matched_once = True  # type: ignore[attr-defined]
