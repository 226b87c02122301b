"""The evaluation data: the seed page's hand-made gold, read and split.

The files of ``zhpaper/data/eval/`` (its README names each file's source and licence)
are read through :func:`eval_data` and :func:`eval_path`; :func:`seed_split` says which
page they describe and how it is split into a dev half (articles whose errors may
inform the rules) and a test half; :func:`segmentation_gold` gives the page's gold
segmentation by half, :func:`second_annotation` the second annotator's, and
:func:`logged_entries` the dictionary entries added for reasons involving the test half.
Every score of the seed page in this package reads its gold from here.
"""

from __future__ import annotations

import datetime
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ZhpaperError
from ..page import Page, publication_date
from ..resources import data_file

#: The folder of the evaluation data (the seed page's hand-made gold).
EVAL_DATA = Path(str(data_file("eval")))


def eval_path(name: str) -> Path:
    """The path of one file of the evaluation data (``seg_gold.txt``,
    ``seed_entities.json`` …); :class:`ZhpaperError` naming the files there for any other
    name."""
    path = EVAL_DATA / name
    if Path(name).name != name or not path.is_file():
        known = ", ".join(sorted(p.name for p in EVAL_DATA.iterdir() if p.is_file()))
        raise ZhpaperError(f"no evaluation file {name!r}; there are: {known}")
    return path


def eval_data(name: str) -> Any:
    """One file of the evaluation data: a JSON or TOML file parsed, any other as text."""
    text = eval_path(name).read_text("utf-8")
    if name.endswith(".json"):
        return json.loads(text)
    return tomllib.loads(text) if name.endswith(".toml") else text


@dataclass(frozen=True)
class SeedSplit:
    """The page the evaluation data describe and how they are split."""

    sha256: str  #: of the page file; the scores refuse any other page
    dev_articles: frozenset[str]  #: articles whose errors could inform the rules
    date: datetime.date  #: the date of publication, given from outside the page

    def check(self, page: Page) -> None:
        """:class:`ZhpaperError` unless ``page`` is the page the data describe."""
        if page.sha256 != self.sha256:
            raise ZhpaperError(f"{page.path}: the evaluation data describe another page "
                               f"(SHA-256 {self.sha256[:12]}…), so it cannot be scored "
                               "against them")

    def dev_titles(self, page: Page) -> frozenset[str]:
        """Titles of the dev articles of ``page`` (hand lists name articles by title)."""
        self.check(page)
        return frozenset(a.title for a in page.articles if a.id in self.dev_articles)


def seed_split() -> SeedSplit:
    """What ``seed_page.toml`` of the evaluation data says."""
    raw = eval_data("seed_page.toml")
    return SeedSplit(raw["sha256"], frozenset(raw["dev_articles"]),
                     publication_date(raw["date"]))


def segmentation_gold() -> dict[str, list[list[str]]]:
    """The page's gold segmentation (``seg_gold.txt``), one word list per unit: ``all``,
    ``dev`` (units of the dev articles) and ``test`` (the others), in file order."""
    from .segmentation import read_segmented

    gold = read_segmented(eval_data("seg_gold.txt"))
    keys = eval_data("seg_gold_articles.txt").split()
    if len(keys) != len(gold):
        raise ZhpaperError("seg_gold_articles.txt must name one article per unit of "
                           f"seg_gold.txt ({len(keys)} names, {len(gold)} units)")
    dev = seed_split().dev_articles
    return {"all": gold,
            "dev": [g for g, k in zip(gold, keys, strict=True) if k in dev],
            "test": [g for g, k in zip(gold, keys, strict=True) if k not in dev]}


def logged_entries() -> list[str]:
    """Dictionary entries added after the gold was split for reasons involving the test
    half (``seg_gold_contamination.txt``, comment lines left out)."""
    lines = eval_data("seg_gold_contamination.txt").splitlines()
    return [x.strip() for x in lines if x.strip() and not x.startswith("#")]


def second_annotation() -> list[tuple[int, list[str]]]:
    """The second annotator's segmentation (``seg_gold_second.txt``): (unit number,
    words) of every third unit of the gold."""
    from .segmentation import read_numbered

    return read_numbered(eval_data("seg_gold_second.txt"))
