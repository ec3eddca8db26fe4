"""The article element from the segments the body model kept: a cleaned copy of their container.

The copy keeps the page's own structure (paragraphs, headings, lists, tables, figures) around the
kept text. Inside it, every dropped segment loses exactly its own words (its pieces: the owner's
text, its inline children, a nested block's tail), then elements left without kept words are
removed, except images and other media that sit between the first and the last kept segment.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml.html import HtmlElement

from .segments import Segment

MEDIA = frozenset({"img", "picture", "figure", "video", "audio", "source", "iframe"})
STRUCTURE = frozenset({"br", "hr", "wbr", "col", "colgroup"})


def container_of(owners: Sequence[HtmlElement]) -> HtmlElement:
    """The deepest element holding every owner (their lowest common ancestor)."""
    first = owners[0]
    chain = [first, *first.iterancestors()]
    depth = {id(e): i for i, e in enumerate(chain)}
    lowest = 0
    for owner in owners[1:]:
        element: HtmlElement | None = owner
        while element is not None and id(element) not in depth:
            element = element.getparent()
        if element is None:
            return chain[-1]
        lowest = max(lowest, depth[id(element)])
    return chain[lowest]


def assemble(segments: Sequence[Segment], keep: Sequence[bool]) -> HtmlElement | None:
    """A detached copy of the kept segments' container, with everything else taken out."""
    owners = [s.owner for s, k in zip(segments, keep, strict=True) if k]
    if not owners:
        return None
    container = container_of(owners)
    duplicate: HtmlElement = copy.deepcopy(container)
    duplicate.tail = None
    twin = dict(zip(container.iter(), duplicate.iter(), strict=True))
    drop_elements: list[HtmlElement] = []
    for seg, kept in zip(segments, keep, strict=True):
        if kept or seg.owner not in twin:
            continue
        for kind, element in seg.pieces:
            target = twin.get(element)
            if target is None:
                continue
            if kind == "text":
                target.text = None
            elif kind == "tail":
                target.tail = None
            else:
                drop_elements.append(target)
    kept_twins = {twin[o] for o in owners}
    holders = {a for o in owners for a in twin[o].iterancestors()}  # hold kept text below them
    for element in drop_elements:  # after the texts: drop_tree keeps a tail only if it still holds words
        if element in kept_twins:  # a dropped segment's inline piece that owns a kept segment itself
            continue
        if element in holders:
            element.text = None  # an inline element wrapping a kept block (`<a><h3>..</h3></a>`)
        elif element.getparent() is not None:
            element.drop_tree()
    inline = [
        twin[e]
        for s, k in zip(segments, keep, strict=True)
        if k
        for kind, e in s.pieces
        if kind == "elem" and e in twin
    ]
    _prune(duplicate, kept_twins, inline)
    return duplicate


def _prune(root: HtmlElement, kept_owners: set[HtmlElement], inline: list[HtmlElement]) -> None:
    """Remove what holds no kept words: everything but the kept owners, their ancestors and their
    insides, and media between the first and the last kept owner."""
    needed: set[HtmlElement] = {root}

    def need(element: HtmlElement, inside: bool = True) -> None:
        if inside:
            needed.update(element.iter())
        needed.add(element)
        for ancestor in element.iterancestors():
            if ancestor in needed:
                break
            needed.add(ancestor)

    for owner in kept_owners:
        need(owner, inside=False)
    for element in inline:
        need(element)
    order = {e: i for i, e in enumerate(root.iter())}
    positions = [order[o] for o in kept_owners if o in order]
    if not positions:
        return
    first, last = min(positions), max(positions)
    for element in root.iter(*MEDIA):
        if element not in needed and first <= order[element] <= last:
            need(element)
    doomed = [e for e in root.iter() if e not in needed and e.getparent() in needed and e.tag not in STRUCTURE]
    for element in doomed:
        element.drop_tree()
