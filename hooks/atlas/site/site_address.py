"""The published address (site_url): set from the environment where the site is deployed, and never a placeholder there.

mkdocs.yml reads it from SITE_URL_VARIABLE (a local build keeps the placeholder default); canonical links, the sitemap
and the QR codes on printed sheets carry it, so a deploy with a placeholder would print sheets that lead nowhere."""

from __future__ import annotations

from urllib.parse import urlsplit

from atlas.problems import Problem

SITE_URL_VARIABLE = "UPPER_BACK_ATLAS_SITE_URL"
"""The environment variable mkdocs.yml takes site_url from (`!ENV`)."""
PLACEHOLDER_HOSTS = ("localhost", "127.0.0.1", "[::1]")
PLACEHOLDER_SUFFIXES = (".example", ".test", ".invalid", ".localhost")
"""Hosts no reader can reach: the reserved names (RFC 2606) and this machine."""


def address_problems(site_url: str, config_file: str) -> list[Problem]:
    """Why this address cannot be published (nothing when it can)."""
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    wanted = f"expected the published address, such as https://host/path/ (set {SITE_URL_VARIABLE})"
    if parts.scheme not in ("http", "https") or not host:
        return [Problem(config_file, 0, "site_url", f"{site_url!r} is not an address; {wanted}")]
    if host in PLACEHOLDER_HOSTS or host.endswith(PLACEHOLDER_SUFFIXES) or f"[{host}]" in PLACEHOLDER_HOSTS:
        return [Problem(config_file, 0, "site_url", f"{site_url!r} is a placeholder; {wanted}")]
    return []
