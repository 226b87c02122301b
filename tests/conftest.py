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
