"""Write the whole site as plain Markdown that any engine reading mkdocs.yml can build, without our hooks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from atlas.generation import GeneratedSite, generate_site
from atlas.layout import ProjectLayout

EXPORT_DOCS = "docs"
"""The folder inside an export that holds the pages."""
HOOK_ONLY_SETTINGS = ("hooks", "watch", "edit_uri", "edit_uri_template")
"""Settings that make sense only beside the sources: the hooks, live reload, and edit links (each exported page
carries its own edit_url instead, to the record or article it comes from)."""


def export_site(layout: ProjectLayout, config: dict[str, Any], out: Path) -> GeneratedSite:
    """Write articles (links woven), generated pages, the JSON export, overrides and a hook-free mkdocs.yml into `out`."""
    sources = generate_site(layout)
    if out.exists():
        shutil.rmtree(out)
    docs = out / EXPORT_DOCS
    for file in layout.content_files():  # only the files a build may publish: never a link that leaves the project
        if file.suffix != ".md":
            target = docs / file.relative_to(layout.content_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    edit_base = _edit_base(config)
    for article in sources.articles.values():
        _write(docs / article.src_uri, _with_edit_url(article.source, edit_base, f"{layout.content_dir.name}/{article.src_uri}"))
    for page in sources.pages:
        _write(docs / page.src_uri, _with_edit_url(page.markdown, edit_base if page.source else None, page.source or ""))
    for extra in sources.files:
        target = docs / extra.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(extra.content)
    config = dict(config)
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(layout.root / theme["custom_dir"], out / theme["custom_dir"])
    for setting in HOOK_ONLY_SETTINGS:
        config.pop(setting, None)
    if config.get("repo_url"):
        config["edit_uri"] = ""  # else MkDocs makes its own edit links from repo_url, in place of each page's edit_url
    config["docs_dir"] = EXPORT_DOCS
    config["extra"] = {**(config.get("extra") or {}), **sources.template_settings}
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sources


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _edit_base(config: dict[str, Any]) -> str | None:
    """Where "Edit this page" links start, as MkDocs computes it from repo_url and edit_uri."""
    edit_uri = config.get("edit_uri")
    if not isinstance(edit_uri, str) or not edit_uri:
        return None
    base = edit_uri if "://" in edit_uri else urljoin(str(config.get("repo_url") or ""), edit_uri)
    return base if base.endswith("/") else base + "/"


def _with_edit_url(markdown: str, base: str | None, path: str) -> str:
    """The page with `edit_url` in its front matter (overrides/partials/actions.html reads it)."""
    if base is None or not markdown.startswith("---\n"):
        return markdown
    return f"---\nedit_url: {json.dumps(base + path)}\n{markdown[4:]}"
