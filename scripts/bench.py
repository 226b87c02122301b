"""Benchmarks: the library on one page, at archive scale, the book build, the tests.

Usage: python scripts/bench.py [--pages 1000] [--quick] [--no-book] [--no-tests]
                               [--only SECTION]

Prints Markdown tables and writes them to book/benchmarks.md (an appendix of the book).
Every figure is measured when the script runs; nothing here is a timed test.
``--only reading`` (or ``page``, ``text``, ``archive``, ``book``, ``tests``) measures one
section again and replaces just that section of the file, saying when it was measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"
PY = sys.executable


#: Runs a command and prints the peak resident set of its largest process (kB) and the
#: CPU seconds of all its processes, as getrusage reports for waited-for descendants.
PEAK_RSS = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(u.ru_maxrss, u.ru_utime + u.ru_stime)")


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def library_on_one_page(runs: int) -> list[str]:
    import importlib
    import logging

    import jieba

    from zhpaper import lexicon, source
    from zhpaper.audit import audit

    rec = importlib.import_module("zhpaper.reconstruct")  # the module, not the function

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    src = source.load(SEED)
    rec.reconstruct(src)  # load dictionaries once, as any process would

    def cold(fn):  # per-page memo caches cleared: each run sees a new page
        def run():
            lexicon._best.cache_clear()
            rec._bigrams.cache_clear()  # zhpaper.cohesion.bigrams
            fn()
        return run

    page = rec.reconstruct(src)
    raw = "\n".join(src.lines)
    t_read = median_time(lambda: source.load(SEED), runs)
    t_rec = median_time(cold(lambda: rec.reconstruct(source.load(SEED))), runs)
    t_audit = median_time(cold(lambda: audit(page)), runs)
    t_jieba = median_time(lambda: jieba.lcut(raw), runs)
    whole = t_rec + t_audit
    ratio = whole / t_jieba
    return [
        f"The seed page ({len(src.lines)} lines, {len(raw):,} characters of raw Markdown), "
        f"median of {runs} in-process runs, interpreter start-up and dictionary loading "
        "excluded. The pipeline is what the library does today: read, reconstruct, audit.",
        "",
        "| step | ms | target | met |",
        "|---|---|---|---|",
        f"| read the file (decode, split lines) | {1000 * t_read:.1f} | | |",
        f"| read and reconstruct | {1000 * t_rec:.1f} | ≤ 100 | {_met(t_rec <= 0.1)} |",
        f"| audit the reconstructed page | {1000 * t_audit:.1f} | | |",
        f"| whole pipeline (read, reconstruct, audit) | {1000 * whole:.1f} | | |",
        f"| `jieba.lcut` over the raw text | {1000 * t_jieba:.1f} | | |",
        f"| pipeline ÷ jieba | {ratio:.1f}× | ≤ 2× | {_met(ratio <= 2)} |",
    ]


def text_layer(runs: int) -> list[str]:
    """The analyses on the reconstructed, audited seed page: tokens, keywords, facts."""
    import logging

    import jieba

    import zhpaper
    from zhpaper import entities, facts, keywords, tokens
    from zhpaper.corpus import units
    from zhpaper.evaluation import segmentation

    jieba.setLogLevel(logging.WARNING)
    page = zhpaper.read_page(SEED)
    result = zhpaper.audit(page)
    texts = [u.text for u in units(page, result)]
    chars = sum(map(len, texts))
    frame = tokens.tokens_frame(page, result)  # dictionaries and counts loaded once
    split = tokens._pku_split

    def cold(fn):  # the word-split memo cleared: each run sees new words
        def run():
            split.cache_clear()
            fn()
        return run

    plain = jieba.Tokenizer()
    plain.initialize()
    news = segmentation.pku_sample(10**6)
    news_text = ["".join(s) for s in news]
    news_chars = sum(map(len, news_text))
    rows = [
        ("`jieba.lcut`, every unit (plain jieba)",
         median_time(lambda: [plain.lcut(t) for t in texts], runs), chars),
        ("`tokens.cut`, every unit",
         median_time(cold(lambda: [tokens.cut(t) for t in texts]), runs), chars),
        ("`tokens.tokens_frame` (with the audit)",
         median_time(cold(lambda: tokens.tokens_frame(page, result)), runs), chars),
        ("`entities.entities_frame`",
         median_time(cold(lambda: entities.entities_frame(page, result)), runs), chars),
        ("`keywords.keywords` (TF-IDF, TextRank, Fightin' Words)",
         median_time(lambda: keywords.keywords(frame), max(3, runs // 5)), chars),
        ("`facts.facts_frame` + `checks_frame`",
         median_time(lambda: (facts.facts_frame(page, result),
                              facts.checks_frame(page, result)), runs), chars),
        (f"`tokens.cut`, held-out People's Daily ({len(news)} lines)",
         median_time(cold(lambda: [tokens.cut(t) for t in news_text]), 3), news_chars),
    ]
    out = [f"The seed page's text units after reconstruction and audit ({len(texts)} units, "
           f"{chars:,} characters), median of {runs} in-process runs after the dictionaries "
           "are loaded. Characters per second are of the text segmented (keywords, "
           "entities and facts work on the same page).", "",
           "| step | ms | characters/s |", "|---|---|---|"]
    out += [f"| {name} | {1000 * t:.1f} | {n / t:,.0f} |" for name, t, n in rows]
    return out


def _folder_runs(write_pages, command, pages: int, quick: bool) -> list[tuple]:
    """Run ``command(folder, out, jobs)`` (a ``python -m zhpaper`` command) on folders of
    100 and ``pages`` pages written by ``write_pages(folder, n)``, on one process and on
    every core: ``(pages, processes, seconds, pages/s, pages/s per core, peak RSS MB,
    CPU seconds)``."""
    work = Path(tempfile.mkdtemp(prefix="zhpaper-bench-"))
    rows = []
    try:
        sizes = [100, pages] if pages > 100 else [pages]
        folder = work / "pages"
        folder.mkdir()
        write_pages(folder, max(sizes))
        cores = os.cpu_count() or 1
        for n in sizes:
            sub = work / f"n{n}"
            sub.mkdir()
            for p in sorted(folder.iterdir())[:n]:
                os.link(p, sub / p.name)
            for jobs in ([1] if quick else [1, cores]):
                cmd = [PY, "-m", "zhpaper", *command(sub, work / f"out-{n}-{jobs}", jobs),
                       "--jobs", str(jobs), "--no-progress"]
                start = time.perf_counter()
                proc = subprocess.run([PY, "-c", PEAK_RSS, *cmd], capture_output=True,
                                      text=True, check=True)
                elapsed = time.perf_counter() - start
                peak_kb, cpu = proc.stdout.strip().splitlines()[-1].split()
                rows.append((n, jobs, elapsed, n / elapsed, n / elapsed / jobs,
                             int(peak_kb) / 1024, float(cpu)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def _rate_table(rows: list[tuple], per_core: float) -> list[str]:
    """The rows of :func:`_folder_runs` as a table, against ``per_core`` pages/s per core
    and 500 MB; pages per CPU second too (what the processes computed, whatever else
    the machine was running meanwhile)."""
    lines = [f"| pages | processes | seconds | pages/s | pages/s per core (≥ {per_core:g}) "
             "| pages per CPU second | peak RSS MB (≤ 500) |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {n} | {j} | {t:.1f} | {r:.1f} | {rc:.1f} "
              f"{'' if rc >= per_core else '(**no**)'} | {n / cpu:.1f} "
              f"| {m:.0f} {'' if m <= 500 else '(**no**)'} |"
              for n, j, t, r, rc, m, cpu in rows]
    return lines


def archive(pages: int, quick: bool) -> list[str]:
    from zhpaper.evaluation.damage import damage
    from zhpaper.evaluation.evaldata import eval_path

    articles = json.loads(eval_path("seed_articles.json").read_text("utf-8"))[
        "articles"]

    def write_pages(folder: Path, n: int) -> None:
        for i in range(n):
            (folder / f"p{i:05d}.md").write_text(damage(articles, i).markdown, "utf-8")

    rows = _folder_runs(write_pages, lambda sub, out, jobs: [
        "parse", str(sub), "--out", f"{out}.jsonl"], pages, quick)
    return [
        "Pages generated by `zhpaper.evaluation.damage` (the seeded page damager that imitates "
        "layout damage; see the README), parsed from a folder into one JSON Lines file with "
        "`python -m zhpaper parse DIR --out FILE --jobs N` (whole command, start-up "
        "included). Peak memory is the largest process's resident set (getrusage). "
        "The target is issue #22's for parse alone (≥ 30 pages/s per core); these pages "
        "are made from the seed page's five articles, so the corpus pages of the next "
        "section are the figure that counts.",
        "", *_rate_table(rows, 30),
        "", "Time should grow linearly from 100 to 1,000 pages; a short run pays "
        "relatively more for start-up."]


def _corpus_pages(folder: Path, n: int) -> None:
    """``n`` pages of the reconstruction corpus (the 1998 dev half laid out by
    :mod:`zhpaper.evaluation.layout`, the five tools' styles in turn) written to ``folder``."""
    from zhpaper import pd1998
    from zhpaper.evaluation import layout

    arts = pd1998.half("dev")
    for i in range(n):
        style = layout.STYLES[i % len(layout.STYLES)]
        laid = layout.compose(layout.page_articles(arts, i), i, style)
        (folder / f"p{i:05d}.md").write_text(laid.markdown, "utf-8")


def _pipeline_ratio(n: int) -> tuple[float, float, int]:
    """Read + reconstruct + audit of each of ``n`` corpus pages against a bare
    ``jieba.lcut`` of its raw text, in this process after the dictionaries are loaded
    (each page is new, so no per-page memo helps), in CPU seconds of this process:
    (pipeline s, jieba s, characters)."""
    import logging

    import jieba

    from zhpaper import source
    from zhpaper.audit import audit
    from zhpaper.reconstruct import read_page

    jieba.setLogLevel(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="zhpaper-ratio-"))
    try:
        _corpus_pages(work, n + 1)
        paths = sorted(work.iterdir())
        audit(read_page(paths[-1]))  # load every model once, as any process would
        jieba.lcut("预热")
        pipeline = bare = 0.0
        chars = 0
        for path in paths[:n]:
            raw = "\n".join(source.load(path).lines)
            chars += len(raw)
            start = time.process_time()
            audit(read_page(path))
            pipeline += time.process_time() - start
            start = time.process_time()
            jieba.lcut(raw)
            bare += time.process_time() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return pipeline, bare, chars


