"""Joins: which body fragment of a page goes on in which.

Every body fragment that stops mid-sentence (no terminal punctuation) is a candidate left
end; every other body fragment a candidate right end. Each pair gets a score from evidence
(:func:`score_join`): a dictionary word formed across the join (``积|极``), a continuation
that cannot start a sentence (``3.4万余项,…``), a left end that cannot end one (``…但是``),
a left end that is one printed line of a narrow column, the right end being the next
fragment in the same column, the left end stopping where its printed line stops, a right
end whose first printed line is as wide as its others (no paragraph indent: it goes on
from a column above), and shared vocabulary; against it, a right end whose first printed
line is indented (it opens a paragraph), a jump marker right after the left end (its text goes
on on another page: （下转第2版）), and a note in brackets after a finished sentence (a
credit, …过节。（本报 | 记者张小红）) that the left end closes, or leaves open and the
right end does not close. Joins are then chosen globally (:func:`choose_joins`): best-first over
all pairs, each fragment with at most one predecessor and one successor, no cycles, only
above :data:`THRESHOLD`; an open end still unjoined then goes on into the fragment right
below it if the evidence reaches :data:`LAST_RESORT` (a sentence must go on somewhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import text as textmod
from .cohesion import Vectors
from .fragments import Fragment
from .genre import genre
from .lexicon import first_word, join_gain, junctions, last_word, word_frequency
from .page import Join

#: A join is made only when its evidence scores above this.
THRESHOLD = 2.75
#: An open end left unjoined after both rounds joins the fragment right below it when
#: their score reaches this (THRESHOLD is for a choice among candidates; chosen on the
#: development half from 1.5, 2.0 and 2.5).
LAST_RESORT = 2.5
#: A fragment this short that stops mid-sentence is one printed line of a column.
PRINTED_LINE_MAX = 26
#: Continuations are looked for this many body fragments before and after a fragment,
#: which keeps the work linear in the size of the page (a printed page has ~100).
CANDIDATE_WINDOW = 150
#: Header kinds under which a body fragment opens a column that may continue another.
#: A jump marker is not one: text under it continues from another page.
OPENS_COLUMN = frozenset({"headline", "subtitle", "banner", "byline"})
#: A character used alone less often than this (per jieba's dictionary) is rarely a
#: word by itself: a fragment ending in it has broken off inside a word.
RARE_SINGLE = 20000
#: A narrow column's width is measured over this many printed lines on either side.
COLUMN_WINDOW = 8
WEIGHTS = {
    "lexical": 1.0,  # per log10 unit of join_gain, capped at 4
    "non_initial": 4.0,
    "quantity_start": 3.0,
    "non_final": 2.0,
    "printed_line": 2.0,
    "full_line": 2.0,
    "open_end": 1.0,
    "broken_word": -1.5,
    "next_in_column": 1.5,
    "line_end": 1.5,
    "short_tail": -1.5,
    "after_header": 1.5,
    "distance": -1.0,
    "indented": -2.5,
    "opens_paragraph": -2.5,
    "goes_on": 1.5,
    "opening_quote": -0.5,
    "inside_quote": 1.5,
    "enumerator": -1.5,
    "note_left_open": -4.0,
    "note_closed": -4.0,
    "jump": -6.0,
    "topic": 3.0,
}

_QUOTES = '"“”'
#: A note in brackets opened after a finished sentence and not closed (…平安过节！（市安监):
#: the paragraph's closing credit or source, cut at a column break.
_OPEN_NOTE = re.compile(r'[。！？!?…"”][\s]*[(（][^()（）]*$')
#: Where a continuation closes such a note, before any sentence ends.
_CLOSES_NOTE = re.compile(r'^[^()（）。！？!?]*[)）]')
#: The rest of such a note, closing it (记者张小红）): the paragraph ends there.
_NOTE_TAIL = re.compile(r'^[^()（）。！？!?]{1,24}[)）]$')
#: An enumerated item: ——"借船出海"…, or the same with the dash misread as 一/一一.
_ENUMERATOR = re.compile(r'^(?:——|—|一一|一)(?=["“])|^——')


@dataclass(frozen=True)
class _Body:
    frag: Fragment
    text: str  # raw text, pieces joined
    style: str  # "line" (short: one printed line) or "block"
    after_header: bool  # first body fragment after an article header
    lead: bool  # the lead paragraph, split from a dateline byline on the same line
    indented: bool = False  # a printed line shorter than its column by an indent
    full: bool = False  # a printed line as wide as its column: the text goes on
    jumps: bool = False  # a jump marker that cuts the text follows (（下转第2版）)
    opens: bool | None = None  # a block whose first printed line is indented (True) or full


class _Evidence:
    """A running score and the reasons for it, one per piece of evidence."""

    def __init__(self) -> None:
        self.score = 0.0
        self.reasons: list[str] = []

    def add(self, value: float, why: str) -> None:
        self.score += value
        self.reasons.append(f"{why} ({value:+.1f})")


def _left_evidence(ev: _Evidence, a: _Body, left: str) -> None:
    """What the left end needs: it stops mid-sentence, or mid printed line."""
    g, w = genre(), WEIGHTS
    if a.style == "line" and g.ends_open(left):
        ev.add(w["printed_line"], "left end is one printed line of a column")
    elif a.full:
        ev.add(w["full_line"], "left end fills a printed line of a column")
    elif g.ends_open(left):
        ev.add(w["open_end"], "left end stops without terminal punctuation")
    if g.ends_with_non_final(left):
        ev.add(w["non_final"], f"left end stops on a function word '{left[-2:]}'")
    width, tail = textmod.printed_line_width(left), textmod.tail_after_last_space(left)
    if width is not None and tail is not None:
        off = min(abs(tail - k * width) for k in range(1, 4))
        if off <= 2:
            ev.add(w["line_end"], "left end stops at the end of a printed line")
        elif off >= 4:
            ev.add(w["short_tail"], "left end stops mid printed line")


def _right_evidence(ev: _Evidence, a: _Body, b: _Body, right: str, adjacent: bool) -> None:
    """What the right end needs: it cannot start a sentence, or it opens a column (for a
    block, a column further down the page: a block does not go back up into the text
    under a header above it)."""
    g, w = genre(), WEIGHTS
    if adjacent or b.after_header:
        if g.starts_as_continuation(right):
            ev.add(w["non_initial"], f"continuation starts with '{right[0]}'")
        elif first_word(right) in g.non_initial_words:
            ev.add(w["non_initial"],
                   f"continuation starts with the particle '{first_word(right)}'")
        elif g.quantity_start.match(right):
            ev.add(w["quantity_start"], "continuation starts with a bare quantity clause")
    if b.indented and b.style == "line":
        ev.add(w["indented"], "continuation is indented like the first line of a paragraph")
    if b.opens is True:
        ev.add(w["opens_paragraph"], "continuation's first printed line is indented: it "
                                     "opens a paragraph")
    elif b.opens is False:
        ev.add(w["goes_on"], "continuation's first printed line is full: it goes on from "
                             "a column above")
    if b.after_header and not a.after_header and not b.indented \
            and (a.style == "line" or b.frag.index > a.frag.index) \
            and right[:1] not in _QUOTES and not right.startswith("——"):
        ev.add(w["after_header"], "continuation opens a column under a header")


def _word_evidence(ev: _Evidence, a: _Body, left: str, right: str) -> None:
    """A dictionary word across the join, or a left end broken off inside a word."""
    g, w = genre(), WEIGHTS
    gain = min(4.0, join_gain(left, right))
    if gain >= 0.3:
        ev.add(w["lexical"] * gain, f"word across the join '{left[-2:]}|{right[:2]}'")
        return
    tail = last_word(left)
    if (a.style == "block" and len(tail) == 1 and "\u4e00" <= tail <= "\u9fff"
            and tail not in g.non_final and word_frequency(tail) < RARE_SINGLE
            and not left[-2:-1].isdigit()):
        ev.add(w["broken_word"], f"left end breaks off after '{tail}', which the "
                                 "continuation does not complete")


def _place_evidence(ev: _Evidence, b: _Body, *, adjacent: bool, next_in_column: bool,
                    apart: int) -> None:
    """Where the two fragments are on the page, relative to each other."""
    w = WEIGHTS
    if adjacent:
        ev.add(w["next_in_column"], "next fragment on the page")
    elif next_in_column:
        ev.add(w["next_in_column"], "next fragment in the same column")
    elif not b.after_header:
        ev.add(max(-3.0, w["distance"] - 0.05 * apart), f"fragments far apart ({apart} between)")


def score_join(
    a: _Body, b: _Body, *, adjacent: bool, next_in_column: bool, vectors: Vectors,
    context: tuple[str, str] | None = None, apart: int = 0,
) -> tuple[float, tuple[str, ...]]:
    """Score the evidence that fragment ``b`` directly continues fragment ``a``.

    Evidence about ``b`` alone (it cannot start a sentence) counts only when ``b`` is
    the next fragment on the page; far-apart fragments need evidence about the pair.
    ``context`` gives the texts of the chains the two fragments are already part of.
    """
    w, ev = WEIGHTS, _Evidence()
    left, right = a.text.rstrip(), b.text.lstrip()
    ctx_left, ctx_right = context or (left, right)
    _left_evidence(ev, a, left)
    _right_evidence(ev, a, b, right, adjacent)
    if textmod.quote_open(ctx_left):
        ev.add(w["inside_quote"], "left end stops inside an open quotation")
    _word_evidence(ev, a, left, right)
    _place_evidence(ev, b, adjacent=adjacent, next_in_column=next_in_column, apart=apart)
    if _ENUMERATOR.match(right):
        ev.add(w["enumerator"], "continuation opens an enumerated item (——)")
    if a.jumps:
        ev.add(w["jump"], "left end is cut by a jump to another page")
    if _NOTE_TAIL.match(left.strip()):
        ev.add(w["note_closed"], "left end closes a note opened before it: the "
                                 "paragraph ends there")
    if _OPEN_NOTE.search(ctx_left) and not _CLOSES_NOTE.match(right):
        ev.add(w["note_left_open"], "left end stops inside a closing note that the "
                                    "continuation does not close")
    if right[:1] in _QUOTES and not textmod.quote_open(ctx_left if context else left):
        ev.add(w["opening_quote"], "continuation opens a new quotation")
    topic = vectors.cosine(ctx_left, ctx_right)
    if topic > 0.02:
        ev.add(w["topic"] * topic, f"shared vocabulary (cosine {topic:.2f})")
    return ev.score, tuple(ev.reasons)


def _set_width(text: str) -> float:
    """Printed width of a line without a punctuation mark hung past its end (a mark that
    may not start a line is set at the end of the line before, beyond the column)."""
    body = text.rstrip()
    if body[-1:] and body[-1] in genre().non_initial:
        body = body[:-1]
    return textmod.display_width(body)


def _mark_indents(bodies: list[_Body]) -> list[_Body]:
    """Mark the printed lines of narrow columns that are indented or full.

    A run of consecutive short fragments is one narrow column; its width is the width
    of its longer lines. Chinese paragraphs open with a two-character indent, so a line
    about two characters short that goes on mid-sentence opens a paragraph (a last line
    is short too, but ends with terminal punctuation). A line as wide as its column
    goes on even if it happens to end with a full stop: widths are measured without a
    mark hung past the column (:func:`_set_width`), so a full line may end with its full
    stop inside the column or hung past it. A lead is not measured (its printed line
    begins with the byline).
    """
    out = list(bodies)
    i = 0
    while i < len(out):
        if out[i].style != "line":
            i += 1
            continue
        j = i + 1  # a column: consecutive printed lines, not broken by a header
        while j < len(out) and out[j].style == "line" \
                and out[j].frag.index == out[j - 1].frag.index + 1:
            j += 1
        if j - i >= 3:
            # a lead shares its printed line with the byline before it: its width is
            # not a line's width
            widths = [None if b.lead else _set_width(b.text) for b in out[i:j]]
            for k in range(i, j):
                b = out[k]
                if b.lead:
                    continue
                # the column's width near this line (articles set in columns of
                # different widths follow each other): upper quartile of its neighbours
                near = sorted(x for x in widths[max(0, k - i - COLUMN_WINDOW):
                                                k - i + COLUMN_WINDOW + 1] if x is not None)
                column = near[(3 * len(near)) // 4]
                short_by = column - _set_width(b.text)
                # a full line may end inside the column or with a mark hung past it
                over = textmod.display_width(b.text.rstrip()) - column
                out[k] = replace(
                    b, indented=genre().ends_open(b.text) and 2 <= short_by <= 4.5,
                    full=short_by <= 1.0 and -0.5 <= over <= 1.5 and k + 1 < j)
        i = j
    return out


def _bodies(frags: list[Fragment]) -> list[_Body]:
    from .structure import cuts_text

    out = []
    prev_kind, prev = None, None
    for n, f in enumerate(frags):
        if f.kind == "body":
            text = textmod.join_pieces(f.pieces)
            short = len(text) <= PRINTED_LINE_MAX
            lead = prev is not None and prev.kind == "byline" and \
                prev.spans[-1].line == f.spans[0].line
            jumps = n + 1 < len(frags) and frags[n + 1].kind == "marker" \
                and cuts_text(frags[n + 1])
            out.append(_Body(f, text, "line" if short else "block",
                             after_header=prev_kind in OPENS_COLUMN, lead=lead, jumps=jumps,
                             opens=None if short else textmod.first_line_opens(text)))
        prev_kind, prev = f.kind, f
    return _mark_indents(out)


class _Chooser:
    """The joins chosen so far (each fragment at most one successor and predecessor)
    and the page's body fragments in page order, for :func:`choose_joins`."""

    def __init__(self, bodies: list[_Body], vectors: Vectors) -> None:
        self.bodies, self.vectors = bodies, vectors
        self.order = {b.frag.index: i for i, b in enumerate(bodies)}
        self.by_index = {b.frag.index: b for b in bodies}
        # The next fragment of the same style, past those of the other between them: a
        # block's next block past the printed lines of a narrow column, not past one
        # short fragment alone (the tail of a paragraph cut at a column break).
        self.next_same: dict[int, int] = {}
        for i, b in enumerate(bodies):
            k = next((k for k in range(i + 1, len(bodies)) if bodies[k].style == b.style),
                     None)
            c = None if k is None or (b.style == "block" and k == i + 2) else bodies[k]
            if c is not None:
                self.next_same[b.frag.index] = c.frag.index
        self.succ: dict[int, int] = {}
        self.pred: dict[int, int] = {}
        self.chosen: list[Join] = []
        self.scored: list[Join] = []

    def head(self, node: int) -> int:
        while node in self.pred:
            node = self.pred[node]
        return node

    def chain_text(self, node: int) -> str:
        node = self.head(node)
        parts = [self.by_index[node].text]
        while node in self.succ:
            node = self.succ[node]
            parts.append(self.by_index[node].text)
        return "".join(parts)

    def take(self, candidates: list[Join]) -> None:
        """Choose joins best-first; skip those that would give a fragment a second
        successor or predecessor, or close a cycle."""
        candidates.sort(key=lambda j: (-j.score, j.left, j.right))
        for j in candidates:
            if j.left in self.succ or j.right in self.pred:
                continue
            node, cycle = j.right, False
            while node in self.succ:
                node = self.succ[node]
                if node == j.left:
                    cycle = True
                    break
            if not cycle:
                self.succ[j.left], self.pred[j.right] = j.right, j.left
                self.chosen.append(j)

    def candidate(self, a: _Body, b: _Body, round_: int) -> Join | None:
        """The scored join a → b in this round, or None if the pair is not a candidate."""
        if b is a or b.lead or b.frag.index in self.pred:
            return None
        if self.head(a.frag.index) == b.frag.index:
            return None  # would close a cycle
        adjacent = self.order[b.frag.index] == self.order[a.frag.index] + 1
        if not adjacent and not genre().ends_open(a.text):
            return None  # a full line that ends a sentence goes on only into the next line
        if not adjacent and len(b.text.strip()) <= 2 and genre().starts_as_continuation(b.text):
            return None  # punctuation displaced into a heading ends the text above it
        if round_ == 1:
            if not adjacent and join_gain(a.text, b.text) < 2.0:
                return None
            context = None
        else:
            context = (self.chain_text(a.frag.index), self.chain_text(b.frag.index))
        apart = abs(self.order[b.frag.index] - self.order[a.frag.index]) - 1
        score, evidence = score_join(
            a, b, adjacent=adjacent, next_in_column=self.next_same.get(a.frag.index)
            == b.frag.index, vectors=self.vectors, context=context, apart=apart)
        return Join(a.frag.index, b.frag.index, round(score, 3), (f"round {round_}",) + evidence)

    def round(self, open_ends: list[_Body], round_: int) -> None:
        candidates = []
        for a in open_ends:
            if a.frag.index in self.succ:
                continue
            at = self.order[a.frag.index]
            window = self.bodies[max(0, at - CANDIDATE_WINDOW):at + CANDIDATE_WINDOW + 1]
            if round_ == 1:  # a far pair needs a word across the join: a junction first
                tail = a.text[-1:]
                window = [b for b in window if self.order[b.frag.index] == at + 1
                          or tail and b.text[:1] and tail + b.text[0] in junctions()]
            for b in window:
                j = self.candidate(a, b, round_)
                if j is not None:
                    self.scored.append(j)
                    if j.score > THRESHOLD:
                        candidates.append(j)
        self.take(candidates)


def choose_joins(bodies: list[_Body], vectors: Vectors) -> tuple[list[Join], list[Join]]:
    """All scored candidates, and the joins chosen best-first under the constraints.

    Round 1 takes local evidence: neighbours on the page, and far-apart pairs that form
    a dictionary word across the join. Round 2 links the remaining open ends to the
    remaining column continuations, using the vocabulary of the chains built so far.
    Round 3: an open end still unjoined goes on into the fragment right below it
    (nothing between them on the page), when that one is free and the evidence, though
    below the threshold, is not against it.
    """
    chooser = _Chooser(bodies, vectors)
    open_ends = [a for a in bodies if a.full or genre().ends_open(a.text)]
    chooser.round(open_ends, 1)
    chooser.round(open_ends, 2)
    last = {(j.left, j.right): j for j in chooser.scored if j.evidence[0] == "round 2"}
    chooser.take([j for a in open_ends if a.frag.index not in chooser.succ
                  and (j := last.get((a.frag.index, a.frag.index + 1))) is not None
                  and j.score >= LAST_RESORT])
    scored = sorted(chooser.scored, key=lambda j: (-j.score, j.left, j.right))
    return scored, chooser.chosen
