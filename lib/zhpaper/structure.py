"""Page structure from evidence: printed lines, headline-like lines, headline or section.

A Markdown heading level is one weak clue among many (MinerU writes every title as
``#``; other tools write ``###`` headlines under a ``##`` one, or no markup at all).
This module decides from the text and its context:

* :func:`split_printed_lines` — a block of three or more lines (plain OCR output, one
  printed line per line) becomes one fragment per line, so that joins can put the
  paragraphs back together and headlines can stand out;
* :func:`plain_headings` — a line with no markup that stands alone like a headline:
  short, open (no closing punctuation), not a continuation, after a finished paragraph,
  and either followed by a byline or heading, or, where the page is written line by
  line, not shaped like a printed line of the column (neither full nor indented) and
  not continued by the next line; right under a jump marker that cuts the text above
  it (``（下转第2版）``), any such line the next line does not continue. Not so a line
  above a jump to another page (the article's last line), a note in brackets or a
  credited caption, the first line of a dateline broken across two lines, or a line of
  text shaped like the column below the headline it stands above (read out of order); a
  line under a byline printed below text (…电（记者某某）) may be a headline after all;
* :func:`headline_evidence` — a heading right above a headline belongs to its header;
  a heading right after a jump marker that cuts the text above it (``（下转第2版）``) or
  after text signed off with a note in brackets (``…。（某县纪委某某）``) is a headline;
  a heading not followed by a byline,
  subtitle or jump marker is a headline when the vocabulary after it does not continue
  the text before it (lexical cohesion, in the spirit of TextTiling), with the page's own use of
  heading levels as a weaker clue.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import text as textmod
from .cohesion import Vectors, bigrams, idf
from .genre import genre
from .lexicon import join_gain

if TYPE_CHECKING:
    from .fragments import Fragment

#: Blocks with at least this many lines are split into printed lines.
SPLIT_LINES = 3
#: A column's printed-line width is measured over this many lines; a run of lines is
#: one column when this share of them is shaped like its printed lines (chosen on the
#: development half from 0.5, 0.6 and 0.7).
COLUMN_LINES, ONE_COLUMN = 8, 0.5
#: Context compared on each side of a heading, in characters.
WINDOW = 400
#: Cosine between the text before and after a heading above which it continues the
#: topic (a section heading); below it the heading opens a new article. Chosen on the
#: development half of the People's Daily pages (headlines: median 0.011, 90% below
#: 0.028; section headings 0.063 and above) and the damaged seed page (sections
#: 0.048–0.14).
SAME_TOPIC = 0.04
#: Score per cosine unit below or above SAME_TOPIC.
COHESION_WEIGHT = 25.0
#: The page's own use of heading levels, a weak clue: a heading at a level the page's
#: headlines use, or deeper than any of them (chosen on the development half: -1.0, -0.5
#: and 0.25/-0.25 tried; -1.0 made marker's mixed levels sections).
LEVEL_KNOWN, LEVEL_DEEPER = 0.5, -0.5
#: At most this many commas, stops or semicolons inside a headline-like line.
HEADLINE_MAX_PUNCT = 1
_INNER_PUNCT = frozenset("，,。；;")
#: Punctuation that may hang past the end of a full printed line.
_OVERHANG = frozenset("，。、；：？！”’）》,.;:?!")
#: What a byline printed in the text (not under a header) follows.
TEXT_BEFORE = frozenset({"body", "signature"})
HEADER_NEXT = frozenset({"subtitle", "byline", "marker", "heading", "headline", "kicker"})


def split_printed_lines(frags: list[Fragment]) -> list[Fragment]:
    """Blocks of :data:`SPLIT_LINES` or more lines → one fragment per line."""
    out = []
    for f in frags:
        lines = f.lines
        if f.kind != "body" or len(lines) < SPLIT_LINES:
            out.append(f)
            continue
        for line in lines:
            keep = [k for k, s in enumerate(f.spans) if s.line == line]
            out.append(replace(f, spans=tuple(f.spans[k] for k in keep),
                               pieces=tuple(f.pieces[k] for k in keep)))
    return out


def _one_line(f: Fragment, kind: str) -> bool:
    return kind == "body" and len(f.lines) == 1 and len(f.flat) <= 40


def _measure(widths: list[float]) -> float | None:
    """The width of the full printed lines among ``widths``: the median of those near
    the widest (short last lines, indented first lines and lines a punctuation mark
    overhangs count for nothing)."""
    if len(widths) < 3:
        return None
    top = sorted(widths)[(3 * len(widths)) // 4]
    full = sorted(w for w in widths if w >= top - 1.5)
    return full[len(full) // 2]


def column_widths(frags: list[Fragment], kinds: list[str]) -> list[tuple[float, ...] | None]:
    """For each fragment in a run of at least four one-line body fragments (a column
    written line by line), the printed-line width of the column it stands in; else None.

    A run whose lines are mostly as wide as its upper quartile (or an indent less) is
    one column: that quartile is its width, taken over the lines that do not end in a
    punctuation mark (which may hang past the column's edge) when three or more do not.
    A run of mixed widths (a page without markup, articles set in columns of different
    widths one after another) is measured next to each line: the full lines of the
    :data:`COLUMN_LINES` lines below it (the text a headline-like line would open), or of
    those above it at the run's end."""
    out: list[tuple[float, ...] | None] = [None] * len(frags)
    i = 0
    while i < len(frags):
        j = i
        while j < len(frags) and _one_line(frags[j], kinds[j]):
            j += 1
        if j - i >= 4:
            out[i:j] = _run_widths(frags[i:j])
        i = max(j, i + 1)
    return out


def _run_widths(run: list[Fragment]) -> list[tuple[float, ...] | None]:
    widths = [textmod.display_width(f.flat) for f in run]
    # a punctuation mark may hang past the column's edge: lines ending in one do not
    # measure it, unless too few lines end otherwise
    flush = [w for f, w in zip(run, widths, strict=True) if f.flat.strip()[-1:] not in _OVERHANG]
    sample = flush if len(flush) >= 3 else widths
    quartile = sorted(sample)[(3 * len(sample)) // 4]
    if sum(quartile - 2.5 <= w <= quartile + 1.0 for w in widths) >= ONE_COLUMN * len(widths):
        return [(quartile,)] * len(run)
    single = [w if "  " not in f.flat.strip() else None  # two columns fused: no measure
              for f, w in zip(run, widths, strict=True)]
    out: list[tuple[float, ...] | None] = []
    for k in range(len(run)):
        below = [w for w in single[k + 1:k + 1 + COLUMN_LINES] if w is not None]
        above = [w for w in single[max(0, k - COLUMN_LINES):k] if w is not None]
        found = _measure(below) or _measure(above)
        out.append(None if found is None else (found,))
    return out


def line_shaped(width: float, columns: tuple[float, ...]) -> bool:
    """A full printed line, or an indented first line of a paragraph, of one of the
    columns the line may stand in."""
    return any(column - 2.5 <= width <= column + 0.5 for column in columns)


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "（）", "《》", "“”"))


