"""Every number in a chapter's prose comes from a computation (issue 20, §2).

A Markdown cell may state a number only if the reader can see where it comes from:

- it is **glued**: written as a ``{glue:text}`name:fmt``` role, whose value a cell
  computed (``myst_nb.glue(name, value, display=False)``); or
- it is **printed on the page itself**: the same value (``37,000`` = ``37000``,
  ``95`` = ``95.0``) appears in a visible output of the executed notebook — printed
  text, a table, Markdown — not in an image, not in a cell tagged ``remove-cell`` or
  ``remove-output``, not in a glued value (a glued value must be pasted, not retyped); or
- it is not a figure at all: inside a code span, a code block, a role (citations,
  cross-references, glossary terms), a link target, a directive's options or an HTML
  tag; a list marker (``1.``); part of a name (``F1``, ``5G``, ``5A级``, ``SHA-256``,
  ``20th``); a reference to a chapter, exercise, figure or section of the book
  (``chapter 2``, ``exercises 3 and 4``); a date (a day, month and year in words, such as
  ``31 January 2024`` or ``August 2024``: facts of the page or of a cited source); a year
  the page itself prints (``2023`` where the seed has ``2023年``); a reading time
  (``20 min``); or one of the few phrases in :data:`FACTS_OF_THE_TEXT`, each with the
  reason it is a fact of the text and not a result; or
- it is a **quotation** of the page: written inside Chinese text (``近3.7万``,
  ``今年6月29日``), and that Chinese text appears in the notebook's outputs (the chapter
  prints the article it quotes).

The same executed chapters are checked for §3 of the issue, one text: every chapter
shows the corrected text (``book/how-to-use.md``), so the words an applied correction
replaced never appear unmarked in an output — only struck through
(``<del>字</del><ins>宇</ins>``), or on a printed line labelled ``raw:`` or ``clean:``,
which shows an earlier form of the text on purpose.

What is "the same number" is deliberately strict: a rounded value (``19`` for a printed
``18.73``) is a typed number and must be glued with a format, so that it changes when
the computation does. Numbers written as words (``three parts``) are not checked.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation

import nbformat
import pytest
from conftest import SEED, execute_notebook, toc_notebooks
from myst_nb.core.variables import format_plain_text

#: Phrases whose numbers are facts of the text, not computations; each with its reason.
FACTS_OF_THE_TEXT = {
    "per 1,000": "a unit of a rate (per thousand), chosen by the writer",
    "in 1,000": "a unit of a rate (per thousand), chosen by the writer",
    "thousand characters": "a unit of a rate, chosen by the writer",
    "1 second is 1,000 milliseconds": "a definition the page itself gives",
    "亿元 is 100 million yuan": "the definition of a unit",
    "20–30 characters": "a general figure about other genres, not about this page",
    "2021 revision": "the year of the Work Safety Law's revision (a fact of the law)",
    "(2008)": "the year of a cited publication",
    "the 1998 file": "the name of the evaluation corpus (People's Daily, January 1998)",
}

#: Years the seed page prints (2023年): facts of the page's text.
YEARS_ON_THE_PAGE = frozenset(re.findall(r"(\d{4})年", SEED.read_text(encoding="utf-8")))
CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
QUOTE = re.compile(rf"[{CJK}\d.,%]*[{CJK}][{CJK}\d.,%]*")

GLUE_MIME = "application/papermill.record/"
PRIORITY = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown",
            "text/latex", "text/plain")  # myst-nb's order for HTML output
HIDDEN = {"remove-cell", "remove-output"}

NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
          "November|December")
NOT_FIGURES = [
    # a reference to a part of the book
    re.compile(r"\b(?:chapters?|exercises?|figures?|sections?|§)\s*\d+"
               r"(?:\s*(?:,|and|or|–|-)\s*\d+)*", re.I),
    # a date: (day) month year, or day month
    re.compile(rf"\b(?:\d{{1,2}}\s+)?(?:{MONTHS})(?:\s+\d{{1,2}},)?\s+\d{{4}}\b"),
    re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS})\b"),
    # a reading time in a prerequisites table
    re.compile(r"\b\d+\s*min\b"),
    *[re.compile(r"\s+".join(map(re.escape, p.split()))) for p in FACTS_OF_THE_TEXT],
]


def prose(markdown: str) -> str:
    """The text of a Markdown cell that a reader reads as prose: code, roles, link
    targets, directive options, HTML tags and list markers blanked out (replaced by
    spaces, so that the numbers around them stay apart)."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    out, fence = [], None
    for line in markdown.splitlines():
        opened = re.match(r"\s*(`{3,}|:{3,})(.*)", line)
        if fence is None and opened:
            fence = (opened.group(1), opened.group(2).strip().startswith("{"))
            out.append("")
            continue
        if fence is not None and line.strip().startswith(fence[0]):
            fence = None
            out.append("")
            continue
        if fence is not None and (not fence[1] or re.match(r"\s*:\w[\w-]*:", line)):
            out.append("")  # code, or a directive's option: not prose
            continue
        out.append(line)
    text = "\n".join(out)
    text = re.sub(r"<!--.*?-->", blank, text, flags=re.S)
    text = re.sub(r"\{[\w:.-]+\}(`+)(?:(?!\1).)+?\1", blank, text)  # roles, glue roles
    text = re.sub(r"(`+)(?:(?!\1).)+?\1", blank, text, flags=re.S)  # code spans
    text = re.sub(r"\]\([^)]*\)", blank, text)  # link targets
    text = re.sub(r"https?://\S+", blank, text)
    text = re.sub(r"<[^>]+>", blank, text)  # HTML tags
    text = re.sub(r"^\s*\(\w[\w-]*\)=", blank, text, flags=re.M)  # labels
    text = re.sub(r"^(\s*(?:#+\s+)?)(\d+)\.(?=\s)", lambda m: m.group(1) + " " * (len(m.group(2)) + 1),
                  text, flags=re.M)  # numbered list markers and headings
    return text


