"""Genre conventions (bylines, markers, punctuation) loaded from ``data/genre.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_data


@dataclass(frozen=True)
class Genre:
    terminal: frozenset[str]
    closers: frozenset[str]
    non_initial: frozenset[str]
    non_initial_words: frozenset[str]
    lead_byline: re.Pattern[str]
    standalone_byline: re.Pattern[str]
    roles: tuple[str, ...]
    role_prefix: re.Pattern[str]
    reported_from: re.Pattern[str]
    signature: re.Pattern[str]
    closing_note: re.Pattern[str]
    jump_marker: re.Pattern[str]
    subtitle: re.Pattern[str]
    subtitle_max_chars: int
    sidebar_labels: frozenset[str]
    heading_max_chars: int
    kicker_end: re.Pattern[str]
    speech_verbs: tuple[str, ...]
    non_final: tuple[str, ...]
    quantity_start: re.Pattern[str]
    photo_credit: re.Pattern[str]
    caption_start: re.Pattern[str]
    caption_max_chars: int
    photo_source: re.Pattern[str] = re.compile(r"(?!)")
    artwork: re.Pattern[str] = re.compile(r"(?!)")
    titled_byline: re.Pattern[str] = re.compile(r"(?!)")
    byline_titles: tuple[str, ...] = ()
    surnames: frozenset[str] = frozenset()
    compound_surnames: frozenset[str] = frozenset()
    name_byline_max: int = 4

    def ends_open(self, text: str) -> bool:
        """True if ``text`` stops mid-sentence (no terminal punctuation at its end)."""
        body = text.rstrip()
        if body.endswith("“") or body[-2:] in {':"', '："', ',"', '，"'}:
            return True  # an opening quotation mark: the quotation follows
        note = self.closing_note.search(body)
        if note and note.start() > 0:
            before = body[:note.start()].rstrip()
            if before and not self.ends_open(before):
                return False  # a note after a finished sentence: （王彦田周亮）
        while body and body[-1] in self.closers:
            body = body[:-1].rstrip()
        return bool(body) and body[-1] not in self.terminal

    def starts_as_continuation(self, text: str) -> bool:
        """True if ``text`` begins with a character no sentence can begin with."""
        body = text.lstrip()
        return bool(body) and body[0] in self.non_initial

    def ends_with_non_final(self, text: str) -> bool:
        """True if ``text`` ends with a word that cannot end a sentence (的, 但是 …)."""
        from .lexicon import last_word

        return last_word(text.rstrip()) in self.non_final

    def credited(self, text: str) -> bool:
        """``text`` ends as a caption does: a photo credit, a photo agency's name
        (（新华社发美联社照片）) or a work of art's form and maker (（篆刻）（韦耀中）)."""
        return bool(self.photo_credit.search(text) or self.photo_source.search(text)
                    or self.artwork.search(text))

    def credit_alone(self, text: str) -> bool:
        """``text`` is only a photo credit or a photo agency's name."""
        return bool(self.photo_credit.match(text) or self.photo_source.match(text))

    def people(self, field: str) -> tuple[str, ...]:
        """Names in a byline field: employers and roles removed (新华社记者陈雁 → 陈雁),
        places reported from dropped (广州报道), split on spaces and 、,."""
        out = []
        for token in re.split(r"[\s、,，]+", field):
            if not token or self.reported_from.search(token):
                continue
            token = self.role_prefix.sub("", token)
            for role in sorted(self.roles, key=len, reverse=True):  # 文/图 李四, 张三摄
                if token.startswith(role + "/") or token.startswith(role + "／"):
                    token = token[len(role) + 1:]
                elif token == role or (role == "摄" and token.endswith(role)):
                    token = token[:-len(role)]
            if token:
                out.append(token)
        return tuple(out)

    def looks_like_name(self, token: str) -> bool:
        """A Chinese personal name by its shape: a surname from ``data/surnames.txt``
        and one or two characters more (刘红, 马相武, 欧阳明). Pen names that do not open
        with a surname (今哲) are not recognised."""
        if not 2 <= len(token) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in token):
            return False
        if token[:2] in self.compound_surnames and len(token) >= 3:
            return True
        return token[0] in self.surnames and len(token) <= 3

    def name_byline(self, text: str) -> bool:
        """A line that is only the author's name, or up to
        :attr:`name_byline_max` names (李彦生 陈爱国), as commentaries and features print
        their byline. Only where the line stands as a byline does this decide anything."""
        tokens = [t for t in re.split(r"[\s、]+", text.strip().lstrip("●◆■▲★•·◎□○")) if t]
        return 0 < len(tokens) <= self.name_byline_max and all(
            self.looks_like_name(t) for t in tokens)

    def titled_name(self, text: str) -> str | None:
        """The name in a contributor's byline by employer and title
        (国务院发展研究中心研究员卢迈 → 卢迈), if the line is one."""
        m = self.titled_byline.match(text.strip())
        people = m.group("people") if m else ""
        if people.endswith(self.byline_titles):
            return None  # 委员和部长: a second title, not a name
        return people if people and self.looks_like_name(people) else None

    def byline_people(self, text: str) -> tuple[str, ...]:
        """The reporters named by a byline or dateline (empty if it names none)."""
        m = self.lead_byline.match(text) or self.standalone_byline.match(text)
        if not m:
            if self.name_byline(text):
                return self.people(text)
            titled = self.titled_name(text)
            return (titled,) if titled else ()
        groups = m.groupdict()
        named = next((groups[k] for k in ("people", "people2", "reported", "named", "named2")
                      if groups.get(k)), "")
        return self.people(named)


