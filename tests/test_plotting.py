from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import zhpaper  # noqa: E402
from zhpaper import plotting  # noqa: E402


def test_font_is_free_and_exists():
    path = zhpaper.use_cjk_font()
    assert path.endswith((".ttf", ".otf", ".ttc"))
    assert "simhei" not in path.lower()


def test_chinese_labels_draw_without_missing_glyphs(tmp_path):
    zhpaper.use_cjk_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.bar(["安全生产", "新质生产力", "算力"], [3, 2, -1])
        ax.set_title(plotting.bilingual("Key terms", "关键词"))
        fig.savefig(tmp_path / "zh.png")
        plt.close(fig)
    assert (tmp_path / "zh.png").stat().st_size > 1000


def test_missing_glyph_would_be_caught(tmp_path):
    """The test above can fail: DejaVu Sans alone lacks Chinese glyphs."""
    import pytest

    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        with pytest.warns(UserWarning, match="missing from font"):
            fig, ax = plt.subplots()
            ax.set_title("安全")
            fig.savefig(tmp_path / "bad.png")
            plt.close(fig)
