"""Applied corrections put into a text once (zhpaper.audit.apply_corrections,
shift_before, Audit.applied), for the corrected text, the text units and token spans."""

from __future__ import annotations

from zhpaper.audit import Finding, apply_corrections, shift_before


def fix(start: int, end: int, original: str, suggestion: str) -> Finding:
    return Finding("confusion", "confusion", "a1", 1, start, end, (), original, suggestion,
                   0.9, "", applied=True)


def test_corrections_go_in_last_first_and_offsets_follow():
    text = "元字宙接人网络"
    fixes = [fix(1, 2, "字", "宇"), fix(4, 5, "人", "入")]
    offsets = [(1, k) for k in range(len(text))]
    out, offs = apply_corrections(text, fixes, offsets)
    assert out == "元宇宙接入网络" and offs == offsets
    assert apply_corrections(text, fixes[::-1])[0] == out  # order given does not matter
    assert apply_corrections(text, fixes)[1] is None


def test_a_longer_replacement_maps_to_the_first_raw_character():
    out, offs = apply_corrections("一“好”", [fix(0, 1, "一", "——")], [(3, 0), (3, 1), (3, 2), (3, 3)])
    assert out == "——“好”" and offs == [(3, 0), (3, 0), (3, 1), (3, 2), (3, 3)]


def test_positions_shift_by_the_corrections_before_them():
    fixes = [fix(0, 1, "一", "——"), fix(5, 6, "人", "入")]
    assert shift_before(fixes, 0) == 0
    assert shift_before(fixes, 1) == 1 and shift_before(fixes, 5) == 1
    assert shift_before(fixes, 6) == 1  # a same-length correction moves nothing
