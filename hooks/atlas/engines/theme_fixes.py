"""Fixes to the theme's own templates, applied as they are loaded, where no block lets a template override them.

- base.html writes `autocomplete="off"` on its two checkbox toggles (a Firefox workaround); HTML allows the
  attribute only on text-like inputs, so the Nu checker reports it on every page.
- base.html names Material's search worker, which downloads the whole index; ours (overrides/assets/search-worker.js)
  takes the same messages and reads the index in shards (site/search_shards.py). Material names it as `"search"`,
  MaterialX (its continuation, with `search: {provider: lunr}`) as `"workerUrl"`. The export, built without the hooks,
  keeps Material's worker and its whole index.
- partials/search.html gives its dialog no accessible name (axe: aria-dialog-name) and writes Safari's
  non-standard `autocorrect` attribute (invalid HTML).

Copying the templates instead would pin the theme's version of everything in them (base.html its hashed asset
names); a patch changes only what it names, and when the theme stops writing it, the patch changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import BaseLoader, Environment

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
_AUTOCORRECT = re.compile(r'\s+autocorrect="off"')
_SEARCH_WORKER = re.compile(r'("(?:search|workerUrl)":\s*)"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
SEARCH_WORKER = "assets/search-worker.js"
"""Our search worker, inside the built site."""


def _base(source: str) -> str:
    return _SEARCH_WORKER.sub(rf'\1"{SEARCH_WORKER}"', _CHECKBOX_AUTOCOMPLETE.sub(r"\1", source))


def _search_partial(source: str) -> str:
    named = _SEARCH_DIALOG.sub(r"""\1 aria-label="{{ lang.t('search') }}">""", source)
    return _AUTOCORRECT.sub("", named)


PATCHES: dict[str, Callable[[str], str]] = {
    "base.html": _base,
    "partials/search.html": _search_partial,
}
"""Template name -> the change made to its source."""


class PatchedLoader(BaseLoader):
    """The theme's loader, with PATCHES applied to the templates they name."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        patch = PATCHES.get(template)
        return (patch(source) if patch else source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def patch_theme(environment: Environment) -> Environment:
    """The environment, loading templates through PatchedLoader."""
    if environment.loader is not None and not isinstance(environment.loader, PatchedLoader):
        environment.loader = PatchedLoader(environment.loader)
        if environment.cache is not None:
            environment.cache.clear()
    return environment
