"""Bad and unusual input: one clear line and exit 2, or a documented graceful result.

Every case runs the real command line, as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAD = "## 首府推进安全生产\n\n本报讯(记者 苗欣)安全生产行动开展以来,全市形势平稳。\n\n"


def parse(path, *extra):
    return subprocess.run([sys.executable, "-m", "zhpaper", "parse", str(path), *extra],
                          capture_output=True)


def assert_error(proc, needle):
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert proc.stdout == b""
    assert err.count("\n") == 1 and err.startswith("zhpaper: error: ") and needle in err, err
    assert "Traceback" not in err


def assert_ok(proc):
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "zhpaper.page/1"
    return doc


ERRORS = {
    "empty file": (b"", "empty"),
    "whitespace only": (b" \n\t\r\n  \n", "empty"),
    "binary file": (bytes(range(256)) * 4, "NUL"),
    "NUL bytes in text": ("标题\x00正文".encode(), "NUL"),
    "UTF-16 without BOM": ("## 标题\n\n正文。\n".encode("utf-16-le"), "UTF-16"),
    "undecodable bytes": (b"\x81\x20\xff\xfe\xfd\xfc", "not valid UTF-8 or GB18030"),
}


@pytest.mark.parametrize("name", ERRORS)
def test_errors(tmp_path, name):
    content, needle = ERRORS[name]
    path = tmp_path / "page.md"
    path.write_bytes(content)
    assert_error(parse(path), needle)


def test_missing_path(tmp_path):
    assert_error(parse(tmp_path / "nope.md"), "no such file")


def test_directory(tmp_path):
    assert_error(parse(tmp_path), "directory")


def test_too_large_names_the_limit(tmp_path):
    path = tmp_path / "huge.md"
    with path.open("wb") as fh:  # 50 MB, written in chunks
        chunk = ("安全生产" * 1000 + "\n\n").encode()
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    assert_error(parse(path), "MiB limit")


GRACEFUL = {
    "GB18030 text (warning)": (HEAD.encode("gb18030"), 1),
    "UTF-8 with BOM": (b"\xef\xbb\xbf" + HEAD.encode(), 1),
    "mixed CRLF and CR": (HEAD.replace("\n", "\r\n", 2).replace("\n", "\r").encode(), 1),
    "Markdown table": ((HEAD + "| 指标 | 数值 |\n|---|---|\n| 企业 | 125家 |\n").encode(), 1),
    "HTML block": ((HEAD + "<div class=\"x\">\n<p>正文</p>\n</div>\n").encode(), 1),
    "code fence": ((HEAD + "```python\nprint('安全')\n```\n").encode(), 1),
    "image and link": ((HEAD + "![图片](a.png) 见[链接](http://example.com)。\n").encode(), 1),
    "no headings": ("第一段正文。\n\n第二段正文。\n".encode(), 0),
    "only headings": ("## 标题一\n\n## 标题二\n\n### 标题三\n".encode(), None),
    "500 headings": ("".join(f"## 标题{i}\n\n" for i in range(500)).encode(), None),
    "deeply nested list": ((HEAD + "".join("  " * i + "- 第" + str(i) + "层\n"
                                           for i in range(30))).encode(), 1),
    "emoji and CJK extension B": ((HEAD + "庆祝😀活动,𠀀𠀁𪚥字。\n").encode(), 1),
    "right-to-left text": ((HEAD + "نص عربي مع الصينية 中文。\n").encode(), 1),
    "one 1 MB line": ((HEAD + "安全生产治本攻坚" * 45000 + "\n").encode(), 1),
}


@pytest.mark.parametrize("name", GRACEFUL)
def test_graceful(tmp_path, name):
    content, articles = GRACEFUL[name]
    path = tmp_path / "page.md"
    path.write_bytes(content)
    proc = parse(path)
    doc = assert_ok(proc)
    if articles is not None:
        assert len(doc["articles"]) == articles
    if name.startswith("GB18030"):
        assert proc.stderr.decode().startswith("zhpaper: warning:")
    if name == "no headings":
        assert doc["unassigned"] and all(u["reason"] for u in doc["unassigned"])


def test_nothing_half_written_on_error(tmp_path):
    """Output goes to stdout only when complete: a failing run prints nothing."""
    path = tmp_path / "page.md"
    path.write_bytes(b"\x00")
    proc = parse(path, "--text")
    assert proc.stdout == b""
