"""The standfirst (dek) set as a heading at the top of the body, when the page's description says
the same words: the `description` field carries it, and it is page furniture of the headline block,
not the article's first paragraph. (A first *paragraph* equal to the description stays: many pages
take their description from it.)"""

from __future__ import annotations

from lxml.html import HtmlElement

from .boilerplate import leading, text_of

DEK_TAGS = ("h2", "h3", "h4")


def drop_dek_heading(root: HtmlElement, description: str | None) -> HtmlElement:
    """Drop the first heading of the body when it opens the body and equals `description`."""
    if not description:
        return root
    wanted = " ".join(description.split()).casefold()
    heading = next(root.iter(*DEK_TAGS), None)
    if (
        heading is not None
        and heading.getparent() is not None
        and leading(root, heading)
        and text_of(heading).casefold() == wanted
    ):
        heading.drop_tree()
    return root
