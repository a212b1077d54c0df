"""`mkdocs serve` generates the site again after each save (hooks/atlas/regeneration.py): the exercise pages it takes
over as they were are exactly the pages a full generation gives, and an edit that other pages show renders them all."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO

from atlas.generation import generate_site
from atlas.layout import ProjectLayout
from atlas.records.model import ExerciseLink
from atlas.pages.page_kinds import PAGE_KINDS
from atlas.problems import AtlasProblems
from atlas.regeneration import OWN_FIELDS_SHOWN_BESIDE, OWN_PAGE_FIELDS, Regeneration
from atlas.routines.routine_generation import generate_routines

MOST_SHOWN = 3
"""How many of the exercises most shown on other exercise pages are edited."""


def _real_project(root: Path) -> ProjectLayout:
    for folder in ("content", "exercises", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copyfile(REPO / "assets.yml", root / "assets.yml")
    return ProjectLayout(root, root / "content")


def _most_shown(layout: ProjectLayout) -> list[str]:
    """The exercises that other exercises' pages link most (options, related exercises, ladders)."""
    atlas = generate_site(layout).atlas
    shown: Counter[str] = Counter()
    for exercise in atlas.exercises.values():
        for step in (*exercise.easier, *exercise.harder):
            if isinstance(step, ExerciseLink):
                shown[step.exercise] += 1
        shown.update(exercise.related)
    for ladder in atlas.ladders.values():
        shown.update(step.exercise for step in ladder.steps)
    return [exercise_id for exercise_id, _ in shown.most_common(MOST_SHOWN)]


