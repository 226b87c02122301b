"""Command line: ``python -m zhpaper COMMAND PAGE.md``.

Errors in the input end the program with one line on stderr (``zhpaper: error: …``) and
exit status 2; output is written only once it is complete. Options out of range (a
``--top`` of 0, a ``--threshold`` above 1) are usage errors of the same form. A bug in
the library is reported the same way, as an internal error naming the exception (set
``ZHPAPER_TRACEBACK=1`` to see the traceback); every page gets a result or that line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .audit import THRESHOLD
from .errors import ZhpaperError


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _integer(low: int, high: int | None = None):
    """An argparse type: an integer from ``low`` to ``high`` (inclusive; no upper bound
    when ``high`` is None), else a usage error."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if number < low or (high is not None and number > high):
            bound = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise argparse.ArgumentTypeError(f"{value} is out of range: use a whole number "
                                             f"{bound}")
        return number
    return parse


def _share(value: str) -> float:
    """An argparse type: a number from 0 to 1 (a confidence)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:  # also false for nan
        raise argparse.ArgumentTypeError(f"{value} is out of range: use a number from 0 to 1")
    return number


def _date(value: str):
    """An argparse type: a date of publication, YYYY-MM-DD."""
    from .page import publication_date

    try:
        return publication_date(value)
    except ZhpaperError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


#: JSON indentation: more than this only pads the output (``--indent 100000`` wrote
#: half a gigabyte for one page).
MAX_INDENT = 16
_indent = _integer(0, MAX_INDENT)


def cmd_parse(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .reconstruct import read_page

    if Path(args.page).is_dir():
        return _parse_folder(args)
    page = read_page(args.page)
    if args.text:
        _write(page.to_text())
    else:
        _write(json.dumps(page.to_json(), ensure_ascii=False, indent=args.indent) + "\n")
    return 0


def _parse_folder(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .archive import parse_folder

    if args.text:
        raise ZhpaperError("--text reads one page; for a folder, use --out FILE.jsonl")
    jobs = (os.cpu_count() or 1) if args.jobs == 0 else args.jobs
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    out = Path(args.out) if args.out else None
    written, failures = parse_folder(Path(args.page), out, jobs, progress)
    for path, error in failures:
        sys.stderr.write(f"zhpaper: error: {error}\n" if path in error else
                         f"zhpaper: error: {path}: {error}\n")
    if failures:
        sys.stderr.write(f"zhpaper: error: {len(failures)} of {written + len(failures)} "
                         "pages failed (listed above); the others were written\n")
        return 2
    return 0


def _report_failure(path: str, error: str, progress: bool) -> None:
    """One line for a failed page; after a new line when a progress bar is being drawn."""
    lead = "\n" if progress else ""
    sys.stderr.write(f"{lead}zhpaper: error: {error}\n" if path in error else
                     f"{lead}zhpaper: error: {path}: {error}\n")


def cmd_analyse(args: argparse.Namespace) -> int:
    from .analyse import analyse

    jobs = (os.cpu_count() or 1) if args.jobs == 0 else args.jobs
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    summary = analyse(args.inputs, args.out, jobs=jobs, progress=progress, date=args.date,
                      report=lambda r: _report_failure(r["path"], r["error"], progress))
    failed = len(summary["failed"])
    total = summary["done"] + summary["skipped"] + failed
    sys.stderr.write(f"zhpaper: pages analysed: {summary['done']}, {summary['skipped']} "
                     f"already done, {failed} failed, of {total}; tables in {args.out}\n")
    if failed:
        sys.stderr.write(f"zhpaper: error: {failed} of {total} pages failed (listed above); "
                         "the others were written\n")
        return 2
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from .reading import read

    result = read(args.page, threshold=args.threshold).audit
    if args.table:
        frame = result.to_frame()[["line", "kind", "rule", "original", "suggestion",
                                   "confidence", "applied", "evidence"]]
        _write(frame.to_string(index=False, max_colwidth=48) + "\n")
    else:
        _write(json.dumps(result.to_json(), ensure_ascii=False, indent=args.indent) + "\n")
    return 0


def cmd_segment(args: argparse.Namespace) -> int:
    from .tokens import tokenize

    data = sys.stdin.buffer.read()
    if b"\x00" in data:
        raise ZhpaperError("standard input contains NUL bytes; this looks like binary data "
                           "or UTF-16, not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ZhpaperError(f"standard input is not UTF-8 (byte {exc.start})") from None
    out = []
    for line in text.splitlines():
        words = tokenize(line, hmm=args.hmm, domain=not args.plain)
        out.append(" ".join(f"{t.text}/{t.pos}" if args.tags else t.text for t in words))
    _write("\n".join(out) + ("\n" if out else ""))
    return 0


def cmd_keywords(args: argparse.Namespace) -> int:
    from .reading import read

    result = read(args.page).keywords_json(args.top)
    _write(json.dumps(result, ensure_ascii=False, indent=args.indent) + "\n")
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from .reading import read

    reading = read(args.page, date=args.date)
    if args.table:
        facts = reading.facts[["article", "line", "raw", "value", "unit", "hedge", "kind"]]
        dates = reading.dates[["article", "line", "raw", "kind", "resolved", "status"]]
        checks = reading.checks[["line", "rule", "inputs", "result", "unit", "stated",
                                 "verdict"]]
        _write("\n\n".join(f.to_string(index=False, max_colwidth=48)
                           for f in (facts, dates, checks)) + "\n")
    else:
        _write(json.dumps(reading.facts_json(), ensure_ascii=False, indent=args.indent)
               + "\n")
    return 0


def _add_analyse(sub) -> None:
    """The ``analyse`` subcommand's parser."""
    n = sub.add_parser("analyse", help="the whole reading of many pages, written as tidy "
                       "tables (JSON Lines) to a folder; resumable")
    n.add_argument("inputs", nargs="+", metavar="PAGE_OR_FOLDER",
                   help="page files, or folders of them (.md, .markdown, .txt)")
    n.add_argument("--out", required=True, help="the folder to write the tables to (pages "
                   "already done there are skipped)")
    n.add_argument("--jobs", type=_integer(0), default=1,
                   help="processes to use (0 = all cores; default 1)")
    n.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    n.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="the reference date for relative dates (今年, 去年, 上月) on pages "
                   "that print none; a page done with another date is done again")
    n.set_defaults(func=cmd_analyse)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhpaper",
        description="Close reading of OCR'd Chinese newspaper pages.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("parse", help="reconstruct the articles of a page (JSON)")
    p.add_argument("page", help="the page: a Markdown file from an OCR/layout tool, or a "
                   "folder of them (one JSON line per page)")
    p.add_argument("--text", action="store_true", help="print the clean articles for reading")
    p.add_argument("--out", help="for a folder: write the JSON lines to this file")
    p.add_argument("--jobs", type=_integer(0), default=1,
                   help="for a folder: processes to use (0 = all cores; default 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="for a folder: show a progress bar (default: when stderr is a terminal)")
    p.add_argument("--indent", type=_indent, default=1, help="JSON indentation (default 1)")
    p.set_defaults(func=cmd_parse)
    _add_analyse(sub)
    a = sub.add_parser("audit", help="find likely OCR errors, garbled and lost text (JSON)")
    a.add_argument("page", help="the page: a Markdown file from an OCR/layout tool")
    a.add_argument("--table", action="store_true", help="print a readable table")
    a.add_argument("--threshold", type=_share, default=THRESHOLD,
                   help="apply suggestions with at least this confidence "
                   f"(default {THRESHOLD})")
    a.add_argument("--indent", type=_indent, default=1, help="JSON indentation (default 1)")
    a.set_defaults(func=cmd_audit)
    g = sub.add_parser("segment", help="split lines of Chinese text on stdin into words "
                       "(space-separated, the SIGHAN bakeoff format)")
    g.add_argument("--plain", action="store_true",
                   help="plain jieba: no domain dictionary, no protected numbers")
    g.add_argument("--hmm", action=argparse.BooleanOptionalAction, default=None,
                   help="guess unknown words with jieba's HMM (default: the library's "
                   "measured choice, off)")
    g.add_argument("--tags", action="store_true", help="print word/tag (jieba's tag set)")
    g.set_defaults(func=cmd_segment)
    k = sub.add_parser("keywords", help="keywords of each article by TF-IDF, TextRank and "
                       "Fightin' Words (JSON)")
    k.add_argument("page", help="the page: a Markdown file from an OCR/layout tool")
    k.add_argument("--top", type=_integer(1), default=10, help="keywords per method (default 10)")
    k.add_argument("--indent", type=_indent, default=1, help="JSON indentation (default 1)")
    k.set_defaults(func=cmd_keywords)
    f = sub.add_parser("facts", help="quantities, dates and claim checks of a page (JSON)")
    f.add_argument("page", help="the page: a Markdown file from an OCR/layout tool")
    f.add_argument("--table", action="store_true", help="print readable tables")
    f.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="the date of publication, for a page that does not print it: "
                   "relative dates (今年, 去年, 上月) are resolved against it; without "
                   "it they stay relative")
    f.add_argument("--indent", type=_indent, default=1, help="JSON indentation (default 1)")
    f.set_defaults(func=cmd_facts)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()

    def usage_error(message: str) -> None:
        sys.stderr.write(f"zhpaper: error: {message}\n")
        raise SystemExit(2)

    parser.error = usage_error  # type: ignore[method-assign]
    for action in parser._subparsers._group_actions:  # noqa: SLF001
        for sp in action.choices.values():
            sp.error = usage_error  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ZhpaperError as exc:
        sys.stderr.write(f"zhpaper: error: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("zhpaper: interrupted\n")
        return 130
    except Exception as exc:  # a bug, not bad input: still one line, no half output
        if os.environ.get("ZHPAPER_TRACEBACK"):
            raise
        sys.stderr.write(f"zhpaper: error: internal error ({type(exc).__name__}: {exc}); "
                         "please report it with the page (ZHPAPER_TRACEBACK=1 shows "
                         "the traceback)\n")
        return 2
