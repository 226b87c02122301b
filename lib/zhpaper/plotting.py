"""Figures with Chinese text: one place that finds a free CJK font.

:func:`use_cjk_font` looks for an OFL-licensed CJK font, registers it with matplotlib
and returns its path (wordcloud needs the path). Search order:

1. Noto Sans SC shipped inside the ``zhplot`` wheel (found on disk; ``zhplot`` itself is
   never imported, so its side effects on matplotlib do not happen);
2. system Noto Sans/Serif CJK, Source Han, WenQuanYi (Linux), PingFang (macOS) and
   Microsoft YaHei (Windows) — whatever the reader's machine already has.

Proprietary fonts such as SimHei are never shipped by this project.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .errors import ZhpaperError

#: Font family names tried, in order, among the fonts matplotlib can see.
SYSTEM_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Microsoft YaHei",
)


def _zhplot_font() -> Path | None:
    spec = importlib.util.find_spec("zhplot")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "fonts" / "NotoSansSC-Regular.ttf"
        if candidate.is_file():
            return candidate
    return None


def _system_font() -> Path | None:
    from matplotlib import font_manager

    by_name = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for family in SYSTEM_FAMILIES:
        if family in by_name:
            return Path(by_name[family])
    return None


@lru_cache(maxsize=1)
def find_cjk_font() -> Path:
    """Path of a free CJK font, or :class:`ZhpaperError` saying how to get one."""
    path = _zhplot_font() or _system_font()
    if path is None:
        raise ZhpaperError(
            "no CJK font found: `pip install zhplot` (Noto Sans SC, SIL OFL) or install "
            "fonts-noto-cjk"
        )
    return path


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese with a free CJK font; return the font's path.

    Call it once at the top of a notebook. The returned path is what
    ``wordcloud.WordCloud(font_path=…)`` needs.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    path = find_cjk_font()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    mpl.rcParams["font.family"] = "sans-serif"
    families = [name] + [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams["font.sans-serif"] = families
    # Chinese fonts often lack U+2212 MINUS SIGN; use ASCII hyphen-minus on axes.
    mpl.rcParams["axes.unicode_minus"] = False
    # Reproducible image files: no timestamps or software versions in metadata.
    mpl.rcParams["svg.hashsalt"] = "zhpaper"
    mpl.rcParams["figure.dpi"] = 100
    mpl.rcParams["savefig.dpi"] = 150
    return str(path)


def bilingual(english: str, chinese: str, stacked: bool = False) -> str:
    """A label in both languages, English first: ``"Paragraphs · 段落"``; ``stacked``
    puts the Chinese on a line of its own, for a label too long for its panel."""
    return f"{english}\n{chinese}" if stacked else f"{english} · {chinese}"


def safe_text(text: str) -> str:
    """Page text made safe for a matplotlib label: ``$`` would start mathtext."""
    return text.replace("\\", "\\\\").replace("$", r"\$")