def reading_targets(rows: list[tuple], parse_rows: list[tuple],
                    ratio: tuple[float, float, int]) -> list[str]:
    """The issue's targets for the whole reading, each with what was measured and
    whether it is met: ``rows`` and ``parse_rows`` as :func:`_folder_runs` returns them."""
    per_core = min(r[4] for r in rows)
    parse_core = min(r[4] for r in parse_rows)
    peak = max(r[5] for r in rows)
    per = {n: t / n for n, j, t, *_ in rows if j == 1}
    lines = ["| target | measured | met |", "|---|---|---|",
             f"| whole reading ≥ 10 pages/s per core | {per_core:.1f} (slowest run) "
             f"| {_met(per_core >= 10)} |"]
    if len(per) > 1:
        (small, a), (large, b) = sorted(per.items())
        lines.append(f"| time linear from {small} to {large} pages (seconds per page within "
                     f"10 %) | {a:.3f} and {b:.3f} s/page | {_met(b <= 1.1 * a)} |")
    pipeline, bare, _ = ratio
    lines += [f"| peak RSS per process ≤ 500 MB | {peak:.0f} MB | {_met(peak <= 500)} |",
              f"| parse alone ≥ 30 pages/s per core | {parse_core:.1f} (slowest run) "
              f"| {_met(parse_core >= 30)} |",
              f"| read + reconstruct + audit ≤ 2× `jieba.lcut` | {pipeline / bare:.1f}× "
              f"| {_met(pipeline <= 2 * bare)} |"]
    return lines


