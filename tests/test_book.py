"""The whole book builds in force mode with -n -W --keep-going, with no warning."""

from __future__ import annotations

import subprocess
import sys
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