def value(token: str) -> Decimal | None:
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def stated_numbers(markdown: str) -> list[tuple[str, str, str | None]]:
    """``(number, context, quotation)`` for every number a Markdown cell states as a
    figure; ``quotation`` is the Chinese text around the number (近3.7万), if any."""
    text = prose(markdown)
    covered = [False] * len(text)
    for pattern in NOT_FIGURES:
        for m in pattern.finditer(text):
            covered[m.start():m.end()] = [True] * (m.end() - m.start())
    found = []
    for m in NUMBER.finditer(text):
        s, e = m.span()
        before, after = text[max(0, s - 2):s], text[e:e + 1]
        if any(covered[s:e]):
            continue
        if re.search(r"[A-Za-z][-_]?$", before) or re.match(r"[A-Za-z_]", after):
            continue  # part of a name: F1, SHA-256, 5G, 5A级, 20th
        if m.group(0) in YEARS_ON_THE_PAGE:
            continue
        quote = next((q.group(0).strip(".,") for q in QUOTE.finditer(text)
                      if q.start() <= s and e <= q.end()), None)
        context = " ".join(text[max(0, s - 30):e + 30].split())
        found.append((m.group(0), context, quote))
    return found


def _shown_outputs(cells):
    """The outputs of the code cells a reader sees (hidden cells left out)."""
    for cell in cells:
        if cell.cell_type == "code" and not HIDDEN & set(cell.metadata.get("tags", [])):
            yield from cell.get("outputs", [])


def visible_text(cells) -> str:
    """Everything these executed cells show a reader in their outputs, as text."""
    shown = []
    for out in _shown_outputs(cells):
        if out.get("output_type") == "stream":
            shown.append(out.get("text", ""))
            continue
        data = {k: v for k, v in out.get("data", {}).items()
                if not k.startswith(GLUE_MIME)}
        kind = next((k for k in PRIORITY if k in data), None)
        if kind in ("text/html", "text/markdown", "text/plain", "text/latex"):
            body = data[kind]
            body = "".join(body) if isinstance(body, list) else body
            if kind == "text/html":
                body = re.sub(r"<(style|script)\b.*?</\1>", " ", body, flags=re.S)
                body = html.unescape(re.sub(r"<[^>]+>", " ", body))
            shown.append(body)
    return "\n".join(shown)


def printed_values(text: str) -> set[Decimal]:
    """Every number in ``text``: as written, and each comma-separated piece (``7,43``
    is two line numbers, ``37,000`` one count)."""
    found = set()
    for m in NUMBER.finditer(text):
        for token in (m.group(0), *m.group(0).split(",")):
            v = value(token)
            if v is not None:
                found.add(v)
    return found


def glued(nb) -> dict[str, str]:
    """``name -> text/plain`` of every value glued in the notebook."""
    out = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            record = o.get("metadata", {}).get("scrapbook", {})
            plain = o.get("data", {}).get(GLUE_MIME + "text/plain")
            if record.get("name") and plain is not None:
                out[record["name"]] = "".join(plain) if isinstance(plain, list) else plain
    return out


