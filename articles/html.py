"""Sanitising of rich text written by editors: the one sanitiser of article bodies.

Only the markup the editor (django-prose-editor with ``BODY_EXTENSIONS``) can produce
survives: no script, no style, no event handler, no javascript: link, and no control
characters (``ambtenarenpanel.text.clean_text``). ``Article.save()`` runs it, so a body
is stored the same whether it comes from the admin, ``loaddemo`` or the shell; the
editor's field runs the same function (its own nh3 rules are not used).
"""

import re

import nh3

from ambtenarenpanel.text import clean_text

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "s",
    "strong",
    "sub",
    "sup",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    # The editor's numbered lists: first number and numbering style.
    "ol": {"start", "type", "data-type"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# What the editor sends for an empty document: one empty paragraph.
_EMPTY_DOCUMENT = re.compile(r"^<(?P<tag>\w+)>(?:<br>)?</(?P=tag)>$")


def sanitize_html(html: str) -> str:
    """Return ``html`` with everything outside the allowlist removed; idempotent."""
    cleaned = nh3.clean(
        clean_text(html or ""),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # Character references (&#11;) come out of the parser as the characters themselves.
    cleaned = clean_text(cleaned).strip()
    return "" if _EMPTY_DOCUMENT.match(cleaned) else cleaned
