"""Claim checks: the page's own arithmetic, recomputed from its figures.

Declarative rules in ``data/checks.toml`` match the facts of one sentence (or of a
paragraph) in reading order by role: kind, unit equal or convertible, words between
two facts (其中, 完成…目标), verb of change … A rule's formula recomputes a value; when the
page states it, the verdict is ``agrees`` or ``disagrees`` within a tolerance of half a
unit in the last printed digit of the stated value (97.7% → ±0.05); with a hedged
statement (600多亿元) the hedge's interval is used. With nothing to compare, the
verdict is ``derived``: a value the page implies (a previous year's revenue, a target).

A rule is data (``data/checks.toml``, its keys documented there): roles matched to
the facts of a unit in reading order, and a formula over them that :func:`evaluate`
computes without running code.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..numbers import MAGNITUDES
from .hedges import hedge_interval, rounding, widens
from .quantity import Quantity, quantities, verb_direction
from .units import lexicon, rules

if TYPE_CHECKING:
    from ..corpus import Unit


@dataclass(frozen=True)
class Check:
    article: str
    line: int
    rule: str
    title: str
    inputs: tuple[dict[str, Any], ...]  #: role, raw, line, value, unit
    formula: str
    result: float
    unit: str | None
    stated: str | None  #: the stated value's raw text
    stated_value: float | None
    tolerance: str
    verdict: str  #: agrees, disagrees or derived
    note: str = ""


@dataclass
class _Fact:
    q: Quantity
    line: int
    sentence: int
    offset: int  #: start in the unit's text
    base: float = field(default=0.0)  #: value in the conversion's base unit
    base_unit: str | None = None


def _convert(q: Quantity) -> tuple[float, str | None]:
    conv = lexicon()["conversions"]
    if q.unit in conv:
        factor, base = conv[q.unit]
        return q.value * factor, base
    return q.value, q.unit


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.USub: operator.neg}


def evaluate(formula: str, env: dict[str, Any]) -> float:
    """Evaluate a rule's formula: numbers, role names, + − × ÷, parentheses and
    ``sum(role)``. Nothing else is allowed (rules are data, not code)."""

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.operand))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "sum" \
                and len(node.args) == 1:
            return float(sum(ev(node.args[0])))
        raise ValueError(f"formula not allowed: {formula!r}")

    return ev(ast.parse(formula, mode="eval"))


def _role_ok(role: dict, f: _Fact, prev: _Fact | None, bound: dict[str, Any], text: str,
             facts: list[_Fact]) -> bool:
    q = f.q
    if "kind" in role and q.kind not in role["kind"]:
        return False
    if "unit" in role and q.unit not in role["unit"]:
        return False
    if "hedged" in role and bool(q.hedge) != role["hedged"]:
        return False
    if "verb" in role and verb_direction(q.verb) != {"up": 1, "down": -1}[role["verb"]]:
        return False
    ref = bound.get(role.get("same_unit") or role.get("convertible")
                    or role.get("comparable") or "")
    if ref is not None:
        ref = ref[0] if isinstance(ref, list) else ref
        if "same_unit" in role and q.unit != ref.q.unit:
            return False
        if "convertible" in role and (f.base_unit != ref.base_unit or q.unit == ref.q.unit):
            return False
        if "comparable" in role and f.base_unit != ref.base_unit:
            return False
    le = bound.get(role.get("le", ""))
    if le is not None and f.base > le.base:
        return False
    between = text[prev.offset + len(prev.q.raw) if prev else 0:f.offset]
    if "between" in role and not any(w in between for w in role["between"]):
        return False
    if "not_between" in role and any(w in between for w in role["not_between"]):
        return False
    if "before" in role:
        lead = text[max(0, f.offset - role.get("before_chars", 3)):f.offset]
        if not any(w in lead for w in role["before"]):
            return False
    if role.get("nearest") and prev is not None:
        lo, hi = prev.offset, f.offset
        if any(lo < g.offset < hi and g.q.unit == q.unit for g in facts):
            return False
    if role.get("next") and prev is not None:
        if any(prev.offset < g.offset < f.offset for g in facts):
            return False
    return True


def _match(rule: dict, facts: list[_Fact], text: str) -> list[dict[str, Any]]:
    """Every assignment of facts (in reading order) to the rule's roles."""
    roles = rule["roles"]
    found: list[dict[str, Any]] = []

    def go(k: int, at: int, prev: _Fact | None, bound: dict[str, Any]) -> None:
        if k == len(roles):
            found.append(dict(bound))
            return
        role = roles[k]
        for i in range(at, len(facts)):
            f = facts[i]
            if not _role_ok(role, f, prev, bound, text, facts):
                continue
            if role.get("repeat"):
                group, j = [f], i + 1
                while j < len(facts) and _role_ok({**role, "between": [""]}, facts[j],
                                                  group[-1], bound, text, facts) \
                        and facts[j].q.unit == f.q.unit:
                    group.append(facts[j])
                    j += 1
                if len(group) >= role.get("min", 2):
                    go(k + 1, j, group[-1], {**bound, role["name"]: group})
                return
            go(k + 1, i + 1, f, {**bound, role["name"]: f})
            if role.get("first", True) and k > 0:
                return  # the first fact that fits a later role, not every one

    go(0, 0, None, {})
    return found


