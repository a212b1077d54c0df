"""Record text is inert wherever it lands: every record kind (exercise, routine, taxonomy group, part and equipment,
article front matter), every page kind, checked in the HTML and in a real browser."""

from __future__ import annotations

import html
import html.parser
import json
import re
from pathlib import Path

import pytest
import yaml

from browser import FINDER_DRAWN, WatchedPage, serve_folder
from conftest import BuildResult, build, make_project

PAGES = {
    "home": "", "guide": "guides/sample/", "exercise": "exercises/band-pull-apart/", "exercise-2": "exercises/face-pull/",
    "muscle": "muscles/rhomboids/", "muscle-2": "muscles/rear-delts/", "muscle-3": "muscles/traps/", "map": "muscles/",
    "finder": "exercises/", "finder-query": "exercises/?muscle=rhomboids", "finder-search": "exercises/?q=onerror",
    "routine": "routines/quick-pull/", "routines": "routines/", "404": "404.html",
}
IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = "](javascript:alert(2))["
IFRAME = '<iframe srcdoc="<script>alert(3)</script>"></iframe>'
ATTRIBUTE = '"><img src=x onerror=alert(4)>'
SVG = "<svg onload=alert(5)>"
SCRIPT = "</script><script>alert(6)</script>"
TEMPLATE = "{{ 7*7 }} {% raw %}"


