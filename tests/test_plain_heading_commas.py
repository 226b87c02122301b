"""An unmarked line that only its width sets apart is not a heading if it holds a
comma: a column's line broken off at a column break (佛像于１９９３年４月被不法分子盗走，
后经 | 香港偷运到美国…), not a title. Checked on a generated marker page of the dev half
whose body blocks are cut at column breaks."""

from __future__ import annotations

from zhpaper import fragments, source
from zhpaper.evaluation import layout


def test_a_short_line_with_a_comma_between_one_line_blocks_stays_body():
    page = next(layout.pages("dev", 1, 27, "marker"))
    frags = fragments.classify(source.from_text(page.markdown, "p"))
    cut = [f for f in frags if f.first_line in page.truth and len(f.flat) <= 30
           and "，" in f.flat and f.kind in {"heading", "section", "headline"}]
    assert cut == []