def _fmt(v: float) -> str:
    if v == 0:
        return "0"
    for word in ("亿", "万"):
        if abs(v) >= MAGNITUDES[word]:
            return f"{v / MAGNITUDES[word]:.6g}{word}"
    return f"{v:.6g}"


def _check(rule: dict, bound: dict[str, Any], article: str) -> Check:
    env: dict[str, Any] = {}
    inputs = []
    for role in rule["roles"]:
        got = bound[role["name"]]
        for f in got if isinstance(got, list) else [got]:
            inputs.append({"role": role["name"], "raw": f.q.raw, "line": f.line,
                           "value": f.q.value, "unit": f.q.unit})
        env[role["name"]] = [f.base for f in got] if isinstance(got, list) else got.base
    result = evaluate(rule["formula"], env)
    shown = rule["formula"]
    for name in sorted(env, key=len, reverse=True):
        v = env[name]
        shown = re.sub(rf"\b{name}\b", "(" + " + ".join(_fmt(x) for x in v) + ")"
                       if isinstance(v, list) else _fmt(v), shown)
    unit = rule.get("result_unit")
    if unit and unit.startswith("@"):
        ref = bound[unit[1:]]
        unit = (ref[0] if isinstance(ref, list) else ref).base_unit
    first = min(i["line"] for i in inputs)
    stated_role = rule.get("stated")
    if stated_role is None:
        hedged = [i["raw"] for i in inputs if bound[i["role"]] and any(
            f.q.hedge for f in (bound[i["role"]] if isinstance(bound[i["role"]], list)
                                else [bound[i["role"]]]))]
        note = "approximate: hedged inputs " + ", ".join(dict.fromkeys(hedged)) if hedged else ""
        return Check(article, first, rule["name"], rule.get("title", ""), tuple(inputs),
                     shown, result, unit, None, None, "", "derived", note)
    s = bound[stated_role]
    if widens(s.q.hedge, in_checks=True):
        lo, hi = hedge_interval(s.q)
        tol = f"hedge {s.q.hedge}: [{_fmt(lo)}, {_fmt(hi)}]"
    else:
        r = rounding(s.q)
        lo, hi = s.q.value - r, s.q.value + r
        tol = f"±{_fmt(r)} (half a unit in the last printed digit of {s.q.raw})"
    factor = s.base / s.q.value if s.q.value else 1.0
    lo, hi = lo * factor, hi * factor
    verdict = "agrees" if lo - 1e-9 * abs(hi) <= result <= hi + 1e-9 * abs(hi) else "disagrees"
    return Check(article, first, rule["name"], rule.get("title", ""), tuple(inputs), shown,
                 result, unit, s.q.raw, s.base, tol, verdict)


def checks(page, audit=None, *, units: Sequence[Unit] | None = None) -> list[Check]:
    """Every claim check that the rules of ``data/checks.toml`` find on ``page``.
    ``units``, the page's text units (:func:`zhpaper.corpus.units` of ``page`` and
    ``audit``) if the caller has them already: ``audit`` is then not used."""
    from .. import corpus

    out: list[Check] = []
    for u in corpus.units(page, audit) if units is None else units:
        spans = corpus.sentences(u.text)
        facts = []
        for q in quantities(u.text):
            k = next((k for k, (s, e) in enumerate(spans) if s <= q.start < e), 0)
            base, base_unit = _convert(q)
            facts.append(_Fact(q, u.line_at(q.start), k, q.start, base, base_unit))
        for rule in rules():
            scope = rule.get("scope", "sentence")
            groups = ([[f for f in facts if f.sentence == k] for k in range(len(spans))]
                      if scope == "sentence" else [facts])
            for group in groups:
                for bound in _match(rule, group, u.text):
                    out.append(_check(rule, bound, u.article))
    seen, unique = set(), []
    for c in out:
        key = (c.rule, tuple((i["raw"], i["line"]) for i in c.inputs))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


CHECK_COLUMNS = ["article", "line", "rule", "inputs", "formula", "result", "unit", "stated",
                 "tolerance", "verdict", "note"]


def checks_frame(page, audit=None, *, units: Sequence[Unit] | None = None):
    """One row per claim check: ``article``, ``line`` (first input), ``rule``, ``inputs``
    (``role=raw@line``, joined by ``; ``), ``formula`` (with the numbers), ``result``,
    ``unit``, ``stated`` (raw, if the page states the value), ``tolerance``,
    ``verdict`` (agrees, disagrees, derived), ``note``. ``units`` as in :func:`checks`."""
    import pandas as pd

    rows = [(c.article, c.line, c.rule,
             "; ".join(f"{i['role']}={i['raw']}@{i['line']}" for i in c.inputs),
             c.formula, c.result, c.unit, c.stated, c.tolerance, c.verdict, c.note)
            for c in checks(page, audit, units=units)]
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)