@lru_cache(maxsize=1)
def genre() -> Genre:
    raw = tomllib.loads(read_data("genre.toml"))
    return Genre(
        terminal=frozenset(raw["terminal"]),
        closers=frozenset(raw["closers"]),
        non_initial=frozenset(raw["non_initial"]),
        non_initial_words=frozenset(raw["non_initial_words"]),
        lead_byline=re.compile(raw["lead_byline"]),
        standalone_byline=re.compile(raw["standalone_byline"]),
        roles=tuple(raw["roles"]),
        role_prefix=re.compile(raw["role_prefix"]),
        reported_from=re.compile(raw["reported_from"]),
        signature=re.compile(raw["signature"]),
        closing_note=re.compile(raw["closing_note"]),
        jump_marker=re.compile(raw["jump_marker"]),
        subtitle=re.compile(raw["subtitle"]),
        subtitle_max_chars=int(raw["subtitle_max_chars"]),
        sidebar_labels=frozenset(raw["sidebar_labels"]),
        heading_max_chars=int(raw["heading_max_chars"]),
        kicker_end=re.compile(raw["kicker_end"]),
        speech_verbs=tuple(raw["speech_verbs"]),
        non_final=tuple(sorted(raw["non_final"], key=len, reverse=True)),
        quantity_start=re.compile(raw["quantity_start"]),
        photo_credit=re.compile(raw["photo_credit"]),
        caption_start=re.compile(raw["caption_start"]),
        caption_max_chars=int(raw["caption_max_chars"]),
        photo_source=re.compile(raw["photo_source"]),
        artwork=re.compile(raw["artwork"]),
        titled_byline=re.compile(raw["titled_byline"].replace(
            "{titles}", "|".join(map(re.escape, raw["byline_titles"])))),
        byline_titles=tuple(raw["byline_titles"]),
        **_surnames(),
        name_byline_max=int(raw["name_byline_max"]),
    )


def _surnames() -> dict[str, frozenset[str]]:
    """Single and compound surnames from ``data/surnames.txt``."""
    text = read_data("surnames.txt")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    compound = frozenset(ln for ln in lines if len(ln) == 2)
    single = frozenset(c for ln in lines if len(ln) != 2 for c in ln)
    return {"surnames": single, "compound_surnames": compound}


@lru_cache(maxsize=1)
def formulae() -> tuple[str, ...]:
    """Political formulae (提法) from ``data/formulae.txt``, longest first."""
    text = read_data("formulae.txt")
    items = {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}
    return tuple(sorted(items, key=lambda f: (-len(f), f)))


def count_formulae(text: str) -> dict[str, int]:
    """How often each formula occurs in ``text``, longest match first and without
    overlaps: 党的二十届三中全会精神 counts once, not also as 全会精神."""
    import re as _re

    pattern = _re.compile("|".join(map(_re.escape, formulae())))
    counts: dict[str, int] = {}
    for m in pattern.finditer(text):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return counts
