from __future__ import annotations

import pytest

from zhpaper import ZhpaperError, source


def test_utf8_with_and_without_bom():
    assert source.from_bytes("标题\n".encode()).lines == ("标题",)
    assert source.from_bytes(b"\xef\xbb\xbf" + "标题\n".encode()).lines == ("标题",)


def test_gb18030_decodes_with_warning(capsys):
    s = source.from_bytes("呼和浩特市召开会议。\n".encode("gb18030"), "page.md")
    assert s.lines == ("呼和浩特市召开会议。",)
    assert s.encoding == "gb18030"
    assert "GB18030" in capsys.readouterr().err


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"\x00\x01\x02binary", "NUL"),
    (b"\x81\x20\xff\xfe\xfd", "not valid UTF-8 or GB18030"),
])
def test_bad_bytes(data, message):
    with pytest.raises(ZhpaperError, match=message):
        source.from_bytes(data)


def test_mixed_line_endings_keep_numbering():
    s = source.from_bytes(b"a\r\nb\rc\nd")
    assert s.lines == ("a", "b", "c", "d")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ZhpaperError, match="no such file"):
        source.load(tmp_path / "nope.md")
    with pytest.raises(ZhpaperError, match="directory"):
        source.load(tmp_path)


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 10)
    p = tmp_path / "big.md"
    p.write_text("一" * 20, encoding="utf-8")
    with pytest.raises(ZhpaperError, match="limit"):
        source.load(p)


def test_sha256_is_of_the_bytes(tmp_path):
    import hashlib

    p = tmp_path / "p.md"
    p.write_bytes("标题\n".encode())
    assert source.load(p).sha256 == hashlib.sha256("标题\n".encode()).hexdigest()
