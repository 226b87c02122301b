"""The whole book builds in force mode with -n -W --keep-going, with no warning."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, offline_prefix

JB = Path(sys.executable).with_name("jupyter-book")


@pytest.fixture(scope="module")
def built_book(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "force"
    # paths in the copied configuration must not depend on where the copy lives
    config["sphinx"]["local_extensions"] = {
        name: str(ROOT / path) for name, path in config["sphinx"]["local_extensions"].items()}
    cfg = out / "_config.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    prefix = offline_prefix() or []
    proc = subprocess.run(
        [*prefix, str(JB), "build", str(ROOT), "--path-output", str(out), "--config", str(cfg),
         "-n", "-W", "--keep-going"],
        capture_output=True, text=True, cwd=ROOT,
    )
    proc.offline = bool(prefix)
    return proc, out / "_build" / "html"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_book_builds_without_warnings(built_book):
    proc, html = built_book
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-5000:]
    assert "WARNING" not in log, log[-5000:]
    assert (html / "index.html").is_file()


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_every_toc_page_is_rendered(built_book):
    from conftest import toc_files

    _, html = built_book
    for name in toc_files():
        assert (html / f"{name}.html").is_file(), name


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_exercises_are_numbered_per_chapter(built_book):
    # book/_ext/exercise_numbers.py: Exercise 1, 2, … in every chapter, and each
    # solution names its own exercise's number
    _, html = built_book
    chapters = 0
    for path in sorted((html / "notebooks").glob("*.html")):
        page = path.read_text(encoding="utf-8")
        titles = [int(n) for n in re.findall(
            r'class="admonition-title"><span class="caption-number">Exercise (\d+) ', page)]
        if not titles:
            continue
        chapters += 1
        assert titles == list(range(1, len(titles) + 1)), (path.name, titles)
        solved = [int(n) for n in re.findall(r"Solution to<a [^>]*> Exercise (\d+)<", page)]
        assert solved == titles, (path.name, solved)
    assert chapters >= 5


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_rendered_chapters_show_chinese_and_figures(built_book):
    _, html = built_book
    import re

    page = (html / "notebooks" / "01_reading_the_page.html").read_text(encoding="utf-8")
    assert "首府扎实推进安全生产治本攻坚三年行动" in page
    images = re.findall(r'<img[^>]+src="([^"]+\.png)"', page)
    assert images, "the page map figure is missing"
    for src in images:
        assert (html / "notebooks" / src).resolve().is_file(), src


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_book_builds_offline(built_book):
    """The build above ran in a network namespace with only loopback: no connection out
    was possible, and every notebook still executed."""
    proc, html = built_book
    if not proc.offline:
        pytest.skip("this machine cannot create a network namespace (needs root and unshare)")
    assert proc.returncode == 0
    assert (html / "notebooks" / "01_reading_the_page.html").is_file()


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_chinese_search_finds_policy_terms(built_book):
    """Sphinx's Chinese search index (jieba + the library's dictionary) has whole terms."""
    import json

    _, html = built_book
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(text[text.index("(") + 1:text.rindex(")")])["terms"]
    for term in ["算力", "新质生产力", "治本攻坚", "和林格尔新区"]:
        assert term in terms, term


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_launch_buttons_point_at_real_notebooks(built_book):
    import re
    from urllib.parse import unquote

    _, html = built_book
    page = (html / "notebooks" / "01_reading_the_page.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(https://(?:mybinder\.org|colab\.research\.google\.com)[^"]+)"',
                       page)
    assert any("mybinder" in u for u in links) and any("colab" in u for u in links)
    for url in links:
        path = re.search(r"(notebooks/[^?&\"]+\.ipynb)", unquote(url))
        assert path, url
        assert (ROOT / path.group(1)).is_file(), url
    assert (ROOT / "apt.txt").read_text().split() == ["fonts-noto-cjk"]  # Binder's CJK font


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_glossary_has_forty_terms_linked_from_chapters(built_book):
    import re

    _, html = built_book
    glossary = (html / "book" / "glossary.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<dt id="term-', glossary)) >= 40
    linked = 0
    for page in (html / "notebooks").glob("*.html"):
        linked += len(re.findall(r'href="[^"]*glossary\.html#term-', page.read_text("utf-8")))
    assert linked >= 5


def _chromium() -> str | None:
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="module")
def served(built_book):
    """The built book on a local HTTP server that records failed requests."""
    import functools
    import http.server
    import threading

    _, html = built_book
    failures: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, fmt, *args):  # quiet, but keep failures
            if len(args) > 1 and str(args[1]).startswith(("4", "5")):
                failures.append(f"{args[1]} {self.path}")

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(html)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", html, failures
    server.shutdown()


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_internal_links_and_images_resolve(built_book):
    import re
    from urllib.parse import unquote, urlsplit

    from conftest import toc_files

    _, html = built_book
    broken = []
    pages = [p for p in html.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) >= len(toc_files())
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"#?][^"]*)"', text):
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("mailto:", "data:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(html)} → {ref}")
    assert not broken, broken[:20]


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_every_page_in_a_real_browser(served):
    """Headless Chromium loads every page: no console errors, no failed requests.
    Screenshots are saved to _build/screenshots/ for a person to look at."""
    import subprocess
    import tempfile

    from conftest import toc_files

    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    base, html, failures = served
    shots = ROOT / "_build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    problems = []
    for name in toc_files():
        with tempfile.TemporaryDirectory() as profile:
            proc = subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 "--enable-logging=stderr", "--v=0", "--virtual-time-budget=4000",
                 "--window-size=1280,2400",
                 f"--screenshot={shots / (name.replace('/', '_') + '.png')}",
                 f"{base}/{name}.html"],
                capture_output=True, text=True, timeout=120)
        for line in proc.stderr.splitlines():
            if ":CONSOLE" in line and ("Uncaught" in line or "rror" in line
                                        or "Failed to load" in line):
                problems.append(f"{name}: {line.split('] ', 1)[-1][:200]}")
        assert (shots / (name.replace("/", "_") + ".png")).stat().st_size > 10_000, name
    assert not failures, failures
    assert not problems, problems


# --- Chinese marked as Chinese (issue 20, §4): book/_ext/zh_lang.py ---------------------

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CODE_TAGS = {"head", "script", "style", "code", "svg", "math", "title", "textarea", "template"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}


def _extension(name: str):
    import importlib.util

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "book" / "_ext" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


class LangAudit(HTMLParser):
    """Every piece of visible Chinese text in a page with the language it is marked as,
    and every image with Chinese in its alt text, read with the standard library's
    parser (not the extension's own)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # open elements: (tag, language, inside code?, id of the image label inside)
        self.stack: list[tuple[str, str, bool, str]] = [("#root", "en", False, "")]
        self.text: list[tuple[str, str]] = []  # (Chinese text, language it is in)
        self.marked_code: list[str] = []  # code or math that carries a Chinese lang
        self.images: list[tuple[str, str, str]] = []  # (alt, language, aria-labelledby)
        self.labels: dict[str, str] = {}  # id of a hidden label → its text

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        _, lang, code, label = self.stack[-1]
        classes = (a.get("class") or "").split()
        code = code or tag in CODE_TAGS or bool({"math", "cell_input"} & set(classes)) or any(
            c.startswith("highlight-") and c != "highlight-myst-ansi" for c in classes)
        if code and (a.get("lang") or "").startswith("zh"):
            self.marked_code.append(self.get_starttag_text())
        if HAN.search(a.get("alt") or "") and not code:
            self.images.append((a["alt"], a.get("lang") or lang, a.get("aria-labelledby", "")))
        if "hidden" in a and a.get("id"):
            label = a["id"]
            self.labels[label] = ""
        if tag not in VOID_TAGS:
            self.stack.append((tag, a.get("lang") or lang, code, label))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.stack.pop()

    def handle_endtag(self, tag):
        if any(frame[0] == tag for frame in self.stack[1:]):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        _, lang, code, label = self.stack[-1]
        if label:
            self.labels[label] += data
        if not code and HAN.search(data):
            self.text.append((data.strip(), lang))

    def unlabelled_images(self) -> list[str]:
        """Alt texts with Chinese that are neither in zh nor copied into a hidden label."""
        return [alt for alt, lang, label in self.images if not lang.startswith("zh")
                and self.labels.get(label) != alt]


def lang_audit(html: str) -> LangAudit:
    audit = LangAudit()
    audit.feed(html)
    audit.close()
    return audit


TRICKY = """<!DOCTYPE html><html lang="en"><head><title>安全 · safety</title>
<script>if (a < b && "<p>安全</p>") {}</script><style>p > b { }</style></head><body>
<!-- 注释 <p> --><p data-x="a > b">The kicker 压实责任 聚焦重点 and 3.7万家, 97.7%.<br>
<img src="x.png" alt="版面图"><img alt="A chart of 安全"/><P>unclosed 首府<li>x</li></p></p>
<table><tr><td>首府扎实推进安全生产治本攻坚三年行动</td><td lang="en">安全 (safety)</td></tr>
</table><div class="highlight-python"><pre>print("安全生产")</pre></div>
<span class="math notranslate">\\(安 + 全\\)</span><code>元字宙</code>
<div class="cell_output"><div class="output stream highlight-myst-ansi"><pre>kicker: 压实责任
headline: 首府扎实推进安全生产治本攻坚三年行动</pre></div></div>
<p>the words 安全 and 生产, 5G基站 and &quot;三个责任&quot;&amp;治本</p></body></html>"""


def test_lang_parse_gives_every_byte_back():
    zh = _extension("zh_lang")
    assert zh.source(zh.parse(TRICKY)) == TRICKY
    for page in ["", "plain", "<p>unclosed", "</p>stray", "a < b", "<p title='x>y'>安</p>"]:
        assert zh.source(zh.parse(page)) == page


def test_lang_marks_chinese_runs_and_mostly_chinese_elements():
    zh = _extension("zh_lang")
    out = zh.mark_chinese(TRICKY)
    span = '<span lang="zh-Hans">'
    assert f'The kicker {span}压实责任 聚焦重点</span> and {span}3.7万家</span>, 97.7%.' in out
    assert f"the words {span}安全</span> and {span}生产</span>, {span}5G基站</span>" in out
    assert f"&quot;{span}三个责任&quot;&amp;治本</span></p>" in out  # references stay whole
    assert '<td lang="zh-Hans">首府扎实推进安全生产治本攻坚三年行动</td>' in out
    assert f'<td lang="en">{span}安全</span> (safety)</td>' in out
    assert '<img src="x.png" alt="版面图" lang="zh-Hans">' in out
    # alt text mostly English: the image is labelled by a hidden copy with the run marked
    label = re.search(r'<img alt="A chart of 安全" aria-labelledby="(zh-alt-\w+-1)"/>'
                      r'<span id="\1" hidden>A chart of <span lang="zh-Hans">安全</span></span>',
                      out)
    assert label, out
    audit = lang_audit(out)
    assert audit.text and all(lang.startswith("zh") for _, lang in audit.text), audit.text
    assert not audit.marked_code and not audit.unlabelled_images()
    before = lang_audit(TRICKY)
    assert {lang for _, lang in before.text} == {"en"}  # the audit can fail
    assert before.unlabelled_images() == ["版面图", "A chart of 安全"]


def test_lang_never_changes_text_code_math_or_head():
    zh = _extension("zh_lang")
    out = zh.mark_chinese(TRICKY)
    head = TRICKY[:TRICKY.index("</head>")]
    assert out.startswith(head)
    for part in ['<div class="highlight-python"><pre>print("安全生产")</pre></div>',
                 '<span class="math notranslate">\\(安 + 全\\)</span>', "<code>元字宙</code>",
                 "<!-- 注释 <p> -->"]:
        assert part in out
    def text(page):
        page = re.sub(r'<span id="zh-alt-[^"]+" hidden>(?:<span[^>]*>[^<]*</span>|[^<])*</span>',
                      "", page)  # the hidden label of an image, not text of the page
        return re.sub(r"<[^>]+>", "", page)

    assert text(out) == text(TRICKY)
    assert zh.mark_chinese(out) == out  # a second run changes nothing
    english = "<html><body><p>No Chinese here.</p></body></html>"
    assert zh.mark_chinese(english) == english


def test_bibliography_style_keeps_the_titles_case():
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    style = _extension("bibstyle")
    style.setup(None)  # what Sphinx does: register the style with pybtex
    bib = parse_string("@misc{law, title = {中华人民共和国安全生产法 (Work Safety Law of the "
                       "People's Republic of China)}, year = {2021}}", "bibtex")

    def render(name):
        entry = next(iter(find_plugin("pybtex.style.formatting", name)()
                          .format_entries(bib.entries.values())))
        return entry.text.render_as("text")

    assert "Work Safety Law of the People's Republic of China" in render(style.NAME)
    assert "work safety law of the people's republic of china" in render("alpha")  # before


def _bib_entries():
    from pybtex.database import parse_file

    for bib in sorted((ROOT / "book").glob("references*.bib")):
        yield from parse_file(str(bib)).entries.values()


def _bib_title(title: str) -> str:
    title = title.replace("{", "").replace("}", "").replace("\\&", "&").replace("--", "–")
    return re.sub(r"\s+", " ", title.replace("``", "“").replace("''", "”"))


def check_bibliography(page: str) -> list[str]:
    """What the references page gets wrong: a title not as the .bib file writes it, an
    address or DOI that is not a link showing the address."""
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", page)))
    links = {(unescape(h), unescape(re.sub(r"<[^>]+>", "", t)).strip())
             for h, t in re.findall(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', page, re.S)}
    wrong = []
    for entry in _bib_entries():
        if _bib_title(entry.fields["title"]) not in text:
            wrong.append(f"{entry.key}: title {entry.fields['title']!r} not as written")
        if "url" in entry.fields and (entry.fields["url"],) * 2 not in links:
            wrong.append(f"{entry.key}: {entry.fields['url']} is not a link showing it")
        doi = entry.fields.get("doi")
        if doi and not any(h == f"https://doi.org/{doi}" for h, _ in links):
            wrong.append(f"{entry.key}: DOI {doi} is not a link")
    return wrong


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_lang_chinese_text_in_every_page_is_marked(built_book):
    _, html = built_book
    from conftest import toc_files

    for name in toc_files():
        page = (html / f"{name}.html").read_text(encoding="utf-8")
        audit = lang_audit(page)
        english = [t for t, lang in audit.text if not lang.startswith("zh")]
        assert not english, (name, english[:5])
        assert not audit.marked_code, (name, audit.marked_code[:3])
        assert not audit.unlabelled_images(), (name, audit.unlabelled_images()[:3])
    chapter = (html / "notebooks" / "10_safety.html").read_text(encoding="utf-8")
    # the article's text in a table cell, and a run of Chinese inside an English paragraph
    assert re.search(r'<td [^>]*lang="zh-Hans"[^>]*>[^<]*首府扎实推进安全生产治本攻坚三年行动',
                     chapter) or re.search(r'<td [^>]*lang="zh-Hans"[^>]*>[^<]*检查生产经营单位',
                                           chapter)
    assert re.search(r'<p>[A-Z][^<]*<span lang="zh-Hans">', chapter)
    code = re.findall(r'<div class="cell_input.*?</pre>', chapter, re.S)
    assert code and not any("zh-Hans" in c for c in code)


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_bibliography_keeps_case_and_links_addresses(built_book):
    _, html = built_book
    page = (html / "book" / "references.html").read_text(encoding="utf-8")
    assert "Work Safety Law of the People&#39;s Republic of China" in page or \
        "Work Safety Law of the People's Republic of China" in page
    assert not check_bibliography(page), check_bibliography(page)
    assert check_bibliography(page.replace("Work Safety Law", "work safety law"))  # can fail


def _dump_dom(browser: str, url: str) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=4000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "<body" in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_lang_in_the_browser_dom(served):
    """What a browser builds from a chapter and the references (after the theme's scripts
    ran): its Chinese text is in zh-Hans, code is not marked, the bibliography links."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    base, _, _ = served
    dom = _dump_dom(browser, f"{base}/notebooks/10_safety.html")
    audit = lang_audit(dom)
    assert len(audit.text) > 100
    english = [t for t, lang in audit.text if not lang.startswith("zh")]
    assert not english, english[:5]
    assert not audit.marked_code and not audit.unlabelled_images()
    assert audit.images  # the chapter's figures have Chinese words in their alt text
    assert ("首府扎实推进安全生产治本攻坚三年行动", "zh-Hans") in audit.text
    references = _dump_dom(browser, f"{base}/book/references.html")
    assert not check_bibliography(references), check_bibliography(references)
