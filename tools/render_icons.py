"""Render the app icons (PNG) from the logo (SVG) in headless Chromium: `.venv/bin/python tools/render_icons.py`.

The icons are committed; run this again after changing overrides/assets/images/logo.svg. Each icon is the
logo on a full square of its own background colour, inside the central 80 % that maskable icons keep.
The header shows the logo file itself (`theme.logo`, also the favicon): one cached file instead of a copy in every page.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium  # noqa: E402

IMAGES = ROOT / "overrides" / "assets" / "images"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180}
BACKGROUND = "#fdf6ef"
"""The logo tile's colour, so the square and the tile are one surface."""


def main() -> None:
    svg = "data:image/svg+xml;base64," + base64.b64encode((IMAGES / "logo.svg").read_bytes()).decode("ascii")
    with chromium() as browser:
        for name, size in SIZES.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f'<body style="margin:0;background:{BACKGROUND};display:grid;place-items:center;height:100vh">'
                             f'<img src="{svg}" style="width:80%;height:80%"></body>')
            page.wait_for_function("document.images[0].complete")
            page.screenshot(path=str(IMAGES / name), omit_background=False)
            page.close()


if __name__ == "__main__":
    main()
