"""Sphinx extension: mark Chinese text in the built HTML as ``lang="zh-Hans"``.

The book's pages are ``<html lang="en">``; without a language on its Chinese text a
browser may draw 安全 with Japanese glyphs and a screen reader read it with an English
voice. After every HTML build this rewrites each page of the output:

- an element whose text is mostly Chinese (``zhpaper.display.is_chinese``: Han
  characters and at most one Latin letter for every two) and that holds text of its own
  (a paragraph, a table cell, a heading, a link, a printed output) gets
  ``lang="zh-Hans"``; so does an ``<img>`` whose ``alt`` text is mostly Chinese, and an
  image whose alt text is English with Chinese words is labelled (``aria-labelledby``) by
  a hidden copy of that text in which the Chinese words are marked;
- in any other text, each maximal run of Chinese — Han characters and Chinese
  punctuation, with the digits, Latin letters or punctuation that stand between them
  without a space (``5G``, ``","``), or the spaces, digits and punctuation that stand
  between them without a letter (``治本 攻坚``), and a number or code glued to either
  end (``3.7万``, ``97.7%``) — is wrapped in ``<span lang="zh-Hans">``.

Nothing else changes: not one character of the visible text, and nothing inside ``<head>``, code
(``<code>``, code cells, highlighted blocks other than printed output), math, scripts,
styles, SVG or an element that already says which language it is in. Running it again on
its own output changes nothing, so incremental builds are safe.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path

from zhpaper.display import ZH, is_chinese

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: CJK radicals, symbols and punctuation (。、《》【】), vertical and full-width forms (，：（）)
_CJK_PUNCT = "\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\u3200-\u32ff\ufe10-\ufe1f\ufe30-\ufe4f" \
             "\uff00-\uffef"
_CORE = f"[{_HAN}{_CJK_PUNCT}]"
#: punctuation that Chinese and English share, and character references (&amp; &#39;)
_SHARED = r"(?:[!-%'-/:;=?@\[-`{-~\u00b7\u2010-\u2027\u00a0]|&#?\w+;)"
_JOIN = rf"(?:(?:[0-9A-Za-z]|{_SHARED})+|(?:\s|[0-9]|{_SHARED})+)"
_GLUED = r"[0-9A-Za-z]+(?:[.,:/][0-9A-Za-z]+)*%?"
RUN = re.compile(rf"(?:{_GLUED})?{_CORE}+(?:{_JOIN}{_CORE}+)*(?:{_GLUED})?")
_HAN_CHAR = re.compile(f"[{_HAN}]")

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
RAW_TEXT = frozenset(("script", "style", "textarea", "title"))
#: elements whose content is left exactly as it is
SKIP = frozenset(("head", "script", "style", "textarea", "code", "kbd", "samp", "var",
                  "math", "svg", "template"))
#: elements that may not hold a <span> (their text, if any, is left alone)
NO_SPAN = frozenset(("html", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "ul",
                     "ol", "dl", "select", "option", "optgroup", "datalist"))
#: an element of the same name that this start tag closes implicitly
IMPLIED_END = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
               "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}

TOKEN = re.compile(r"""<!--.*?-->|<![^>]*>|<\?[^>]*>
                       |</(?P<end>[A-Za-z][\w:-]*)\s*>
                       |<(?P<start>[A-Za-z][\w:-]*)(?:[^"'>]|"[^"]*"|'[^']*')*>""",
                   re.S | re.X)


class Raw(str):
    """Markup kept as it is: a comment, a declaration, a stray end tag, raw text."""


@dataclass
class Element:
    tag: str
    start: str
    children: list[Element | str] = field(default_factory=list)
    end: str = ""


def _attr(start: str, name: str) -> str | None:
    m = re.search(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", start, re.I)
    return None if m is None else unescape(next(g for g in m.groups() if g is not None))


def _open(root: Element, stack: list[Element], m: re.Match, html: str) -> int:
    """Add the element that ``m`` starts; returns where parsing goes on."""
    tag, raw = m.group("start").lower(), m.group(0)
    while stack[-1] is not root and stack[-1].tag in IMPLIED_END.get(tag, ()):
        stack.pop()
    node = Element(tag, raw)
    stack[-1].children.append(node)
    pos = m.end()
    if tag in RAW_TEXT:
        close = re.compile(rf"</{tag}\s*>", re.I).search(html, pos)
        stop = close.start() if close else len(html)
        node.children.append(Raw(html[pos:stop]))
        node.end = close.group(0) if close else ""
        return close.end() if close else len(html)
    if tag not in VOID and not raw.endswith("/>"):
        stack.append(node)
    return pos


def parse(html: str) -> Element:
    """A tree of ``html`` that gives the input back byte for byte (:func:`source`)."""
    root = Element("#root", "")
    stack, pos = [root], 0
    while (m := TOKEN.search(html, pos)) is not None:
        if m.start() > pos:
            stack[-1].children.append(html[pos:m.start()])
        if m.group("start"):
            pos = _open(root, stack, m, html)
            continue
        end = (m.group("end") or "").lower()
        if end and any(n.tag == end for n in stack[1:]):
            while stack[-1].tag != end:
                stack.pop()
            stack.pop().end = m.group(0)
        else:
            stack[-1].children.append(Raw(m.group(0)))
        pos = m.end()
    if pos < len(html):
        stack[-1].children.append(html[pos:])
    return root


def source(node: Element | str) -> str:
    """The HTML that ``node`` was parsed from."""
    if isinstance(node, str):
        return node
    return node.start + "".join(source(c) for c in node.children) + node.end


def _skipped(node: Element) -> bool:
    """Code, math and the like: never marked, never counted."""
    if node.tag in SKIP:
        return True
    classes = (_attr(node.start, "class") or "").split()
    # printed output is highlighted as "myst-ansi"; every other highlight is code
    return any(c in ("math", "cell_input")
               or (c.startswith("highlight-") and c != "highlight-myst-ansi")
               for c in classes)


def text_of(node: Element | str) -> str:
    """The visible text of ``node`` (character references resolved), without code."""
    if isinstance(node, Raw):
        return ""
    if isinstance(node, str):
        return unescape(node)
    if _skipped(node):
        return ""
    return "".join(text_of(c) for c in node.children)


def _with_lang(start: str) -> str:
    tail = "/>" if start.endswith("/>") else ">"
    return start[:-len(tail)].rstrip() + f' lang="{ZH}"' + tail


def wrap_runs(text: str) -> str:
    """Raw HTML text with each run of Chinese in ``<span lang="zh-Hans">``."""
    if not _HAN_CHAR.search(text):
        return text

    def wrap(m: re.Match) -> str:
        run = m.group(0)
        return f'<span lang="{ZH}">{run}</span>' if _HAN_CHAR.search(run) else run

    return RUN.sub(wrap, text)


def _own_text(node: Element) -> bool:
    return any(type(c) is str and c.strip() for c in node.children)


def _alt_label(start: str, alt: str, ids: dict[str, int]) -> tuple[str, str]:
    """An image whose alt text is English with Chinese words in it: an attribute cannot
    say which words are Chinese, so the image is labelled by a hidden copy of its alt
    text in which they are marked (``aria-labelledby``); the alt text stays as it is."""
    digest = hashlib.sha1(alt.encode("utf-8")).hexdigest()[:10]
    ids[digest] = ids.get(digest, 0) + 1
    ident = f"zh-alt-{digest}-{ids[digest]}"
    tail = "/>" if start.endswith("/>") else ">"
    start = start[:-len(tail)].rstrip() + f' aria-labelledby="{ident}"' + tail
    return start, f'<span id="{ident}" hidden>{wrap_runs(escape(alt))}</span>'


def _start(node: Element, chinese: bool, ids: dict[str, int]) -> tuple[str, bool, str]:
    """The start tag of ``node`` as marked, whether its content is Chinese, and what
    follows the tag (the hidden label of an image, or nothing)."""
    start, lang = node.start, _attr(node.start, "lang")
    if lang is not None:
        return start, lang.lower().startswith("zh"), ""
    if chinese or node.tag == "#root":
        return start, chinese, ""
    if node.tag in VOID:
        alt = _attr(start, "alt") or ""
        if is_chinese(alt):
            return _with_lang(start), True, ""
        if _HAN_CHAR.search(alt) and _attr(start, "aria-labelledby") is None:
            start, label = _alt_label(start, alt, ids)
            return start, False, label
        return start, False, ""
    if _own_text(node) and is_chinese(text_of(node)):
        return _with_lang(start), True, ""
    return start, False, ""


def mark(node: Element, chinese: bool = False, ids: dict[str, int] | None = None) -> str:
    """The HTML of ``node`` with its Chinese text marked; ``chinese``: inherited;
    ``ids``: the labels given to images so far on this page."""
    if _skipped(node):
        return source(node)
    ids = {} if ids is None else ids
    start, chinese, after = _start(node, chinese, ids)
    out = [start, after]
    for child in node.children:
        if isinstance(child, Element):
            out.append(mark(child, chinese, ids))
        elif isinstance(child, Raw) or chinese or node.tag in NO_SPAN:
            out.append(child)
        else:
            out.append(wrap_runs(child))
    out.append(node.end)
    return "".join(out)


def mark_chinese(html: str) -> str:
    """``html`` with its Chinese text marked as ``lang="zh-Hans"`` (see the module)."""
    if not _HAN_CHAR.search(html):
        return html
    return mark(parse(html))


def mark_build(app, exception) -> None:
    """Rewrite every HTML page the builder wrote (pages without Chinese are untouched)."""
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        if "_static" in path.relative_to(app.outdir).parts:
            continue
        before = path.read_text(encoding="utf-8")
        after = mark_chinese(before)
        if after != before:
            path.write_text(after, encoding="utf-8")


def setup(app):
    app.connect("build-finished", mark_build)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
