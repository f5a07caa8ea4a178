"""HTML: a page reduced to its visible text, one block element per paragraph, through lxml
(BSD); that text, not the markup, is what offsets refer to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.formats import CELL_SEPARATOR, DocumentText
from evidence_graph.loaders.formats.text import MARKDOWN_SUFFIXES, TEXT_SUFFIXES, decode_bytes, looks_binary

#: Elements that start a paragraph of their own.
_BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section",
                     "article", "main", "aside", "header", "footer", "ul", "ol", "dl", "dt", "dd", "blockquote",
                     "pre", "address", "figure", "figcaption", "caption", "hr", "fieldset", "form"})
_CELLS = frozenset({"td", "th"})
#: Elements a browser does not show as text.
_HIDDEN = frozenset({"script", "style", "head", "noscript", "template", "iframe", "svg", "object", "select",
                     "button", "input", "textarea", "canvas", "map"})
#: ARIA roles of page furniture: navigation, search boxes, a site's banner of links.
_FURNITURE_ROLES = frozenset({"navigation", "search", "menubar", "menu", "dialog", "alertdialog"})
#: Words of an element's id or class that mark furniture (menus, skip links), and parts of one
#: that do wherever they stand ("mgBreadcrumbs", "CookieBanner", "ccConsent").
_FURNITURE_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "skip", "skiplink", "skiplinks",
                              "sitemap"})
_FURNITURE_PARTS = re.compile(r"(?i)cookie|breadcrumb|consent|gdpr")
#: Links to attached papers: a ModernGov document or a file of an office format.
_ATTACHMENT_HREF = re.compile(r"(?i)(?:\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|zip)(?:$|[?#])|mgConvert2PDF|"
                              r"ieGetDocument|mgGetDocument|/documents/[sb]\d+/)")
#: What may stand beside links to attachments: their format, size and icon.
_ATTACHMENT_WORDS = re.compile(r"(?i)\b(?:pdf|docx?|xlsx?|kb|mb|icon|\d+(?:\.\d+)?)\b|[\W_]")


def _is_furniture(element: Any) -> bool:
    """Navigation, a cookie banner, a breadcrumb trail: page furniture, not the paper's text."""
    if element.tag == "nav" or (element.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    if _FURNITURE_PARTS.search(names):
        return True
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", names).lower()
    return any(word in _FURNITURE_WORDS for word in re.split(r"[^a-z]+", words))


def _is_attachment_list(element: Any) -> bool:
    """A list item, paragraph or table row whose text is all links to attached papers ("Minutes
    pdf icon PDF 88 KB"), but for their formats and sizes: attachments, not a passage."""
    if element.tag not in ("li", "p", "tr", "dd", "dt"):
        return False
    links = [a for a in element.iter("a") if _ATTACHMENT_HREF.search(a.get("href") or "")]
    return bool(links) and not _ATTACHMENT_WORDS.sub("", _outside_links(element, links))


def _outside_links(element: Any, links: list[Any]) -> str:
    link_ids = {id(a) for a in links}
    parts: list[str] = []

    def walk(node: Any, in_link: bool) -> None:
        here = in_link or id(node) in link_ids
        if node.text and not here:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, here)
            if child.tail and not here:
                parts.append(child.tail)

    walk(element, False)
    return "".join(parts)