def whole_reading(pages: int, quick: bool, ratio_pages: int = 50) -> list[str]:
    """``python -m zhpaper analyse`` (read, reconstruct, audit, tokens, entities, facts,
    dates, checks, slogans, nine tables written) and ``python -m zhpaper parse`` on 100
    and ``pages`` corpus pages; read + reconstruct + audit against ``jieba.lcut``."""
    rows = _folder_runs(_corpus_pages, lambda sub, out, jobs: [
        "analyse", str(sub), "--out", str(out)], pages, quick)
    parse_rows = _folder_runs(_corpus_pages, lambda sub, out, jobs: [
        "parse", str(sub), "--out", f"{out}.jsonl"], pages, quick)
    ratio = _pipeline_ratio(ratio_pages)
    pipeline, bare, chars = ratio
    lines = [
        "Pages of the reconstruction corpus (the People's Daily 1998 dev half laid out in "
        "the five tools' styles in turn, `zhpaper.evaluation.layout`), read whole with "
        "`python -m zhpaper analyse DIR --out OUT --jobs N`: reconstruction, audit, tokens, "
        "entities, facts, dates, claim checks and slogans, nine tables written per page "
        "(whole command, start-up included; no keywords). Peak memory is the largest "
        "process's resident set (getrusage), shared pages included.",
        "", *_rate_table(rows, 10),
        "", "The same pages parsed alone (`python -m zhpaper parse DIR --out FILE --jobs N`: "
        "read and reconstruct, one JSON line per page):",
        "", *_rate_table(parse_rows, 30),
        "", f"Read + reconstruct + audit of {ratio_pages} of these pages ({chars:,} "
        "characters of raw Markdown) in one process after the dictionaries are loaded "
        f"(CPU time): {1000 * pipeline / ratio_pages:.0f} ms a page, against "
        f"{1000 * bare / ratio_pages:.0f} ms for a bare `jieba.lcut` of the page's raw "
        f"text ({pipeline / bare:.1f}×).",
        "", "The targets of issue #22:", "", *reading_targets(rows, parse_rows, ratio),
    ]
    return lines


