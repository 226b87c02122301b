"""Properties that hold on any page: nothing lost, cleaning idempotent, never a crash."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhpaper import ZhpaperError, accounting, cli, source, text
from zhpaper.reconstruct import reconstruct

# Fragments of real newspaper text and the markup OCR tools emit, mixed with noise.
REAL = [
    "本报讯(记者 苗欣)", "安全生产治本 攻坚行动开展以来,", "呼和浩特市认真贯", "彻落实",
    "(上接第1版)", "——访清水河县委书记张科灵", "●本报记者 梁婧娟", "采访手记", "。",
    "\"清水河县将深入学习贯彻党的二", "十届三中全会精神", "3.4万余项,", "(冯燕平)",
    "新区模式:守住定位 合作共赢", "**吟**会", "电梯 AI 智能", "但是", "……", "——",
]
MARKUP = ["", "# ", "## ", "### ", "#### ", "- ", "> ", "1. ", "  ", "|", "```", "<div>"]
piece = st.one_of(st.sampled_from(REAL), st.text(min_size=1, max_size=12))
line = st.builds(lambda m, parts: m + "".join(parts), st.sampled_from(MARKUP),
                 st.lists(piece, min_size=0, max_size=4))
page_text = st.lists(line, min_size=1, max_size=40).map(
    lambda ls: "\n".join(ls)).filter(lambda t: t.strip() and "\x00" not in t)
separators = st.sampled_from(["\n", "\n\n", "\r\n", "\r"])

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def build(lines: str, sep: str) -> source.Source | None:
    try:
        return source.from_text(lines.replace("\n", sep))
    except ZhpaperError:
        return None  # e.g. a page of only whitespace: a clear error, checked elsewhere


@SETTINGS
@given(page_text, separators)
def test_every_character_is_accounted_for_exactly_once(lines, sep):
    src = build(lines, sep)
    if src is None:
        return
    accounting.check(reconstruct(src))


@SETTINGS
@given(st.lists(piece, min_size=1, max_size=8))
def test_cleaning_is_idempotent(pieces):
    once = text.clean(pieces)
    assert text.clean([once]) == once
    assert text.remove_layout_spaces(once) == once


@SETTINGS
@given(st.lists(st.sampled_from(REAL), min_size=1, max_size=6))
def test_offsets_point_at_the_raw_characters(pieces):
    from zhpaper.fragments import Span

    spans = [Span(i + 1, 0, len(p)) for i, p in enumerate(pieces)]
    clean, offsets = text.clean_with_offsets(pieces, spans)
    assert clean == text.clean(pieces)
    # full-width punctuation is the one substitution, and it is listed
    printed = text.restore_punctuation(clean, text.punctuation_changes(pieces, spans))
    for char, (line_no, col) in zip(printed, offsets, strict=True):
        if char != " ":
            assert pieces[line_no - 1][col] == char


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary(max_size=400) | page_text.map(lambda t: t.encode("utf-8")))
def test_cli_never_raises(tmp_path_factory, data):
    """Fuzz the command-line entry with a fixed budget: exit 0 or 2, never a traceback."""
    path = tmp_path_factory.mktemp("fuzz") / "page.md"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["parse", str(path)])
    assert status in (0, 2)
    if status == 0:
        assert json.loads(out.getvalue())["schema"] == "zhpaper.page/1"
    else:
        assert out.getvalue() == ""
        assert err.getvalue().startswith("zhpaper: error: ")
