"""The audit's detectors in their own modules (lookalikes, garbled, namemask), their
names still importable from zhpaper.audit."""

from __future__ import annotations

import importlib

from zhpaper import garbled, lookalikes, namemask

audit = importlib.import_module("zhpaper.audit")


def test_the_old_names_are_the_new_objects():
    assert audit.CONFUSIONS is lookalikes.CONFUSIONS
    assert audit.ConfusionRule is lookalikes.ConfusionRule
    assert audit.THRESHOLD == lookalikes.THRESHOLD == 0.8
    assert audit.name_mask is namemask.name_mask and audit.words_of is garbled.words_of
    assert audit.GARBLED_WINDOW == garbled.GARBLED_WINDOW


def test_each_detector_on_its_own():
    text = "我们要建设元字宙产业。"
    words = garbled.words_of(text)
    assert "".join(w for _, w in words) == text
    mask = namemask.name_mask(text, words)
    assert mask == [""] * len(text)
    found = lookalikes._confusions(text, mask)
    assert [(start, alt) for start, _, alt, _, _ in found] == [(6, "宇")]
    assert garbled._lone_quote("金融机类据云谷\"。") == 7
    assert garbled._lone_quote("他说\"好\"。") is None
