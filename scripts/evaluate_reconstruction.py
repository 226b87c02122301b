"""Evaluate article reconstruction on generated pages whose truth is known.

Usage:
    python scripts/evaluate_reconstruction.py [--half dev|test] [--pages 300] [--seed 0]
        [--style STYLE] [--seed-pages 200] [--damage-seed 1000] [--worst N]
    python scripts/evaluate_reconstruction.py --style STYLE --seed K --write PATH

For every layout style of :mod:`zhpaper.evaluation.layout` (or the one given by ``--style``) the
script lays ``--pages`` pages (seeds ``--seed`` …) out from one half of the People's
Daily January 1998 corpus (:mod:`zhpaper.pd1998`; ``--half test`` by default, the late
January articles; tune only on ``dev``), reconstructs each page with
``zhpaper.reconstruct.reconstruct`` and scores it against the truth
(:mod:`zhpaper.evaluation.reconstruction`, counts pooled over the pages). Beside the
reconstruction the table gives the naive baseline "a new article at every Markdown
heading, one paragraph per Markdown block"
(:func:`zhpaper.evaluation.reconstruction.baseline`). A page whose reconstruction
raises, or loses characters (``accounting.check``), is counted as failed and scored as
an empty prediction. The last row is the old measure: ``--seed-pages`` pages made by
:func:`zhpaper.evaluation.damage.damage` from the seed page's own five articles (seeds
``--damage-seed`` …), in-sample.

Columns: article-assignment pairwise F1, headline F1, join precision and recall,
reading order inside articles (Kendall's tau over body lines), characters of
figure/table/caption lines that ended up inside article paragraphs (and all such
characters on the pages), pages failed.

``--marked`` lays pages out only from articles whose start the corpus marks (a byline
or a dateline lead, :func:`zhpaper.pd1998.marked_start`): where nothing marks a start,
the corpus's own split is a guess, and this row shows how much of the shortfall lies
there. It is an easier corpus, never the headline figure.

``--worst N`` lists the N worst pages (style, seed, scores) for debugging; ``--write``
writes the Markdown of one page (``--style`` and ``--seed``) to a file to look at.

Runtime (2-core reference machine): a page takes about 0.05 s in a block style and
0.4 s in a line style (pp-structure, raw-ocr, whose pages have many more fragments),
generation and baseline included, and a damaged seed page 0.1 s; the defaults (5 × 300
pages plus 200 damaged pages) take about five minutes, ``--pages 60`` about 80 s.
Progress is printed on stderr every 50 pages.

Measured (2026-12-02, merged main, ``--pages 60``, seeds 0–59; ``--half dev
--seed-pages 0`` | ``--half test --seed-pages 100``), after three sets of rules chosen on
the dev half only — headlines on pages written line by line (no headline above a
``（下转…）`` jump, in a note in brackets or a credited caption, on a dateline's first
line or on a line of text shaped like the column under the headline it stands above; a
headline under a byline printed below text or after text signed off in brackets),
bylines, jump markers and credits on pages written in blocks (a short line without
punctuation between a header and a paragraph is the byline; a heading over a headline
is part of its header), and joins that read a block's first printed line (its layout
spaces), measure narrow columns without punctuation hung past them and keep a
paragraph whose tail lies under the next header in its own article — article F1 /
headline F1 / join P / join R: mineru .938/.960/.969/.958 | .915/.969/.963/.945,
paddle-vl .961/.966/.967/.956 | .936/.974/.969/.942, pp-structure .930/.961/.980/.965 |
.929/.947/.983/.969, marker .946/.977/.966/.955 | .907/.961/.941/.911, raw-ocr
.929/.956/.986/.969 | .922/.926/.984/.960; damaged seed page (in-sample) | .976/.995/
.973/.976. Before them (160c528, test half): .894/.934/.930/.924, .906/.949/.939/.921,
.910/.918/.981/.955, .866/.934/.913/.899, .908/.900/.982/.946; seed .975/.995/.970/.970.
The test half was run only for these summary rows; none of its errors were read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from zhpaper import pd1998
from zhpaper.errors import ZhpaperError
from zhpaper.evaluation import layout
from zhpaper.evaluation.evaldata import eval_path
from zhpaper.evaluation.reconstruction import Row, Scores, damaged_seed_row, style_row

ROOT = Path(__file__).resolve().parents[1]
CORPUS = eval_path("seed_articles.json")
SEED_ROW = "damaged seed page (in-sample, the seed's own articles)"


def _progress(label: str):
    def report(i: int, n: int) -> None:
        if i % 50 == 0:
            print(f"  {label}: {i}/{n} pages", file=sys.stderr)
    return report


def run_style(style: str, arts, first: int, n: int) -> Row:
    return style_row(style, arts, range(first, first + n), _progress(style))


def run_seed(n: int, first: int) -> Row:
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    return damaged_seed_row(articles, range(first, first + n), SEED_ROW,
                            _progress("damaged seed page"))


def print_table(rows: list[Row], args) -> None:
    corpus = (f"{args.pages} per style from the {args.half} half of the People's Daily "
              f"1998 corpus (seeds {args.seed}–{args.seed + args.pages - 1})"
              if args.pages > 0 else "no corpus pages")
    print(f"Reconstruction on generated pages: {corpus}; damaged seed pages: "
          f"{args.seed_pages} (seeds {args.damage_seed}–"
          f"{args.damage_seed + args.seed_pages - 1}); counts pooled; baseline = a new "
          "article at every heading")
    if args.marked:
        print("Only articles whose start the corpus marks (a byline or a dateline lead).")
    print()
    print("| style | pages | article F1 | baseline | headline F1 | baseline | join P | "
          "join R | order τ | non-text chars in articles | failed |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        s, b = Scores.from_counts(r.counts), Scores.from_counts(r.base)
        leak = (f"{r.counts.nontext_leaked} / {r.counts.nontext_chars}"
                if r.counts.nontext_chars else "0 / 0")
        print(f"| {r.label} | {r.pages} | {s.pairwise_f1:.3f} | {b.pairwise_f1:.3f} | "
              f"{s.headline_f1:.3f} | {b.headline_f1:.3f} | {s.join_precision:.3f} | "
              f"{s.join_recall:.3f} | {s.kendall_tau:.3f} | {leak} | {r.failed} |")


def print_worst(worst: list, n: int) -> None:
    print()
    print(f"The {n} worst pages (article F1, then headline F1, then join recall):")
    def key(x):  # failed pages first, then the lowest scores
        return not x[3], x[0].pairwise_f1, x[0].headline_f1, x[0].join_recall

    for sc, style, seed, failed in sorted(worst, key=key)[:n]:
        note = " FAILED" if failed else ""
        print(f"  {style} seed {seed}:{note} article F1 {sc.pairwise_f1:.3f} headline F1 "
              f"{sc.headline_f1:.3f} join P {sc.join_precision:.3f} R {sc.join_recall:.3f}")


def write_page(args) -> int:
    if args.style is None:
        raise ZhpaperError("--write needs --style (and --seed)")
    arts = pd1998.half(args.half)
    laid = layout.compose(layout.page_articles(arts, args.seed), args.seed, args.style)
    Path(args.write).write_text(laid.markdown, encoding="utf-8")
    print(f"wrote {args.write}: {args.style} page, seed {args.seed}, {args.half} half, "
          f"{len(laid.articles)} articles", file=sys.stderr)
    return 0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=pd1998.HALVES, default="test")
    parser.add_argument("--pages", type=int, default=300, help="pages per style")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first page")
    parser.add_argument("--style", choices=layout.STYLES, help="run one style only")
    parser.add_argument("--seed-pages", type=int, default=200,
                        help="damaged seed pages for the in-sample row (0: none)")
    parser.add_argument("--damage-seed", type=int, default=1000,
                        help="seed of the first damaged seed page")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--write", metavar="PATH", help="write one page's Markdown")
    parser.add_argument("--marked", action="store_true",
                        help="only articles whose start the corpus marks (an easier corpus)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        if args.write:
            return write_page(args)
        arts = pd1998.half(args.half)
        if args.marked:
            arts = tuple(a for a in arts if pd1998.marked_start(a))
    except (ZhpaperError, OSError) as e:
        print(f"zhpaper: error: {e}", file=sys.stderr)
        return 2
    styles = ([args.style] if args.style else list(layout.STYLES)) if args.pages > 0 else []
    rows = [run_style(s, arts, args.seed, args.pages) for s in styles]
    worst = [(sc, r.label, seed, failed) for r in rows for seed, sc, failed in r.per_page]
    for _, label, seed, failed in worst:
        if failed:
            print(f"  {label} seed {seed}: reconstruction failed (raised or lost characters;"
                  " scored as an empty prediction)", file=sys.stderr)
    if args.seed_pages:
        rows.append(run_seed(args.seed_pages, args.damage_seed))
    print_table(rows, args)
    if args.worst:
        print_worst(worst, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