def unsupported(nb) -> list[str]:
    """Numbers stated in Markdown cells that are neither glued, nor printed above them,
    nor quoted from Chinese text the notebook prints, as ``cell N: 'number' in
    '…context…'``."""
    everything = visible_text(nb.cells)
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        stated = stated_numbers(cell.source)
        printed = printed_values(visible_text(nb.cells[:i])) if stated else set()
        for number, context, quote in stated:
            if value(number) not in printed and not (quote and quote in everything):
                problems.append(f"cell {i}: {number!r} in '…{context}…'")
    return problems


def bad_glue(nb) -> list[str]:
    """Glue roles that name no glued value, or whose format does not apply to it."""
    values, problems = glued(nb), []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for role, content in re.findall(r"\{(glue(?::\w*)?)\}`([^`]+)`", cell.source):
            key, _, fmt = content.rpartition(":") if ":" in content else (content, "", "")
            if key not in values:
                problems.append(f"cell {i}: {{{role}}}`{content}`: nothing glued as {key!r}")
                continue
            if role == "glue:text":
                try:
                    format_plain_text(values[key], fmt)
                except (ValueError, TypeError) as error:
                    problems.append(f"cell {i}: {{{role}}}`{content}`: {error}")
    return problems


def shown_text(cells) -> str:
    """The text a reader reads in these cells' outputs, struck-through text left out
    and lines labelled ``raw:`` or ``clean:`` (an earlier form, on purpose) skipped."""
    shown = []
    for out in _shown_outputs(cells):
        if out.get("output_type") == "stream":
            shown.extend(line for line in out.get("text", "").splitlines()
                         if not re.match(r"\s*(raw|clean)\s*:", line))
            continue
        body = out.get("data", {}).get("text/html") or out.get("data", {}).get(
            "text/plain", "")
        body = "".join(body) if isinstance(body, list) else body
        body = re.sub(r"<(style|script|del)\b.*?</\1>", "", body, flags=re.S)
        shown.append(html.unescape(re.sub(r"<[^>]+>", "", body)))
    return "\n".join(shown)


def uncorrected(nb, audit) -> list[str]:
    """Applied corrections of ``audit`` whose original text (with three characters of
    context each side) the notebook shows unmarked. A reported finding quotes the clean
    text it is about (its ``original``, which a table of findings or flags prints); such
    quotations are not the article's text and are left out first."""
    text = shown_text(nb.cells)
    for quoted in sorted({f.original for f in audit.findings if not f.applied}, key=len,
                         reverse=True):
        text = text.replace(quoted, " ")
    problems = []
    for f in audit.findings:
        if not f.applied:
            continue
        clean = audit.text(f.article, f.paragraph)
        stale = clean[max(0, f.start - 3):f.start] + f.original + clean[f.end:f.end + 3]
        if stale in text:
            problems.append(f"{stale!r} shown without the correction {f.suggestion!r} "
                            f"(article {f.article}, paragraph {f.paragraph})")
    return problems


@pytest.fixture(scope="module")
def seed_audit():
    import zhpaper

    return zhpaper.audit(zhpaper.read_page(SEED))


# --- The rule itself, on small examples (no kernel) ---------------------------------------

def test_a_typed_figure_is_found():
    assert [n for n, *_ in stated_numbers("The article has 1,216 characters.")] == ["1,216"]
    assert [(n, q) for n, _, q in stated_numbers("近3.7万 units, 97.7%")] == [
        ("3.7", "近3.7万"), ("97.7", None)]


def test_what_is_not_a_figure():
    cell = """## 1. Overview
1. First objective, as in chapter 2 and exercises 3 and 4.
See {glue:text}`n:.0f` and {cite:p}`monroe2008fightin`, `rate=0.02`, F1, 5G, 5A级,
SHA-256, the 20th congress, [a link](https://example.org/2024/1.html), on 31 January
2024 and in August 2024, 20 min, rates per 1,000 units.
```{exercise-start}
:label: ex-3
```
```python
x = 42
```
"""
    assert stated_numbers(cell) == []


def test_printed_values_read_tables_and_text():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(metadata={"tags": []})]
    nb.cells[0].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="units: 37,000 of 7,43\n"),
        nbformat.v4.new_output("display_data", data={
            "text/html": "<style>td{padding:0.6em}</style><td>95.0</td>",
            "text/plain": "999"}),
    ]
    printed = printed_values(visible_text(nb.cells))
    assert {Decimal(37000), Decimal(7), Decimal(43), Decimal(95)} <= printed
    assert Decimal("0.6") not in printed  # a style, not shown
    assert Decimal(999) not in printed  # the HTML is shown instead