def headline_like(text: str) -> bool:
    g = genre()
    cjk = sum(textmod.is_cjk(c) for c in text)
    return (2 <= len(text) <= g.heading_max_chars and 2 * cjk > len(text) and g.ends_open(text)
            and not g.starts_as_continuation(text) and not g.ends_with_non_final(text)
            and sum(c in _INNER_PUNCT for c in text) <= HEADLINE_MAX_PUNCT
            and "。" not in text and _balanced(text))


def _subtitle_like(f: Fragment) -> bool:
    g = genre()
    text = f.flat.strip()
    return len(f.lines) == 1 and bool(g.subtitle.match(text)) \
        and len(text) <= g.subtitle_max_chars and _balanced(text)


def plain_headings(frags: list[Fragment], kinds: list[str]) -> list[str]:
    """Kinds with unmarked headline-like lines turned into ``heading``."""
    g = genre()
    columns = column_widths(frags, kinds)
    kinds = list(kinds)
    for i, f in enumerate(frags):
        text = f.flat.strip()
        if kinds[i] != "body" or len(f.lines) != 1 or not headline_like(text) \
                or _note_or_credit(text):
            continue
        if i > 0 and kinds[i - 1] == "byline":
            if _headline_under_byline(frags, kinds, i, columns[i]):
                kinds[i] = "headline"
            continue  # else a lead paragraph
        nxt = kinds[i + 1] if i + 1 < len(frags) else None
        prev_open = open_above(frags, kinds, i)
        if prev_open and _interposed(frags, kinds, i, columns[i]):
            kinds[i] = "heading"  # read into the middle of a sentence that goes on below
            if nxt == "body" and g.name_byline(frags[i + 1].flat):
                kinds[i + 1] = "byline"
            continue
        if prev_open and (nxt != "byline" or join_gain(frags[i - 1].flat, text) >= 1.0):
            continue  # the previous line goes on into this one
        if i > 0 and kinds[i - 1] == "marker" and cuts_text(frags[i - 1]) \
                and (nxt != "body" or not _continued(text, frags[i + 1].flat.strip())):
            kinds[i] = "heading"  # the text above is cut: another article starts
            continue
        if nxt == "marker" and cuts_text(frags[i + 1]):
            continue  # the article's last line, above the jump to another page
        if nxt in HEADER_NEXT:
            if not _stray_above_header(frags, kinds, i):
                kinds[i] = "heading"  # a byline or heading below: strong evidence
            continue
        if _dateline_below(frags, kinds, i):
            kinds[i], kinds[i + 1] = "heading", "byline"  # the dateline's first line
            continue
        if nxt == "body" and _subtitle_like(frags[i + 1]):
            kinds[i], kinds[i + 1] = "heading", "subtitle"  # ——调整中的北京大商业（下）
            continue
        follow = frags[i + 1].flat.strip() if nxt == "body" else ""
        if follow and _dateline_starts(text, follow):
            continue  # a dateline broken across two lines (据新华社某地１月１２ | 日电…)
        if not follow or (columns[i] is None and i > 0) or g.starts_as_continuation(follow) \
                or join_gain(text, follow) >= 1.0:
            continue  # only in a column written line by line, not continued below
        if columns[i] is not None and not line_shaped(textmod.display_width(text),
                                                       columns[i]):
            if not _stray_above_header(frags, kinds, i):
                kinds[i] = "heading"
        elif i == 0 and not any(c in _INNER_PUNCT for c in text):
            kinds[i] = "heading"  # the page's first line, unless it reads like text
    return kinds


