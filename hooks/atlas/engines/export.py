"""Write the whole site as plain Markdown that any engine reading mkdocs.yml can build, without our hooks.

The export replaces its folder, so it refuses a folder it could destroy: the project, a folder inside it (but
export/, which .gitignore lists), a folder that holds the project, and a folder with files it did not make (an
export leaves EXPORT_MARKER in its folder). It writes beside the folder and swaps it into place when complete, as a
build publishes a site (publishing.StagedSite): nothing is written outside the folder, and a failed export leaves
the previous one whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml
from markupsafe import Markup

from atlas.generation import GeneratedSite, generate_site
from atlas.layout import ProjectLayout
from atlas.pages.index_pages import API_EXERCISES
from atlas.pages.rendering import render_markdown
from atlas.problems import AtlasProblems, Problem, printable
from atlas.site.publishing import StagedSite

EXPORT_DOCS = "docs"
"""The folder inside an export that holds the pages."""
HOOK_ONLY_SETTINGS = ("hooks", "watch", "edit_uri", "edit_uri_template")
"""Settings that make sense only beside the sources: the hooks, live reload, and edit links (each exported page
carries its own edit_url instead, to the record or article it comes from)."""
EXPORT_MARKER = ".upper-back-atlas-export"
"""The file that marks a folder as an export, which a later export may replace."""


def export_site(layout: ProjectLayout, config: dict[str, Any], out: Path) -> GeneratedSite:
    """Write articles (links woven), generated pages, the JSON export, overrides and a hook-free mkdocs.yml into `out`
    (an absolute path); raises AtlasProblems, writing nothing, for a folder the export may not replace."""
    refusal = out_problem(layout, out)
    if refusal is not None:
        raise AtlasProblems([refusal])
    sources = generate_site(layout)
    staged = StagedSite(out, strict=False)
    try:
        _write_export(layout, config, sources, staged.building)
    except BaseException:
        staged.discard()
        raise
    staged.publish(warnings=0)
    return sources


def out_problem(layout: ProjectLayout, out: Path) -> Problem | None:
    """Why the export may not replace `out` (an absolute path), or None."""
    root, label = layout.root.resolve(), printable(str(out))
    outside = "expected a new folder outside the project, or export/ inside it (which .gitignore lists)"
    if out == root:
        return Problem(label, 0, "export", f"is the project itself; {outside}")
    if out in root.parents:
        return Problem(label, 0, "export", f"holds the project; {outside}")
    if root in out.parents and out != layout.export_dir:
        return Problem(label, 0, "export", f"is inside the project; {outside}")
    if not out.parent.is_dir():
        return Problem(label, 0, "export", "is in a folder that does not exist; expected a folder in an existing one")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        return Problem(label, 0, "export", "is a file or a link; expected a folder")
    if out.is_dir() and not (out / EXPORT_MARKER).is_file() and any(out.iterdir()):
        return Problem(label, 0, "export", f"holds files the export did not make (it has no {EXPORT_MARKER}); "
                       "expected a new or empty folder, or an earlier export")
    return None


def _write_export(layout: ProjectLayout, config: dict[str, Any], sources: GeneratedSite, out: Path) -> None:
    out.mkdir()
    (out / EXPORT_MARKER).write_text("Written by `upper-back-atlas export`; the next export replaces this folder.\n", encoding="utf-8")
    docs = out / EXPORT_DOCS
    for file in layout.content_files():  # only the files a build may publish: never a link that leaves the project
        if file.suffix != ".md":
            _copy(file, docs / file.relative_to(layout.content_dir))
    edit_base = _edit_base(config)
    for article in sources.articles.values():
        _write(docs / article.src_uri, _with_edit_url(article.source, edit_base, f"{layout.content_dir.name}/{article.src_uri}"))
    for page in sources.pages:
        _write(docs / page.src_uri, _with_edit_url(page.markdown, edit_base if page.source else None, page.source or ""))
    for extra in sources.files:
        target = docs / extra.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(extra.content)
    _write(out / "README.md", export_readme(sources))
    config = dict(config)
    if layout.theme_dir is not None and isinstance(config.get("theme"), dict):
        # where the project keeps it (inside the project: layout.source_problems), however mkdocs.yml wrote it
        theme_dir = layout.theme_dir.relative_to(layout.root).as_posix()
        for file in layout.theme_files():
            _copy(file, out / theme_dir / file.relative_to(layout.theme_dir))
        config["theme"] = {**config["theme"], "custom_dir": theme_dir}
    for setting in HOOK_ONLY_SETTINGS:
        config.pop(setting, None)
    if config.get("repo_url"):
        config["edit_uri"] = ""  # else MkDocs makes its own edit links from repo_url, in place of each page's edit_url
    config["docs_dir"] = EXPORT_DOCS
    config["extra"] = {**(config.get("extra") or {}), **sources.template_settings}
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


OPEN_DATABASES = (
    ("free_exercise_db", "free-exercise-db", "public domain, released under the Unlicense (github.com/yuhonas/free-exercise-db)."),
    ("wger", "wger", "each exercise carries its own licence, given with it in wger's data (wger.de)."),
)
"""The open exercise databases an exercise's `ids` may name: the key, the name, and the licence of its data."""


def export_readme(sources: GeneratedSite) -> str:
    """The export's README: what the folder is, how to build it, and the licences of the databases its ids name."""
    exercises = sources.atlas.exercises.values()
    databases = [{"key": Markup(key), "name": name, "licence": licence,
                  "count": sum(1 for exercise in exercises if exercise.ids and getattr(exercise.ids, key))}
                 for key, name, licence in OPEN_DATABASES]
    # names the project declares, shown in code spans, where Markdown escapes would be printed as they are
    return render_markdown("export_readme.md.j2", "README.md", docs=Markup(EXPORT_DOCS), api=Markup(API_EXERCISES), databases=databases)


def _copy(file: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(file, target)


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
