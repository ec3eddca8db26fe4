"""body_html made safe to render: an allowlist sanitiser (ammonia, through nh3).

Hand-written sanitisers lose to parser differentials (mXSS); ammonia is fuzzed and maintained, and
runs in Rust in about the time our own tree walk would take.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset(
    "a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong "
    "sub summary sup table tbody td tfoot th thead time tr u ul var".split()
)
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Dropped with everything inside: their content is never article text.
DROP_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})


URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Browsers ignore ASCII whitespace and controls inside a scheme ("java\tscript:"), so do we.
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.I)
_IGNORED = re.compile(r"[\x00-\x20]")


def _only_absolute_web_urls(_tag: str, attribute: str, value: str) -> str | None:
    """Links were made absolute before sanitising; anything else left in a URL attribute is dropped."""
    if attribute in URL_ATTRIBUTES and not _SAFE_URL.match(_IGNORED.sub("", value)):
        return None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_only_absolute_web_urls,
    )
