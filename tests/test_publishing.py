"""What a published site needs: sitemap, canonical and Open Graph meta, JSON-LD on exercises, a helpful 404, a workflow."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

import zxingcpp
from PIL import Image

from atlas.site.site_address import SITE_URL_VARIABLE
from browser import WatchedPage, serve_folder
from conftest import REPO, BuildResult, repo_config
from shared_run import SharedRun


def test_sitemap_lists_every_page_under_site_url(real_site: BuildResult) -> None:
    sitemap = (real_site.site / "sitemap.xml").read_text()
    site_url = repo_config()["site_url"]
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
    # on main, the address comes from GitHub Pages and is checked before the build that is published
    build = workflow["jobs"]["build"]["steps"]
    order = [step.get("uses", step.get("run", "")).split("@")[0] for step in build]
    assert order.index("actions/configure-pages") < order.index("upper-back-atlas address") < order.index("mkdocs build --strict")
    assert "steps.pages.outputs.base_url" in next(step["run"] for step in build if "GITHUB_ENV" in step.get("run", ""))


def test_a_deploy_build_prints_qr_codes_of_the_real_address(shared_run: SharedRun, shared_page: WatchedPage, tmp_path: Path) -> None:
    """Built as the workflow builds it (the address from the environment), a sheet's QR code decodes to the real page;
    the address check passes, and refuses the local default."""
    address = "https://lifters.github.io/upper-back-atlas/"
    environment = shared_run.environment() | {SITE_URL_VARIABLE: address}
    site = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=REPO, env=environment,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    check = [sys.executable, "-m", "atlas", "--project", str(REPO), "address"]
    assert subprocess.run(check, env=environment, capture_output=True).returncode == 0
    local = {key: value for key, value in environment.items() if key != SITE_URL_VARIABLE}
    refused = subprocess.run(check, env=local, capture_output=True, text=True)
    assert refused.returncode == 1 and "is a placeholder" in refused.stderr.splitlines()[0]
    routine = "desk-posture-reset"
    with serve_folder(site) as url:
        page = shared_page.page
        page.goto(f"{url}routines/{routine}/")
        assert page.get_attribute("link[rel=canonical]", "href") == f"{address}routines/{routine}/"
        page.goto(f"{url}routines/{routine}/sheet/")
        page.emulate_media(media="print")
        png = page.locator(".uba-qr svg").first.screenshot(scale="device")
        page.emulate_media(media="screen")
    image = Image.open(io.BytesIO(png)).convert("L").resize((400, 400), Image.Resampling.NEAREST)
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in codes] == [f"{address}routines/{routine}/"]
    assert f"<loc>{address}exercises/face-pull/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
