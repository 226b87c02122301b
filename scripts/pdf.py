"""Build one printable PDF of the whole book: Jupyter Book's single-page HTML, printed
by headless Chromium (which renders the Chinese text with the system's CJK fonts).

Usage: python scripts/pdf.py   →  _build/pdf/book.pdf
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                    if shutil.which(n)), None)
    if browser is None:
        print("zhpaper: error: make pdf needs Chromium (Debian: apt-get install chromium "
              "fonts-noto-cjk)", file=sys.stderr)
        return 2
    jb = Path(sys.executable).with_name("jupyter-book")
    status = subprocess.call([str(jb), "build", str(ROOT), "--builder", "singlehtml"])
    if status:
        return status
    import yaml

    root_doc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    single = ROOT / "_build" / "singlehtml"
    # The single page is written as <root doc>.html (book/intro.html) but its links are
    # relative to the output folder: print a copy that sits beside _static and _images.
    page = single / "print.html"
    shutil.copyfile(single / f"{root_doc}.html", page)
    out = ROOT / "_build" / "pdf" / "book.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
             "--virtual-time-budget=10000", f"--print-to-pdf={out}", page.as_uri()],
            check=True, capture_output=True)
    print(f"pdf: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
