"""Markup from the open web made safe to parse, and its plain text when extraction finds none.

``tame`` runs before any HTML parser sees a page. libxml2, under lxml and so under
trafilatura, checks every attribute of a tag against the ones before it: a tag with 20,000
attributes took 7 s and one with 100,000 took minutes, from a 1.5 MB page. Real tags carry a
handful of attributes, so a tag longer than ``LONG_TAG`` characters keeps at most
``MAX_ATTRIBUTES`` attributes of at most ``LONG_TAG`` characters in all; shorter tags are
left exactly as they are. The scan is linear: the tag pattern stops at the next ``<``.

``plain_text`` is the fallback of ``from_html``: trafilatura looks for an article and finds
none in a short feed item or a bare fragment, while the same words as plain text are coded.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

LONG_TAG = 2_000
MAX_ATTRIBUTES = 64

_LONG_TAG = re.compile(rf"<[A-Za-z][^<>]{{{LONG_TAG},}}>")
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/<>]*")
_ATTRIBUTE = re.compile(r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters no XML text may hold: lxml refuses to set them and raised in the middle of an
extraction (a feed item's ``&#1;`` stopped a run)."""
_HIDDEN = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object",
           "button", "select", "textarea")
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr",
                     "table", "blockquote", "section", "article", "header", "footer", "main",
                     "aside", "pre", "dd", "dt", "dl", "figcaption", "td", "th", "hr"})
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def _shorten(match: re.Match[str]) -> str:
    tag = match.group(0)
    name = _TAG_NAME.match(tag)
    head = name.group(0) if name else "<div"
    kept: list[str] = []
    size = 0
    for seen, attribute in enumerate(_ATTRIBUTE.finditer(tag, len(head), len(tag) - 1)):
        if len(kept) >= MAX_ATTRIBUTES or seen >= 4 * MAX_ATTRIBUTES:
            break
        text = attribute.group(0)
        if size + len(text) <= LONG_TAG:
            kept.append(text)
            size += len(text)
    return head + "".join(kept) + (" />" if tag.endswith("/>") else ">")


def tame(markup: str) -> str:
    """``markup`` with over-long tags cut down (see the module's docstring), without the
    control characters XML forbids, and without a leading ``<?xml ... encoding=...?>``
    declaration, which lxml refuses in a decoded string."""
    markup = _NOT_XML.sub(" ", _XML_DECLARATION.sub("", markup, count=1))
    return _LONG_TAG.sub(_shorten, markup)


def plain_text(markup: str) -> str:
    """The words a reader sees in ``markup``: scripts, styles and the head left out, a blank
    line after every block element. Empty when the markup cannot be parsed."""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_HIDDEN, etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    return _BLANK_LINES.sub("\n\n", root.text_content()).strip()
