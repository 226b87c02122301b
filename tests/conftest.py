from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"

# Kernels started by the tests must use the notebook's own (inline) backend, so no
# MPLBACKEND is set here; tests that draw in-process select Agg themselves.
os.environ.pop("MPLBACKEND", None)

# The library's disk caches (the merged dictionary, jieba's, the corpus counts, the
# character model, the entity tagger: about 30 s to build on a fresh machine) are built
# once, before pytest-xdist starts its workers, so that they do not all wait for (or,
# for caches that take no lock, repeat) the same build. In a child process, so that the
# controller does not keep the corpus in memory while the workers run.
WARM_CACHES = """
from zhpaper import charlm, entity_model, lexicon, tokens
lexicon.junctions()
tokens.tokenize("在北京")
charlm.counts()
entity_model.model()
"""


def pytest_configure(config):
    import subprocess
    import sys

    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return  # an xdist worker, or no workers: nothing to share
    done = subprocess.run([sys.executable, "-c", WARM_CACHES], capture_output=True,
                          text=True)
    if done.returncode != 0:
        config.issue_config_time_warning(pytest.PytestWarning(
            "warming the library's caches failed: " + done.stderr.strip()[-500:]),
            stacklevel=2)


def toc_files() -> list[str]:
    """Every file named in _toc.yml, in book order (without suffix)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", []))
    return files


def toc_notebooks() -> list[Path]:
    return [ROOT / f"{f}.ipynb" for f in toc_files() if (ROOT / f"{f}.ipynb").exists()]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed() -> Path:
    return SEED


PARAMETRISED = ["notebooks/01_reading_the_page", "notebooks/02_ocr_audit",
                "notebooks/20_five_articles"]


def execute_notebook(path: Path, parameters: str | None = None, cwd: Path | None = None):
    """Execute a notebook in a fresh kernel; optionally inject a cell after the one
    tagged ``parameters`` (the papermill convention). Returns the executed notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if parameters is not None:
        index = next(i for i, c in enumerate(nb.cells)
                     if "parameters" in c.metadata.get("tags", []))
        nb.cells.insert(index + 1, nbformat.v4.new_code_cell(parameters))
    # A kernel sends a cell's printed text as one or several stream messages depending
    # on timing (it flushes every 0.2 s, so a slow call between two prints splits them
    # under load); merging them, as the book does (nb_merge_streams), keeps the text.
    NotebookClient(nb, timeout=600, kernel_name="python3", coalesce_streams=True,
                   resources={"metadata": {"path": str(cwd or path.parent)}}).execute()
    return nb