def _edit(layout: ProjectLayout, exercise_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    record = layout.exercises_dir / f"{exercise_id}.yml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    change(data)
    record.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def _own_page_field(name: str, sources: list[str]) -> Callable[[dict[str, Any]], None]:
    """An edit of one field of OWN_PAGE_FIELDS, every line of it (so a page that shows even its first line differs)."""
    def change(data: dict[str, Any]) -> None:
        if name == "summary":
            data[name] = f"Edited: {data[name]} Edited for the test."
        elif name == "reviewed":
            data[name] = "2026-11-30" if str(data.get(name)) != "2026-11-30" else "2026-11-29"
        elif name == "sources":
            data[name] = [*data[name], next(source for source in sources if source not in data[name])]
        else:
            data[name] = [*(f"Edited: {line}" for line in data.get(name, [])), f"An edited {name} line."]

    return change


def _every_own_page_field(sources: list[str]) -> Callable[[dict[str, Any]], None]:
    """An edit of every field in OWN_PAGE_FIELDS, every line of each."""
    def change(data: dict[str, Any]) -> None:
        for name in OWN_PAGE_FIELDS:
            _own_page_field(name, sources)(data)
        assert set(data) >= OWN_PAGE_FIELDS - {"reviewed"}

    return change


def _pages(layout: ProjectLayout) -> dict[str, str]:
    return {page.src_uri: page.markdown for page in generate_site(layout).pages}


def test_an_edit_of_what_only_its_own_page_shows_renders_that_page_alone_and_the_rest_as_before(tmp_path: Path) -> None:
    """Every page is what a full generation gives; the pages kept are every page but the exercise's own and those that
    show one of its edited fields (OWN_FIELDS_SHOWN_BESIDE: the routine pages, their sheets and the bibliography)."""
    layout = _real_project(tmp_path / "project")
    sources = sorted(path.stem for path in (layout.exercises_dir / "sources").glob("*.yml"))
    regeneration = Regeneration()
    regeneration.generate(layout)
    assert regeneration.reused == 0
    for exercise_id in _most_shown(layout):
        _edit(layout, exercise_id, _every_own_page_field(sources))
        regenerated = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
        full = _pages(layout)
        assert sorted(regenerated) == sorted(full)
        assert [uri for uri in full if regenerated[uri] != full[uri]] == [], exercise_id
        assert "Edited for the test." in regenerated[f"exercises/{exercise_id}.md"]
        assert regeneration.reused == sum(not uri.startswith(("routines/", "sources/")) for uri in full) - 1, exercise_id


@pytest.mark.parametrize("name", sorted(OWN_PAGE_FIELDS))
def test_a_field_only_some_pages_show_renders_those_pages_again(tmp_path: Path, name: str) -> None:
    """The field edited on every exercise: every page is what a full generation gives, though the pages that
    OWN_FIELDS_SHOWN_BESIDE says do not show it are kept (a page of the kind that does show it would differ)."""
    layout = _real_project(tmp_path / "project")
    sources = sorted(path.stem for path in (layout.exercises_dir / "sources").glob("*.yml"))
    regeneration = Regeneration()
    before = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
    for record in layout.exercises_dir.glob("[!_]*.yml"):
        _edit(layout, record.stem, _own_page_field(name, sources))
    regenerated = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
    assert regenerated == _pages(layout)
    shown_in = {PAGE_KINDS[kind].folder for kind, shown in OWN_FIELDS_SHOWN_BESIDE.items() if name in shown}
    kept = [uri for uri in before if not uri.startswith(("exercises/", *(f"{folder}/" for folder in shown_in)))]
    assert regeneration.reused == len(kept) + 1 > 20  # the exercise index too


def test_an_edited_summary_renders_its_own_page_alone(tmp_path: Path) -> None:
    """A summary is shown on its exercise's page alone (the finder and the export show it too, made after the rebuild)."""
    layout = _real_project(tmp_path / "project")
    regeneration = Regeneration()
    before = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
    _edit(layout, "face-pull", lambda data: data.update(summary=f"Edited: {data['summary']}"))
    regenerated = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
    assert regeneration.reused == len(before) - 1
    assert [uri for uri in before if regenerated[uri] != before[uri]] == ["exercises/face-pull.md"]
    assert regenerated == _pages(layout)


@pytest.mark.parametrize("change", [
    pytest.param(lambda data: data.update(name=f"{data['name']} edited"), id="name"),
    pytest.param(lambda data: data.update(aliases=[*data.get("aliases", []), "Edited alias"]), id="aliases"),
    pytest.param(lambda data: data.update(harder=[*data.get("harder", []), {"exercise": "face-pull"}]), id="harder"),
])
def test_an_edit_other_pages_show_renders_every_page(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    layout = _real_project(tmp_path / "project")
    regeneration = Regeneration()
    regeneration.generate(layout)
    _edit(layout, "band-pull-apart", change)
    regenerated = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
    assert regeneration.reused == 0
    assert regenerated == _pages(layout)


def test_an_edited_routine_renders_every_page(tmp_path: Path) -> None:
    layout = _real_project(tmp_path / "project")
    regeneration = Regeneration()
    regeneration.generate(layout)
    routine = next(iter(sorted((layout.exercises_dir / "routines").glob("*.yml"))))
    data = yaml.safe_load(routine.read_text(encoding="utf-8"))
    data["name"] = f"{data['name']} edited"
    routine.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    regenerated = {page.src_uri: page.markdown for page in regeneration.generate(layout).pages}
    assert regeneration.reused == 0
    assert regenerated == _pages(layout)


def test_the_generated_sessions_are_made_again_only_when_an_edit_can_change_them(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """They read no field of OWN_PAGE_FIELDS: after such an edit the last ones are kept; after an edit of the dose of an
    exercise they use, they are made again, and every page is what a full generation gives."""
    made: list[int] = []

    def counted(atlas: Any) -> Any:
        made.append(1)
        return generate_routines(atlas)

    monkeypatch.setattr("atlas.regeneration.generate_routines", counted)
    layout = _real_project(tmp_path / "project")
    sources = sorted(path.stem for path in (layout.exercises_dir / "sources").glob("*.yml"))
    regeneration = Regeneration()
    atlas = regeneration.generate(layout).atlas
    used = [item.exercise_id for routine_id, routine in atlas.routines.items() if routine_id.startswith("focus-")
            for block in routine.blocks for item in block.items]
    assert "face-pull" in used and len(made) == 1
    _edit(layout, "face-pull", _every_own_page_field(sources))
    assert {page.src_uri: page.markdown for page in regeneration.generate(layout).pages} == _pages(layout)
    assert len(made) == 1
    _edit(layout, "face-pull", lambda data: data["dose"].update(rest="75s"))
    regenerated = regeneration.generate(layout)
    assert len(made) == 2
    assert {page.src_uri: page.markdown for page in regenerated.pages} == _pages(layout)
    assert regenerated.atlas.routines != atlas.routines  # the edit changed a session: kept ones would differ


def test_a_record_kept_from_the_last_save_is_checked_again_when_what_it_names_goes(tmp_path: Path) -> None:
    """An unchanged record's checks are kept between saves only while the ids it may name are the same: a source it
    cites taken away is a problem in the record, and put back, the site is a full generation's again."""
    layout = _real_project(tmp_path / "project")
    regeneration = Regeneration()
    regeneration.generate(layout)
    cited = layout.exercises_dir / "sources" / "neumann-2017.yml"
    kept = cited.read_text(encoding="utf-8")
    cited.unlink()
    with pytest.raises(AtlasProblems) as raised:
        regeneration.generate(layout)
    assert "exercises/face-pull.yml" in {problem.path for problem in raised.value.problems}
    assert any("neumann-2017" in problem.message and problem.field.startswith("sources")
               for problem in raised.value.problems if problem.path == "exercises/face-pull.yml")
    cited.write_text(kept, encoding="utf-8")
    assert {page.src_uri: page.markdown for page in regeneration.generate(layout).pages} == _pages(layout)


def test_the_articles_are_woven_again_when_their_text_or_the_names_they_may_link_change(tmp_path: Path) -> None:
    """An article is woven again only when its text, or the names and pages it may link, changed: after an exercise is
    renamed and after an article is edited, the articles are a full generation's."""
    layout = _real_project(tmp_path / "project")
    regeneration = Regeneration()
    first = regeneration.generate(layout).articles
    _edit(layout, "face-pull", lambda data: data.update(name="Rope face pull"))
    renamed = regeneration.generate(layout).articles
    assert renamed == generate_site(layout).articles and renamed != first
    article = next(path for path in sorted(layout.content_dir.rglob("*.md")) if "face pull" in path.read_text(encoding="utf-8"))
    article.write_text(article.read_text(encoding="utf-8").replace("face pull", "band pull-apart", 1), encoding="utf-8")
    edited = regeneration.generate(layout).articles
    assert edited == generate_site(layout).articles and edited != renamed
