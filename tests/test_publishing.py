"""What a published site needs: sitemap, canonical and Open Graph meta, JSON-LD on exercises, a helpful 404, a workflow."""

from __future__ import annotations

import json
import re

import yaml

from conftest import REPO, BuildResult


def test_sitemap_lists_every_page_under_site_url(real_site: BuildResult) -> None:
    sitemap = (real_site.site / "sitemap.xml").read_text()
    site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text())["site_url"]
    assert f"<loc>{site_url}exercises/face-pull/</loc>" in sitemap
    assert sitemap.count("<loc>") == len(list(real_site.site.rglob("index.html")))


def test_each_page_has_description_canonical_and_open_graph(real_site: BuildResult) -> None:
    for path in ("", "guides/activation/", "exercises/face-pull/", "muscles/traps/", "routines/desk-posture-reset/"):
        head = real_site.page(path).split("</head>")[0]
        assert re.search(r'<meta name="description" content="[^"]{20,}">', head), path
        assert '<link rel="canonical" href="https://' in head, path
        for prop in ("og:title", "og:description", "og:url", "og:site_name"):
            assert f'<meta property="{prop}" content="' in head, (path, prop)


def test_exercise_pages_carry_howto_json_ld(real_site: BuildResult) -> None:
    html = real_site.page("exercises/farmers-carry/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1))
    record = yaml.safe_load((REPO / "exercises/farmers-carry.yml").read_text())
    assert data["@type"] == "HowTo" and data["name"] == record["name"] == "Farmer's carry"
    assert [step["text"] for step in data["step"]] == [" ".join(step.split()) for step in record["steps"]]  # whitespace folded


def test_404_page_offers_the_finder_search_and_map(real_site: BuildResult) -> None:
    html = real_site.page("404.html")
    assert "Page not found" in html and 'href="/exercises/"' in html
    assert html.count('class="uba-view"') == 4 and 'href="/muscles/rhomboids/" data-link=' in html


def test_publishing_workflow_builds_strict_and_deploys() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "mkdocs build --strict" in steps and "python3 dev.py test" in [s.get("run") for s in workflow["jobs"]["test"]["steps"]]
    assert workflow["jobs"]["deploy"]["needs"] == ["build", "test"]