def _continued(text: str, follow: str) -> bool:
    """The line below ``text`` goes on from it: it cannot start a sentence, or a word
    runs across the two."""
    return genre().starts_as_continuation(follow) or join_gain(text, follow) >= 1.0


def _note_or_credit(text: str) -> bool:
    """A note in brackets from end to end (（贵州某县委办公室某某）, －（附图片１张）) or a
    line ending in a photo credit or a work of art's form (…（油画）): a note or a
    caption, never a headline."""
    core = text.lstrip("－-—").strip()
    return (core[:1] in "(（" and core[-1:] in ")）") or genre().credited(text)


#: Lines of header (subtitle, byline, jump marker) skipped below a headline to find
#: the column of the article it opens.
_HEADER_SKIP = 3


def _stray_above_header(frags: list[Fragment], kinds: list[str], i: int) -> bool:
    """Line ``i`` stands right above a header line (a heading, or a headline-like line
    over a byline or subtitle, not a name) and is shaped like a printed line of the
    column that header opens (often its indented first line): a line of that article's
    text the layout tool read out of order, above its headline, not a kicker (unless it
    ends as a kicker does: …时指出, a dash or a colon)."""
    g = genre()
    text = frags[i].flat.strip()
    if i + 2 >= len(frags) or frags[i].level or g.kicker_end.search(text):
        return False
    nxt = frags[i + 1].flat.strip()
    header = kinds[i + 1] in {"heading", "headline"} or (
        kinds[i + 1] == "body" and len(frags[i + 1].lines) == 1 and headline_like(nxt)
        and not g.name_byline(nxt) and kinds[i + 2] in {"subtitle", "byline"})
    if not header:
        return False
    j = i + 2
    while j < len(frags) and j <= i + 1 + _HEADER_SKIP and kinds[j] in HEADER_NEXT:
        j += 1
    widths = []
    while j < len(frags) and len(widths) < COLUMN_LINES and _one_line(frags[j], kinds[j]):
        widths.append(textmod.display_width(frags[j].flat))
        j += 1
    column = _measure(widths)
    return column is not None and line_shaped(textmod.display_width(text), (column,))