class _Renderer:
    """Writes an element tree as visible text: one block element a paragraph, cells four spaces
    apart, list items numbered as a browser numbers them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        # ModernGov puts the item title in a heading inside the <li>: the number must stay on
        # the title's line ("31. Apologies"), not float on a line of its own.
        self._after_marker = False

    def text(self, data: str | None) -> None:
        if not data:
            return
        if self._after_marker and data.strip():
            self._after_marker = False
            data = data.lstrip()
        self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))

    def render(self, element: Any, numbers: list[int | None]) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _HIDDEN or _is_furniture(element) or _is_attachment_list(element):
            return
        if tag in _BLOCKS and not (self._after_marker and tag not in {"li", "ol", "ul"}):
            self.parts.append("\n\n")
        elif tag in _CELLS:
            self.parts.append(CELL_SEPARATOR)  # a row's first cell's lead is stripped with the line's
        if tag == "li":
            if numbers and numbers[-1] is not None:
                numbers[-1] += 1
                self.parts.append(f"{numbers[-1]}. ")
            else:
                self.parts.append("- ")
            self._after_marker = True
        inner = numbers
        if tag == "ol":
            # Only ASCII digits count: "²".isdigit() is true, and int() refuses it.
            start = re.fullmatch(r"[ \t]*([0-9]{1,9})[ \t]*", element.get("start") or "")
            inner = [*numbers, int(start.group(1)) - 1 if start else 0]
        elif tag == "ul":
            inner = [*numbers, None]
        self.text(element.text)
        for child in element:
            self.render(child, inner)
            self.text(child.tail)
        if tag in _BLOCKS:
            self._after_marker = False
            self.parts.append("\n\n")


def html_to_text(markup: str) -> str:
    """Reduce an HTML page to its visible text, a blank line between block elements.

    The page is parsed by lxml (libxml2's HTML parser, which mends broken markup as browsers
    do). Navigation, breadcrumb trails, skip links and cookie banners (by element, ARIA role,
    id or class) and lists of attached papers (items whose text is all links to PDF or Word
    files) are left out; table cells are four spaces apart; ordered lists are numbered as a
    browser numbers them.

    Parameters
    ----------
    markup : str
        The HTML source.

    Returns
    -------
    str
        The visible text; this text (not the markup) is what offsets refer to.

    Examples
    --------
    >>> html_to_text("<h1>Minutes</h1><p>(1) The Chair <b>welcomed</b> all.</p>")
    'Minutes\\n\\n(1) The Chair welcomed all.\\n'
    >>> html_to_text("<ol><li>Apologies</li><li>Minutes</li></ol>")
    '1. Apologies\\n\\n2. Minutes\\n'
    >>> html_to_text('<ol start="31"><li><h3>Apologies</h3><p>None.</p></li></ol>')
    '31. Apologies\\n\\nNone.\\n'
    >>> html_to_text('<nav><a href="/">Home</a></nav><div id="cookie-banner">We use cookies</div><p>Agenda</p>'
    ...              '<ul><li><a href="/documents/s123/Report.pdf">Report</a> PDF 88 KB</li></ul>')
    'Agenda\\n'
    """
    from lxml import etree
    from lxml import html as lxml_html

    # lxml refuses a str that declares its own encoding (an XHTML prolog): the text is decoded.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    if not markup.strip():
        return "\n"
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return "\n"
    renderer = _Renderer()
    body = root.find("body")
    renderer.render(body if body is not None else root, [])
    lines = [line.strip(" ") for line in "".join(renderer.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


HTML_SUFFIXES = (".html", ".htm")

#: A password field: with little text beside it, the page is a sign-in form, not a paper.
_PASSWORD_FIELD = re.compile(r"""(?i)<input\b[^>]*\btype\s*=\s*["']?password""")
_LOGIN_PAGE_CHARACTERS = 1500


@dataclass(frozen=True)
class HTMLFormat:
    """HTML pages: an ``.html`` file, or markup under an ending that does not say text."""

    name: str = "html"
    #: What ``schema:encodingFormat`` says of a document read by this format.
    media_type: str = "text/html"
    suffixes: tuple[str, ...] = HTML_SUFFIXES

    def sniff(self, path: Path, raw: bytes) -> bool:
        """By ending; else, unless the ending says text or Markdown, by a doctype, ``<html>`` or
        ``<body>`` near the start."""
        suffix = path.suffix.lower()
        if suffix in HTML_SUFFIXES:
            return True
        if suffix in (*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES) or looks_binary(raw):
            return False
        head = raw[:2048].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head[:500]

    def read(self, raw: bytes, source: str) -> DocumentText:
        """Decode the bytes and keep the page's visible text (:func:`html_to_text`)."""
        markup, encoding = decode_bytes(raw, source)
        text = html_to_text(markup)
        if not text.strip():
            raise UnsupportedDocument(source, "HTML page has no visible text")
        if _PASSWORD_FIELD.search(markup) and len(text) < _LOGIN_PAGE_CHARACTERS:
            raise UnsupportedDocument(source, "a login page (a form asking for a password), not a paper: "
                                      "sign in and save the paper itself")
        return DocumentText(text, encoding)


HTML_FORMAT = HTMLFormat()

__all__ = ["HTML_FORMAT", "HTMLFormat", "html_to_text"]
