"""Sphinx extension: drop duplicate <script> entries from every page.

sphinx-thebe 0.3.1 registers its inline configuration script during
``env-before-read-docs``; with Sphinx 7.4 that script ends up in every page twice, and
the second copy fails in the browser ("Identifier 'THEBE_JS_URL' has already been
declared"). This keeps the first copy of each script and removes the repeats.
"""

from __future__ import annotations


def _key(script) -> tuple:
    attrs = getattr(script, "attributes", {}) or {}
    # inline scripts come with filename None or "" depending on who added them
    return (str(getattr(script, "filename", script) or ""), attrs.get("body"))


def dedupe(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = _key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("html-page-context", dedupe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