def _headline_under_byline(frags: list[Fragment], kinds: list[str], i: int,
                           column: tuple[float, ...] | None) -> bool:
    """Line ``i`` under a byline closed by a bracket (…电（记者某某）) on a line of its
    own, below text or a jump marker, not under a header (a closing credit, or a byline
    the tool read above its headline), is a headline, not the lead: it is not shaped
    like a printed line of its column and the line below does not continue it."""
    g = genre()
    text, byline = frags[i].flat.strip(), frags[i - 1]
    if column is None or i < 2 or i + 1 >= len(frags) or kinds[i + 1] != "body" \
            or kinds[i - 2] not in TEXT_BEFORE | {"marker"} \
            or byline.flat.rstrip()[-1:] not in ")）" or byline.lines[-1] == frags[i].lines[0] \
            or line_shaped(textmod.display_width(text), column):
        return False
    follow = frags[i + 1].flat.strip()
    return not g.starts_as_continuation(follow) and join_gain(text, follow) < 1.0


def open_above(frags: list[Fragment], kinds: list[str], i: int) -> bool:
    """The body line above fragment ``i`` stops mid-sentence: not so if it closes a note
    in brackets opened on the line above it after a finished sentence (…查处。（江西新干
    县纪委跃 | 华黎明）)."""
    g = genre()
    if i == 0 or kinds[i - 1] != "body" or not g.ends_open(frags[i - 1].flat):
        return False
    above = frags[i - 1].flat.strip()
    if i > 1 and kinds[i - 2] == "body" and above[-1:] in ")）":
        return g.ends_open(frags[i - 2].flat.strip() + above)
    return True


def _dateline_below(frags: list[Fragment], kinds: list[str], i: int) -> bool:
    """The two lines below line ``i`` open with a dateline broken across them
    (新华社突尼斯１月５日 | 电…), as a page printed line by line has it."""
    if i + 2 >= len(frags) or kinds[i + 1] != "body" or kinds[i + 2] != "body":
        return False
    return _dateline_starts(frags[i + 1].flat.strip(), frags[i + 2].flat.strip())


def _dateline_starts(text: str, follow: str) -> bool:
    """``text`` is the first line of a dateline that ``follow`` goes on with."""
    lead = genre().lead_byline.match(text + follow)
    return bool(lead) and lead.end() > len(text)


def _interposed(frags: list[Fragment], kinds: list[str], i: int,
                column: tuple[float, ...] | None) -> bool:
    """A headline-like line that a plain OCR tool read into the middle of a sentence
    (a headline spanning columns read after the first printed line below it): it is not
    shaped like a printed line of the column, and the sentence broken off above it goes
    on in the line below it (or below a name under it), not in it."""
    g = genre()
    text = frags[i].flat.strip()
    if column is None or line_shaped(textmod.display_width(text), column):
        return False
    j = i + 1
    if j < len(frags) and kinds[j] == "body" and g.name_byline(frags[j].flat):
        j += 1
    if j >= len(frags) or kinds[j] != "body":
        return False
    before, after = frags[i - 1].flat.rstrip(), frags[j].flat.strip()
    if join_gain(text, after) >= 1.0 or join_gain(before, text) >= 1.0:
        return False
    closes = not _balanced(before) and _balanced(before + after)
    return g.starts_as_continuation(after) or closes or join_gain(before, after) >= 1.0


def _context(frags: list[Fragment], kinds: list[str], start: int, step: int) -> str:
    """Body text next to a heading group, up to the next header or :data:`WINDOW`."""
    parts, size, i = [], 0, start
    while 0 <= i < len(frags) and size < WINDOW:
        if kinds[i] in {"headline", "heading", "section", "kicker", "subtitle", "byline"}:
            break
        if kinds[i] == "body":
            parts.append(frags[i].flat)
            size += len(frags[i].flat)
        i += step
    return "".join(parts if step > 0 else reversed(parts))


#: What a heading group goes on into: another heading, or the headline it stands over.
_GROUP_GOES_ON = frozenset({"heading", "headline"})