def test_an_uncorrected_text_is_found(seed_audit):
    f = next(f for f in seed_audit.findings if f.applied and f.kind == "confusion")
    clean = seed_audit.text(f.article, f.paragraph)
    before, after = clean[f.start - 3:f.start], clean[f.end:f.end + 3]

    def shown(html_text):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell()]
        nb.cells[0].outputs = [nbformat.v4.new_output(
            "display_data", data={"text/html": html_text, "text/plain": ""})]
        return nb

    assert len(uncorrected(shown(f"<p>{before}{f.original}{after}</p>"), seed_audit)) == 1
    marked = f"<p>{before}<del>{f.original}</del><ins>{f.suggestion}</ins>{after}</p>"
    assert uncorrected(shown(marked), seed_audit) == []
    labelled = nbformat.v4.new_notebook()
    labelled.cells = [nbformat.v4.new_code_cell()]
    labelled.cells[0].outputs = [nbformat.v4.new_output(
        "stream", name="stdout", text=f"clean: {before}{f.original}{after}\n")]
    assert uncorrected(labelled, seed_audit) == []


def reads_as(marked: str) -> str:
    """What a reader reads in :func:`zhpaper.display.marked_text`'s HTML: no
    struck-through originals, no tags, no ``[lost_text]`` labels."""
    shown = re.sub(r"<del\b.*?</del>", "", marked)
    shown = re.sub(r"\s*<mark lang=\"en\"[^>]*>\[\w+\]</mark>", "", shown)
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


def test_marked_text_reads_as_the_corrected_text(seed_audit):
    from zhpaper.display import marked_text

    for a in seed_audit.page.articles:
        for n in range(1, len(a.paragraphs) + 1):
            assert reads_as(marked_text(seed_audit, a.id, n)) == seed_audit.corrected(a.id, n)


def test_a_correction_inside_a_reported_span_is_shown(seed_audit):
    from dataclasses import replace

    from zhpaper.display import marked_text

    fix = next(f for f in seed_audit.findings if f.applied and f.kind == "confusion")
    clean = seed_audit.text(fix.article, fix.paragraph)
    start, end = max(0, fix.start - 2), min(len(clean), fix.end + 2)
    around = replace(fix, kind="garbled", rule="garbled", applied=False, suggestion=None,
                     start=start, end=end, original=clean[start:end])
    audit = replace(seed_audit, findings=(around, fix))
    marked = marked_text(audit, fix.article, fix.paragraph)
    assert re.search(r"<mark title=[^>]*>[^<]*<del", marked)
    assert reads_as(marked) == audit.corrected(fix.article, fix.paragraph)


# --- The check can fail: a small notebook, executed -----------------------------------------

def small_notebook(tmp_path, prose_cell: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("n = 1216 + 3\nprint('characters:', n - 3)"),
        nbformat.v4.new_code_cell("from myst_nb import glue\nglue('n', n, display=False)",
                                  metadata={"tags": ["remove-cell"]}),
        nbformat.v4.new_markdown_cell(prose_cell),
    ]
    path = tmp_path / "small.ipynb"
    nbformat.write(nb, path)
    return execute_notebook(path)


@pytest.mark.notebook
def test_the_check_fails_on_a_typed_number(tmp_path):
    typed = small_notebook(tmp_path, "The article has 1,219 characters.")
    assert unsupported(typed) == ["cell 2: '1,219' in '…The article has 1,219 characters.…'"]
    printed = small_notebook(tmp_path, "The article has 1,216 characters.")
    assert unsupported(printed) == []
    pasted = small_notebook(tmp_path, "It has {glue:text}`n:,.0f` characters.")
    assert unsupported(pasted) == [] and bad_glue(pasted) == []
    wrong = small_notebook(tmp_path, "It has {glue:text}`m:,.0f` characters.")
    assert bad_glue(wrong) == ["cell 2: {glue:text}`m:,.0f`: nothing glued as 'm'"]


# --- Every chapter ----------------------------------------------------------------------------

@pytest.mark.notebook
@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_prose_and_text_agree_with_the_outputs(path, seed_audit):
    """Every number in the prose glued or printed; the corrected text shown throughout
    (one execution for both checks)."""
    nb = execute_notebook(path)
    problems = bad_glue(nb) + unsupported(nb) + uncorrected(nb, seed_audit)
    assert not problems, "\n".join(problems)