def _edit(path: Path, change: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = make_project(tmp_path_factory.mktemp("hostile-all") / "project")
    exercises = project / "exercises"
    _edit(exercises / "band-pull-apart.yml", {
        "name": f"Band {IMG} pull apart", "aliases": ["band pull apart", f"javascript:alert(7) {SVG}"],
        "summary": f"[click](javascript:alert(8)) {IFRAME}", "cues": [SCRIPT, '{: onclick="alert(9)" }'],
    })
    _edit(exercises / "face-pull.yml", {"name": f"Face pull{BREAKOUT}face pull", "summary": f"{ATTRIBUTE} {TEMPLATE}"})
    _edit(exercises / "routines/quick-pull.yml", {
        "name": f"Quick {IMG} pull", "goal": f"{ATTRIBUTE} {SCRIPT}", "notes": [IFRAME],
        "blocks": [{"name": f"Warm {SVG}", "items": [{"exercise": "band-pull-apart", "sets": 2, "reps": 15, "notes": SCRIPT},
                                                      {"exercise": "face-pull", "sets": 2, "reps": 12}]}],
    })
    taxonomy = yaml.safe_load((exercises / "_taxonomy.yml").read_text(encoding="utf-8"))
    muscles = taxonomy["muscles"]
    muscles["rhomboids"].update(name=f"Rhomboids {IFRAME}", aliases=["rhomboids"], where=f"{IMG} where", does=f"{SCRIPT} does",
                                training=f"{BREAKOUT} training")
    muscles["rear-delts"].update(name=f"Rear delts{ATTRIBUTE}", aliases=["rear delts", "posterior deltoid"])
    muscles["traps"]["parts"]["upper-traps"].update(name=f"Upper {SVG} traps", aliases=["upper traps"], does=f"{IMG} lifts")
    taxonomy["equipment"]["resistance-band"].update(name=f"Band {SCRIPT}", aliases=[f"{IMG}"])
    (exercises / "_taxonomy.yml").write_text(yaml.safe_dump(taxonomy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    guide = project / "content/guides/sample.md"
    text = guide.read_text(encoding="utf-8")
    text = text.replace("title: Sample guide", f"title: 'Sample {IMG} guide'").replace(
        "description: A guide that mentions exercises and muscles.", f"description: '{ATTRIBUTE} {SCRIPT}'")
    text += ("\n## Explicit links\n\n[[exercise:band-pull-apart]], [[exercise:face-pull]], [[routine:quick-pull]], "
             "[[muscle:rhomboids]], [[muscle:rear-delts]], [[muscle:upper-traps]].\n")
    guide.write_text(text, encoding="utf-8")
    home = project / "content/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nTry [[routine:quick-pull]] or [[exercise:face-pull]].\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


DATA_BLOCKS = ("application/ld+json", "application/json")
"""Script types a browser never runs: data blocks, written with tojson (which escapes <, > and &) and read as text."""


class _Elements(html.parser.HTMLParser):
    """Elements and attributes as a browser would read them (entities decoded), and inline script text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))
        self._script = tag == "script" and dict(attrs).get("type") not in DATA_BLOCKS

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)


def _own_image(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """The theme's own logo (an <img> of a file in assets/images/, with no other attribute a record could bring)."""
    values = dict(attrs)
    return tag == "img" and (values.get("src") or "").split("assets/images/")[0].strip("./") == "" and "assets/images/" in (
        values.get("src") or "") and set(values) <= {"src", "alt", "class", "width", "height"}


def _injected(text: str) -> list[str]:
    parser = _Elements()
    parser.feed(text)
    found = [f"<{tag}>" for tag, attrs in parser.found if tag in ("iframe", "img", "object", "embed") and not _own_image(tag, attrs)]
    found += [f"<{tag} {name}>" for tag, attrs in parser.found for name, value in attrs
              if name.startswith("on") or name == "srcdoc"
              or (name in ("href", "src", "action", "formaction", "xlink:href")
                  and (value or "").strip().lower().startswith("javascript:"))]
    found += [script for script in parser.scripts if "alert(" in script]
    return found


def test_no_page_of_any_kind_holds_live_markup_from_a_record(hostile_site: BuildResult) -> None:
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 15
    assert {str(path.relative_to(hostile_site.site)): found
            for path in pages if (found := _injected(path.read_text(encoding="utf-8")))} == {}


def _links(fragment: str) -> set[tuple[str, str]]:
    """(href, text as the reader sees it) of every link whose text holds no markup."""
    return {(href, html.unescape(text)) for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', fragment)}


def test_links_to_records_show_their_names_as_text(hostile_site: BuildResult) -> None:
    guide = hostile_site.article("guides/sample/")
    assert _links(guide[guide.index('id="explicit-links"'):]) >= {
        ("../../exercises/band-pull-apart/", f"Band {IMG} pull apart"),
        ("../../exercises/face-pull/", f"Face pull{BREAKOUT}face pull"),
        ("../../routines/quick-pull/", f"Quick {IMG} pull"),
        ("../../muscles/rhomboids/", f"Rhomboids {IFRAME}"),
        ("../../muscles/rear-delts/", f"Rear delts{ATTRIBUTE}"),
        ("../../muscles/traps/#upper-traps", f"Upper {SVG} traps"),
    }
    assert _links(hostile_site.article("")) >= {("routines/quick-pull/", f"Quick {IMG} pull"),
                                                ("exercises/face-pull/", f"Face pull{BREAKOUT}face pull")}


def test_head_meta_json_ld_and_map_labels_are_escaped(hostile_site: BuildResult) -> None:
    guide = hostile_site.page("guides/sample/")
    head = guide[: guide.index("</head>")]
    assert "<title>Sample &lt;img src=x onerror=alert(1)&gt; guide - " in head
    parser = _Elements()  # the description stays one attribute's text, however the HTML is serialised
    parser.feed(head)
    descriptions = [dict(attrs).get("content") for tag, attrs in parser.found
                    if tag == "meta" and dict(attrs).get("name") == "description"]
    assert descriptions == ['"><img src=x onerror=alert(4)> </script><script>alert(6)</script>']
    assert [tag for tag, _ in parser.found if tag == "img"] == []
    exercise = hostile_site.page("exercises/band-pull-apart/")
    assert "<title>Band &lt;img src=x onerror=alert(1)&gt; pull apart - " in exercise
    legend = hostile_site.page("404.html")
    legend = legend[legend.index('class="uba-map-legend"'):]
    assert ("/muscles/rear-delts/", f"Rear delts{ATTRIBUTE}") in {
        (href, html.unescape(re.sub(r"<[^>]+>", "", text)).strip().lstrip("0123456789 "))
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', legend)}
    for path in ("exercises/face-pull/", "routines/quick-pull/"):
        page = hostile_site.page(path)
        for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL):
            assert "</script" not in data.lower() and "<" not in data
            json.loads(data)


def test_search_index_and_json_export_hold_no_markup(hostile_site: BuildResult) -> None:
    search = sorted(path.relative_to(hostile_site.site).as_posix() for path in (hostile_site.site / "search").rglob("*.json"))
    assert "search/search_index.json" in search and any("/pages/" in name for name in search)
    for name in (*search, "api/exercises.json"):
        text = (hostile_site.site / name).read_text(encoding="utf-8")
        json.loads(text)
        assert re.findall(r"<(?:img|script|iframe|svg)\b", text) == [], name


def test_every_kind_of_page_runs_nothing_in_a_browser(hostile_site: BuildResult, watched: WatchedPage) -> None:
    page = watched.page
    live = """() => [...document.querySelectorAll('*')].flatMap(element => [...element.attributes]
        .filter(a => a.name.startsWith('on') || a.name === 'srcdoc' || (['href', 'src', 'action'].includes(a.name)
                && a.value.trim().toLowerCase().startsWith('javascript:')))
        .map(a => element.tagName + ' ' + a.name)).concat([...document.querySelectorAll('iframe, img[src="x"]')].map(e => e.tagName))"""
    with serve_folder(hostile_site.site) as url:
        found = {}
        for kind, path in PAGES.items():
            page.goto(url + path)  # the DOM is read, not waited on for handlers to fire: a live attribute is found as it is
            if kind.startswith("finder"):
                page.wait_for_selector(FINDER_DRAWN)
            if kind == "map":
                page.focus(".uba-map-legend a[href$='rear-delts/']")
            if elements := page.evaluate(live):
                found[kind] = elements
        page.goto(url + "exercises/")
        page.click(".md-search__input")
        page.keyboard.type("onerror", delay=5)
        page.wait_for_selector(".md-search-result__item")
        if elements := page.evaluate(live):
            found["search"] = elements
        assert found == {}
    # the watched fixture fails the test if a dialog opened