def outputs(nb) -> list[tuple[int, list[dict]]]:
    """``(cell index, outputs)`` of every code cell, without execution counts and
    timing metadata."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            kept = []
            for o in cell.get("outputs", []):
                o = dict(o)
                o.pop("execution_count", None)
                o.pop("metadata", None)
                kept.append(o)
            out.append((i, kept))
    return out


def describe(output: dict) -> str:
    """One output, short, for an assertion message."""
    kind = output.get("output_type")
    if kind == "stream":
        return f"stream {output.get('name')}: {output.get('text', '')[:300]!r}"
    if kind == "error":
        return f"error {output.get('ename')}: {output.get('evalue')}"
    data = output.get("data", {})
    text = data.get("text/plain", "")
    return f"{kind} {sorted(data)}: {text[:200]!r}"


def offline_prefix() -> list[str] | None:
    """A command prefix that runs a program with no network but loopback (a new network
    namespace), or None where this machine does not allow it (not root, no unshare)."""
    import shutil
    import subprocess

    if not (shutil.which("unshare") and shutil.which("ip")):
        return None
    prefix = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def problems(nb) -> list[str]:
    """Errors, stderr output and tracebacks a reader would see in an executed notebook.
    (IPython reports an exception raised while drawing a figure as printed text, not
    as an error, so the text itself is checked.)"""
    found = []
    for i, cell in enumerate(nb.cells):
        wants_figure = "figure" in cell.get("metadata", {}).get("mystnb", {})
        if wants_figure and not any("image/png" in o.get("data", {})
                                    for o in cell.get("outputs", [])):
            found.append(f"cell {i}: a captioned figure cell drew no image")
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            text = out.get("text", "") + "".join(
                v for k, v in out.get("data", {}).items() if k == "text/plain")
            if kind == "error":
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif kind == "stream" and out.get("name") == "stderr":
                found.append(f"cell {i}: stderr: {text[:300]}")
            elif "Traceback (most recent call last)" in text or "Error:" in text[:200]:
                found.append(f"cell {i}: {text[:300]}")
    return found


# --- Empty figures -----------------------------------------------------------------------
# A figure is empty when a visible panel shows no data: no line with a point, no bar or
# patch of non-zero size, no scatter point, no image (text alone, e.g. "no data", is not
# data). The check runs inside the kernel, where the figures are: FIGURE_WATCH wraps
# matplotlib's print_figure, so every figure a notebook renders is inspected first and an
# empty one is reported on stderr, which problems() catches.

def empty_panels(fig) -> list[str]:
    """The visible axes of ``fig`` that show no data, described; and the figure itself
    when it has no axes with data at all (axes switched off are padding, not panels)."""
    import math

    from matplotlib.collections import Collection
    from matplotlib.image import AxesImage
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    def shows_data(artist) -> bool:
        if not artist.get_visible():
            return False
        if isinstance(artist, Line2D):
            return any(math.isfinite(x) and math.isfinite(y)
                       for x, y in zip(artist.get_xdata(orig=False),
                                       artist.get_ydata(orig=False), strict=False))
        if isinstance(artist, Rectangle):
            return artist.get_width() != 0 and artist.get_height() != 0
        if isinstance(artist, Collection):
            return len(artist.get_offsets()) > 0 or len(artist.get_paths()) > 0
        if isinstance(artist, AxesImage):
            return artist.get_array() is not None and artist.get_array().size > 0
        return artist.__class__.__module__.startswith("matplotlib.patches")

    found, with_data = [], 0
    for k, ax in enumerate(fig.axes):
        data = [a for a in ax.get_children() if a is not ax.patch and shows_data(a)]
        if data:
            with_data += 1
        elif ax.axison:
            found.append(f"panel {k} ({ax.get_title()!r}) shows no data")
    if not with_data:
        found.append("the figure shows no data")
    return found


def blank_image(png_base64: str) -> bool:
    """An image output in which every pixel has the same colour."""
    import base64
    import io

    from matplotlib.image import imread

    pixels = imread(io.BytesIO(base64.b64decode(png_base64)), format="png")
    return float(pixels.max() - pixels.min()) == 0.0


def figure_watch() -> str:
    """Code to run in a notebook's kernel before its figures are drawn (pass it after
    the page parameter to :func:`execute_notebook`): an empty figure is reported on
    stderr, so :func:`problems` fails on it."""
    import inspect

    return inspect.getsource(empty_panels) + '''
def _watch_figures():
    import sys

    from matplotlib.backend_bases import FigureCanvasBase

    draw = FigureCanvasBase.print_figure

    def print_figure(self, *args, **kwargs):
        for problem in empty_panels(self.figure):
            sys.stderr.write(f"empty figure: {problem}\\n")
        return draw(self, *args, **kwargs)

    FigureCanvasBase.print_figure = print_figure


_watch_figures()
'''


def empty_table(output: dict) -> bool:
    """An output that shows a table without a single data cell (headers only)."""
    data = output.get("data", {})
    html = data.get("text/html", "")
    if "<table" in html:
        return "<td" not in html
    return data.get("text/plain", "").startswith("Empty DataFrame")


def page_problems(nb) -> list[str]:
    """:func:`problems`, blank images and empty tables; with one allowance: a captioned
    figure cell that draws nothing is fine when it prints why (a page too small for the
    analysis)."""
    found, explained = [], set()
    for i, cell in enumerate(nb.cells):
        outs = cell.get("outputs", [])
        found += [f"cell {i}: a blank image" for o in outs
                  if "image/png" in o.get("data", {}) and blank_image(o["data"]["image/png"])]
        found += [f"cell {i}: an empty table" for o in outs if empty_table(o)]
        if any(o.get("output_type") == "stream" and o.get("name") == "stdout"
               and o.get("text", "").strip() for o in outs):
            explained.add(f"cell {i}: a captioned figure cell drew no image")
    return found + [p for p in problems(nb) if p not in explained]
