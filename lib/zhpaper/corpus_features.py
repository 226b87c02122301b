"""Two corrections of :mod:`zhpaper.pd1998`'s article boundaries, from the shape of the lines.

The People's Daily file has no article boundaries; :mod:`zhpaper.pd1998` starts an
article at every run of short open lines. Two shapes of the source make that wrong:

* **A byline is never a headline.** A run that is only a byline (``本报记者王慧敏``)
  stands under a header the line classes missed: a headline ending in ``……`` or ``？``
  (read as a sentence), or a headline and a one-paragraph lead-in (``对无证者说不`` /
  ``一次性注射器…威胁群众健康`` / ``本报记者田俊荣``). :func:`attach_byline` makes the
  byline that header's: the byline of an item that has only its lead-in so far, or the
  byline under the item's last line when that line is short enough to be a headline
  (at most :data:`zhpaper.pd1998.HEADER_MAX` characters, at least four Chinese
  characters outside parentheses: not a bare ``（附图片１张）``).
* **A signed feature's unnumbered section headings.** A feature (a byline under its
  header) goes on under short headings (``房改你真要改吗`` / ``本报记者朱剑红`` /
  ``房改：亮点不少`` … ``房改：期待真改`` … ``房改关键：分配货币化``). A one-line header
  (or two lines, the first ending in a comma: one heading broken across lines) with no
  byline of its own, no subtitle of its own (``…——记…``, ``——读…``), no photo marker,
  and a first paragraph that opens with no dateline (本报讯, 新华社…电) nor an
  enumerator (``１、``: a list, photo news), right after a feature whose text has not
  closed with a signature or credit (a trailing parenthesised group: ``（蔡轶春）``), is
  a section heading of that feature (:func:`merge_sections`); so is the next one, until
  one of those marks a new article.

Neither correction moves a line across :data:`zhpaper.pd1998.TEST_FIRST_LINE`, the
frozen first line of the test half.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pd1998 import _Grouping, _Item, _Line

#: The patterns of a dateline (本报讯, 新华社…电) and of an enumerator (一、, １、) opening
#: a paragraph.
Openings = tuple[re.Pattern[str], re.Pattern[str]]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_GROUP = re.compile(r"[（(][^（）()]*[）)]")
_SIGNED = re.compile(r"[（(][^（）()]*[）)]$")
#: A headline with the subtitle of a report, a review or an interview: ……——记…, ——读…
_TITLED = re.compile(r"—{2,}(?:记|访|读|评|写在|谈)")


def attach_byline(g: _Grouping, run: list[_Line], header_max: int, boundary: int,
                  is_byline, start) -> bool:
    """Handle a run that is a single byline line (see the module docstring); True if it
    was attached, False if the run should open an item as before. ``start`` opens an
    item from a run (``pd1998._start``)."""
    if len(run) != 1 or not g.items or not is_byline(run[0]):
        return False
    item, line = g.items[-1], run[0]
    side = line.number >= boundary
    if (item.byline is None and len(item.paragraphs) == 1 and not item.headings
            and not item.captions and (item.first_line >= boundary) == side):
        item.byline = line.text
        g.bylines_attached += 1
        return True
    last = item.paragraphs[-1] if item.paragraphs else None
    if (last is None or item.last != "body" or len(item.paragraphs) < 2
            or len(last.text) > header_max or (last.number >= boundary) != side
            or len(_CJK.findall(_GROUP.sub("", last.text))) < 4):
        return False
    item.paragraphs.pop()
    start(g, [last, line])
    g.bylines_attached += 1
    return True


def _closed_by_signature(feature: _Item) -> bool:
    return bool(feature.paragraphs) and bool(_SIGNED.search(feature.paragraphs[-1].text))


def _heading(item: _Item) -> list[str]:
    """The header's lines, a line that ends in a comma joined to the next (a heading
    broken across two lines: 金融改革进一步深化， / 金融调控更加灵活…)."""
    lines = list(item.header)
    if len(lines) == 2 and lines[0].endswith(("，", ",")):
        return [lines[0] + lines[1]]
    return lines


def _section_of(feature: _Item, item: _Item, opens: Openings, boundary: int) -> bool:
    dateline, enumerator = opens
    return (len(_heading(item)) == 1 and item.byline is None and not item.photo
            and not _TITLED.search(item.header[0])
            and not item.marked and bool(item.paragraphs)
            and not dateline.match(item.paragraphs[0].text)
            and not enumerator.match(item.paragraphs[0].text)
            and not _closed_by_signature(feature)
            and (item.first_line >= boundary) == (feature.first_line >= boundary))


def merge_sections(items: list[_Item], opens: Openings, boundary: int
                   ) -> tuple[list[_Item], int]:
    """Items with each signed feature's unnumbered sections merged into it (see the
    module docstring), and how many headers became section headings. ``opens`` are the
    patterns of a dateline and of an enumerator opening a paragraph."""
    out: list[_Item] = []
    feature: _Item | None = None
    merged = 0
    for item in items:
        if feature is not None and _section_of(feature, item, opens, boundary):
            at = len(feature.paragraphs)
            feature.headings.append((at, _heading(item)[0]))
            feature.headings.extend((at + k, h) for k, h in item.headings)
            feature.paragraphs.extend(item.paragraphs)
            feature.captions.extend(item.captions)
            merged += 1
            continue
        out.append(item)
        feature = item if item.byline is not None and not item.photo else None
    return out, merged


__all__ = ["attach_byline", "merge_sections"]