def headline_evidence(frags: list[Fragment], kinds: list[str]) -> list[str]:
    """Kinds with each undecided heading group's last heading made ``headline`` when the
    evidence says it opens a new article (see the module documentation)."""
    g = genre()
    kinds = list(kinds)
    known = [f.level for f, k in zip(frags, kinds, strict=True) if k == "headline" and f.level]
    bodies = [bigrams(f.flat) for f, k in zip(frags, kinds, strict=True) if k == "body"]
    vectors = Vectors(idf(bodies), topic=True)
    seen_headline = False
    for i, f in enumerate(frags):
        if kinds[i] == "headline":
            seen_headline = True
        if kinds[i] != "heading" or (i + 1 < len(frags) and kinds[i + 1] in _GROUP_GOES_ON):
            continue  # a heading above a headline is part of its header
        first = i
        while first > 0 and kinds[first - 1] == "heading":
            first -= 1
        if first > 0 and kinds[first - 1] == "marker" and cuts_text(frags[first - 1]):
            kinds[first:i + 1] = header_roles(frags[first:i + 1])  # the text above is cut
            seen_headline = True
            continue
        if first > 0 and kinds[first - 1] in {"headline", "subtitle", "byline", "marker",
                                              "sidebar_label"}:
            continue  # inside an article's header or a sidebar: a banner or sidebar title
        before = _context(frags, kinds, first - 1, -1)
        after = _context(frags, kinds, i + 1, 1)
        if not after:
            continue
        if not seen_headline or not before or _orphan_byline_above(kinds, first) \
                or _signed_off(before):
            kinds[first:i + 1] = header_roles(frags[first:i + 1])
            seen_headline = True
            continue
        # Cohesion says little about a few words: weigh it by the context there is.
        weight = min(1.0, min(len(before), len(after)) / (WINDOW / 2))
        score = COHESION_WEIGHT * weight * (SAME_TOPIC - vectors.cosine(before, after))
        if known and f.level:
            score += LEVEL_KNOWN if f.level in known else (
                LEVEL_DEEPER if f.level > max(known) else 0.0)
        if g.ends_open(before) and g.starts_as_continuation(after):
            score -= 2.0  # the sentence runs on across the heading
        if score > 0:
            kinds[first:i + 1] = header_roles(frags[first:i + 1])
            seen_headline = True
    return kinds


def _signed_off(before: str) -> bool:
    """The text above a heading ends in a note in brackets after a finished sentence
    (…解决。（四川省某市某某）, the note often broken over two printed lines): the
    writer's signature, so the article above ends there."""
    g = genre()
    note = g.closing_note.search(before.rstrip())
    if not note or note.start() == 0 or g.credited(before):
        return False  # a photo credit closes a caption, not an article
    return not g.ends_open(before[:note.start()].rstrip())


def cuts_text(f: Fragment) -> bool:
    """A jump marker that cuts the text above it (（下转第2版）): what follows is another
    article."""
    m = genre().jump_marker.match(f.flat.strip())
    return bool(m) and m.group("direction") in {"下转", "转"}


def _orphan_byline_above(kinds: list[str], first: int) -> bool:
    """A byline printed below body text just above the heading group: the article's
    opening set above its own headline (MinerU emits columns in reading order)."""
    i = first - 1
    while i >= 0 and kinds[i] == "body":
        i -= 1
    return i >= 0 and kinds[i] == "byline" and (i == 0 or kinds[i - 1] in TEXT_BEFORE)


def header_roles(group: list[Fragment]) -> list[str]:
    """Kicker, headline and subtitle of a group of header lines that opens an article.

    One line is the headline. Of two, a larger heading (a smaller level number) is the
    headline, and so is a marked heading under an unmarked line (the tool saw a heading
    there and none above: the line above is a kicker or a stray line of text); a first
    line ending in a dash or colon is a kicker; otherwise the second line is a subtitle
    (the commoner layout). Of three or more: kicker, headline and
    subtitles."""
    if len(group) == 1:
        return ["headline"]
    if len(group) == 2:
        a, b = group
        if a.level and b.level and a.level != b.level:
            return ["headline", "subtitle"] if a.level < b.level else ["kicker", "headline"]
        if b.level and not a.level:
            return ["kicker", "headline"]  # the tool marked the second line as a heading
        if genre().kicker_end.search(a.flat.strip()):
            return ["kicker", "headline"]
        return ["headline", "subtitle"]
    return ["kicker", "headline"] + ["subtitle"] * (len(group) - 2)