def book() -> list[str]:
    work = Path(tempfile.mkdtemp(prefix="zhpaper-book-"))
    try:
        shutil.copytree(ROOT, work / "repo", ignore=shutil.ignore_patterns(
            ".venv", "_build", ".git", ".pytest_cache", "__pycache__", ".ruff_cache"))
        repo = work / "repo"
        jb = Path(PY).with_name("jupyter-book")

        def build(*extra):
            start = time.perf_counter()
            proc = subprocess.run([str(jb), "build", str(repo), *extra], capture_output=True,
                                  text=True, cwd=repo)
            if proc.returncode:
                raise RuntimeError(proc.stdout[-2000:] + proc.stderr[-2000:])
            return time.perf_counter() - start

        cold = build()
        warm = build()
        intro = repo / "book" / "intro.md"
        intro.write_text(intro.read_text("utf-8") + "\n", "utf-8")
        prose = build()
        nb_path = repo / "notebooks" / "10_safety.ipynb"
        nb = json.loads(nb_path.read_text("utf-8"))
        code = next(c for c in nb["cells"] if c["cell_type"] == "code")
        code["source"].append("\n# edited")  # a code change: the notebook must re-run
        nb_path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", "utf-8")
        one_nb = build()
        from jupyter_cache import get_cache

        records = get_cache(repo / "_build" / ".jupyter_cache").list_cache_records()
        latest = {Path(r.uri).stem: r for r in sorted(records, key=lambda r: r.created)}
        per_nb = sorted((name, r.data.get("execution_seconds", float("nan")))
                        for name, r in latest.items())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        "A copy of the repository built with `jupyter-book build` (cache mode).",
        "",
        "| build | seconds | target |",
        "|---|---|---|",
        f"| cold (empty cache, every notebook executed) | {cold:.1f} | ≤ 120 |",
        f"| warm, nothing changed | {warm:.1f} | ≤ 10 |",
        f"| after editing one prose page | {prose:.1f} | |",
        f"| after editing a code cell of one notebook | {one_nb:.1f} | ≤ 20 |",
        "",
        "| notebook | execution seconds |",
        "|---|---|",
    ]
    lines += [f"| {name} | {secs:.1f} |" for name, secs in per_nb]
    return lines


