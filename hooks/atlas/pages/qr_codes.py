"""QR codes made at build time (segno), as SVG path data for a template to draw: no network when the sheet is viewed."""

from __future__ import annotations

import json
from dataclasses import dataclass

import segno

from atlas.site.build_cache import QR_CODES

QUIET_ZONE = 4
"""Light modules around the code, as the QR standard asks."""


@dataclass(frozen=True)
class QrCode:
    """A QR code ready for an SVG template: one unit per module."""

    text: str
    """What it encodes."""
    size: int
    """Width and height in modules, quiet zone included (the SVG viewBox)."""
    path: str
    """SVG path data of the dark modules, one horizontal run at a time."""


def qr_code(text: str) -> QrCode:
    """The QR code of a text (error correction M: readable with a crease or a smudge), made again only for a new text."""
    size, path = json.loads(QR_CODES.text((text,), lambda: _made(text)))
    return QrCode(text, size, path)


def _made(text: str) -> str:
    """The code's size and the path of its dark modules, as JSON (what the cache keeps)."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    runs = []
    for y, cells in enumerate(code.matrix_iter(scale=1, border=QUIET_ZONE)):
        row = list(cells)
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    width, _ = code.symbol_size(scale=1, border=QUIET_ZONE)
    return json.dumps([int(width), "".join(runs)])


def page_address(site_url: str, path: str) -> str:
    """The public address of a page path such as routines/x/, or "" when the site has no address."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else ""
