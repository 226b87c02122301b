"""The whole-page chapters run on any page: a damaged page, and a hostile one (with
the checks of test_any_page: no error, warning, empty figure or empty table).

Page text is data, never markup: a <script> or a MyST directive printed in a newspaper
page must appear escaped in every output.
"""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import PARAMETRISED, ROOT, execute_notebook, figure_watch, page_problems

from zhpaper.evaluation.damage import damage

HOSTILE = """### 压实责任 <script>alert('kicker')</script>

## $\\x$首府推进安全生产<script>alert(1)</script>

本报讯(记者 苗欣)安全生产治本攻坚行动开展以来,<img src=x onerror=alert(2)>全市形势平稳向好。

```{raw} html
<script>alert(3)</script>
```

{eval-rst}`.. raw:: html` 价格上涨了$5$元,**吟**会 <b>加粗</b>。

### 暖流涌动彰显城市温度 $\\alpha$ <iframe src=x>

(上接第1版)

在规范行车方面,要求驾驶员做到平稳驾驶、安全出行。
"""

ATTACKS = ["<script>alert", "<img src=x onerror", "<iframe src=x", "<b>加粗</b>"]


def html_of(nb) -> str:
    """The notebook as nbconvert renders it. Glued values (myst-nb's ``glue``, a
    papermill record mimetype only the book renders) are left out: nbconvert cannot show
    them and would warn."""
    import copy

    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        cell["outputs"] = [o for o in cell["outputs"] if not (
            o.get("data") and all(k.startswith("application/papermill.record")
                                  for k in o["data"]))]
    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def page_parameter(path) -> str:
    """The page, and the watch that reports an empty figure (see conftest)."""
    return f"PAGE = {str(path)!r}\n" + figure_watch()


@pytest.mark.notebook
@pytest.mark.parametrize("name", PARAMETRISED, ids=lambda n: n.split("/")[-1])
def test_hostile_page_is_escaped(tmp_path, name):
    page = tmp_path / "hostile.md"
    page.write_text(HOSTILE, encoding="utf-8")
    nb = execute_notebook(ROOT / f"{name}.ipynb", page_parameter(page))
    assert not page_problems(nb), page_problems(nb)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            for attack in ATTACKS:
                assert attack not in html, (attack, html[:500])
    html = html_of(nb)
    cells_html = html[html.find("<body"):]
    # the attack strings occur only escaped, i.e. as text the reader can see
    assert "&lt;script&gt;alert" in cells_html or "&lt;script&gt;" in cells_html
    for attack in ATTACKS:
        assert attack not in cells_html.replace("&lt;", "<!--escaped-->"), attack


@pytest.mark.notebook
@pytest.mark.parametrize("name", PARAMETRISED, ids=lambda n: n.split("/")[-1])
def test_runs_on_a_damaged_page(tmp_path, name):
    articles = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text(
        encoding="utf-8"))["articles"]
    page = tmp_path / "damaged.md"
    page.write_text(damage(articles, 11).markdown, encoding="utf-8")
    nb = execute_notebook(ROOT / f"{name}.ipynb", page_parameter(page))
    assert not page_problems(nb), page_problems(nb)
    assert isinstance(nb, nbformat.NotebookNode)