def tests() -> list[str]:
    start = time.perf_counter()
    proc = subprocess.run([PY, "-m", "pytest", "-q", "-n", "auto"], cwd=ROOT,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "?"
    return ["| suite | seconds | result |", "|---|---|---|",
            f"| `pytest -n auto` ({os.cpu_count()} workers) | {elapsed:.0f} | {summary} |"]


#: Section titles in the order of the file, and the short names ``--only`` takes.
SECTIONS = {"page": "The library on one page", "text": "The text layer on one page",
            "archive": "Archive scale", "reading": "The whole reading at archive scale",
            "book": "Building the book", "tests": "The test suite"}


def _measure(name: str, args) -> list[str]:
    return {"page": lambda: library_on_one_page(args.runs),
            "text": lambda: text_layer(args.runs),
            "archive": lambda: archive(args.pages, args.quick),
            "reading": lambda: whole_reading(args.pages, args.quick),
            "book": book, "tests": tests}[name]()


def _replace_section(markdown: str, title: str, lines: list[str], machine: str) -> str:
    """``markdown`` with the section ``## title`` replaced by ``lines`` (appended at its
    place in :data:`SECTIONS` order if missing), marked with when it was measured."""
    body = [f"Measured again on its own ({machine}) with `--only`.", "", *lines]
    parts = markdown.rstrip("\n").split("\n## ")
    head, sections = parts[0], {p.split("\n", 1)[0]: p for p in parts[1:]}
    sections[title] = title + "\n\n" + "\n".join(body) + "\n"
    order = [t for t in SECTIONS.values() if t in sections]
    order += [t for t in sections if t not in order]
    return "\n## ".join([head, *(sections[t] for t in order)]) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="serial archive runs only")
    parser.add_argument("--no-book", action="store_true")
    parser.add_argument("--no-tests", action="store_true")
    parser.add_argument("--only", choices=sorted(SECTIONS),
                        help="measure this section only and replace it in the output file")
    parser.add_argument("--output", default=str(ROOT / "book" / "benchmarks.md"))
    args = parser.parse_args(argv)
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    output = Path(args.output)
    if args.only:
        lines = _measure(args.only, args)
        print("\n".join(lines))
        old = output.read_text("utf-8") if output.exists() else "# Benchmarks\n"
        output.write_text(_replace_section(old, SECTIONS[args.only], lines, machine),
                          encoding="utf-8")
        return 0
    skip = ({"book"} if args.no_book else set()) | ({"tests"} if args.no_tests else set())
    text = ["# Benchmarks", "",
            f"Measured by `make bench` (`python scripts/bench.py`) on {machine}. "
            "Re-run it to measure your machine; nothing here is typed in by hand.", ""]
    for name, title in SECTIONS.items():
        if name not in skip:
            text += [f"## {title}", "", *_measure(name, args), ""]
    markdown = "\n".join(text).rstrip() + "\n"
    print(markdown)
    output.write_text(markdown, encoding="utf-8")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(bench script itself: peak RSS {peak:.0f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
