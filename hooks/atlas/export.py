"""Write the whole site as plain Markdown that any engine reading mkdocs.yml can build, without our hooks."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .generation import GeneratedSite, generate_site
from .layout import ProjectLayout

EXPORT_DOCS = "docs"
"""The folder inside an export that holds the pages."""
HOOK_ONLY_SETTINGS = ("hooks", "watch", "edit_uri")
"""Settings that make sense only beside the sources: the hooks, live reload and edit links to records."""


def export_site(layout: ProjectLayout, config_file: Path, out: Path) -> GeneratedSite:
    """Write articles (links woven), generated pages, the JSON export, overrides and a hook-free mkdocs.yml into `out`."""
    sources = generate_site(layout)
    if out.exists():
        shutil.rmtree(out)
    docs = out / EXPORT_DOCS
    shutil.copytree(layout.content_dir, docs, ignore=shutil.ignore_patterns("*.md"))
    for article in sources.articles.values():
        text = f"---\n{article.front_matter}---\n\n{article.markdown}" if article.front_matter else article.markdown
        _write(docs / article.src_uri, text)
    for page in sources.pages:
        _write(docs / page.src_uri, page.markdown)
    for extra in sources.files:
        target = docs / extra.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(extra.content)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(layout.root / theme["custom_dir"], out / theme["custom_dir"])
    for setting in HOOK_ONLY_SETTINGS:
        config.pop(setting, None)
    config["docs_dir"] = EXPORT_DOCS
    config.setdefault("extra", {})["index_urls"] = sources.index_urls
    config["extra"]["map_links"] = sources.map_links
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sources


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
