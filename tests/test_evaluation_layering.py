"""The pipeline never imports the evaluation: every module of zhpaper outside
zhpaper.evaluation is read as an AST and its imports (relative or absolute, at the top or
inside functions) are resolved to module names."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "lib" / "zhpaper"
EVALUATION = "zhpaper.evaluation"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """The modules (and ``module.name`` for ``from module import name``) that ``path``
    imports."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names}
    return out


def pipeline_modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py"))
            if not module_name(p).startswith(EVALUATION)]


def test_no_pipeline_module_imports_the_evaluation():
    offending = {module_name(p): sorted(m for m in imported(p)
                                        if m == EVALUATION or m.startswith(EVALUATION + "."))
                 for p in pipeline_modules()}
    assert {k: v for k, v in offending.items() if v} == {}


def test_the_walk_sees_every_kind_of_import():
    assert len(pipeline_modules()) > 30 and module_name(PACKAGE / "heldout.py") == "zhpaper.heldout"
    # the resolver on the evaluation itself: relative imports of the pipeline and of siblings
    seen = imported(PACKAGE / "evaluation" / "audit.py")
    assert {"zhpaper.charlm", "zhpaper.heldout", "zhpaper.evaluation.layout",
            "zhpaper.audit"} <= seen
    assert "zhpaper.evaluation.evaldata" in imported(PACKAGE / "evaluation" / "unseen.py")
    assert "zhpaper.heldout" in imported(PACKAGE / "charlm.py")  # imports inside functions
