"""Work kept between builds (figures, pages, QR codes, parsed records) never shows anything stale, and generated
front matter handed to MkDocs as data reads exactly as MkDocs would read the text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup
from mkdocs.utils import meta

from conftest import REPO, SIMPLE_FIGURE, build

from atlas.pages import rendering
from atlas.figures import figure_check
from atlas.site import build_cache
from atlas.problems import AtlasProblems
from atlas.pages.generated_meta import split_generated
from atlas.generation import generate_site
from atlas.layout import ProjectLayout
from atlas.pages.render_inputs import Unkeyable, input_text
from atlas.pages.rendering import render_markdown
from atlas.records.text_checks import hidden_characters


def _pages(project: Path) -> dict[str, str]:
    site = generate_site(ProjectLayout(project, project / "content"))
    return {page.src_uri: page.markdown for page in site.pages}


def _entries(folder: Path) -> set[str]:
    return {path.name for path in folder.rglob("*") if path.is_file()}


def test_an_edited_record_is_drawn_and_rendered_again(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    first = _pages(project)
    kept = _entries(tmp_path / "cache")
    assert {folder.name for folder in (tmp_path / "cache").iterdir()} >= {"figures", "pages", "parsed-yaml"}
    record = project / "exercises" / "face-pull.yml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["name"] = "Rope face pull"
    data["figure"] = SIMPLE_FIGURE
    record.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    second = _pages(project)
    monkeypatch.setenv(build_cache.CACHE_SETTING, "")
    assert second == _pages(project)  # what a build with nothing kept gives
    page = second["exercises/face-pull.md"]
    assert "# Rope face pull" in page and 'aria-label="Rope face pull' in page
    assert page != first["exercises/face-pull.md"]
    assert len(_entries(tmp_path / "cache") - kept) >= 3  # the new figure, its page and the record parsed again


def test_a_second_build_takes_everything_from_the_cache(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    first = _pages(project)
    kept = _entries(tmp_path / "cache")
    assert _pages(project) == first
    assert _entries(tmp_path / "cache") == kept  # nothing made again


def test_a_changed_template_or_module_makes_new_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "atlas"
    shutil.copytree(build_cache.CODE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build_cache, "CODE_DIR", code)
    fingerprints = []
    for edited in ("templates/exercise.md.j2", "figures/figure_drawing.py"):
        build_cache._code_digest.cache_clear()
        fingerprints.append(build_cache.code_fingerprint())
        (code / edited).write_text((code / edited).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    build_cache._code_digest.cache_clear()
    fingerprints.append(build_cache.code_fingerprint())
    build_cache._code_digest.cache_clear()
    assert len(set(fingerprints)) == 3


def test_an_unusable_cache_folder_only_costs_time(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(blocker / "cache"))
    pages = _pages(project)
    monkeypatch.setenv(build_cache.CACHE_SETTING, "")
    assert pages == _pages(project)


def test_a_context_is_written_out_with_its_types_or_not_kept() -> None:
    assert input_text({"a": Markup("x")}) != input_text({"a": "x"})
    assert input_text((1,)) != input_text([1]) != input_text((1.0,))
    with pytest.raises(Unkeyable):
        input_text({"a": object()})


def test_every_generated_page_of_the_real_site_can_be_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    refused: list[object] = []

    def watched(value: object) -> str:
        try:
            return input_text(value)
        except Unkeyable:
            refused.append(value)
            raise

    monkeypatch.setattr(rendering, "input_text", watched)
    assert len(_pages(REPO)) > 100
    assert refused == []


def test_a_build_that_keeps_nothing_writes_out_no_inputs(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no cache folder, a page's inputs are not written out for a key nobody looks up, and the pages are the same."""
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    kept = _pages(project)
    written: list[object] = []

    def watched(value: object) -> str:
        written.append(value)
        return input_text(value)

    monkeypatch.setattr(rendering, "input_text", watched)
    monkeypatch.setenv(build_cache.CACHE_SETTING, "")
    assert _pages(project) == kept
    assert written == []


def _read_as_mkdocs_does(markdown: str) -> tuple[dict[str, object], str]:
    body, data = meta.get_data(markdown)
    return data, body


@pytest.mark.parametrize("project_root", [REPO, REPO / "tests" / "minimal"], ids=["real", "minimal"])
def test_generated_front_matter_reads_as_yaml_reads_it(project_root: Path) -> None:
    for src_uri, markdown in _pages(project_root).items():
        split = split_generated(markdown)
        assert split is not None, src_uri
        assert split == _read_as_mkdocs_does(markdown), src_uri
        assert meta.get_data("\n" + split[1]) == (split[1], {}), src_uri  # the body as the hooks hand it over


def test_any_character_a_record_may_hold_reads_the_same_in_front_matter() -> None:
    """Records refuse control and invisible characters (which YAML folds or refuses); everything else reads the same.
    Keys stay short, as ids are (YAML reads no key over 1,024 characters)."""
    allowed = [chr(code) for code in [*range(0x20, 0x3000), 0xFF0C, 0x1F600, 0x10FFFD] if hidden_characters(f"a{chr(code)}b") is None]
    for start in range(0, len(allowed), 400):
        text = "".join(allowed[start:start + 400])
        markdown = render_markdown("_front_matter.md.j2", "x.md", title=text, description=text, page_template="exercise.html", boost=2,
                                   page_data={"text": text, text[:60]: [text]}, search_terms={"names": [text]},
                                   structured_data={"text": text})
        markdown += "\n# Body\n"
        assert split_generated(markdown) == _read_as_mkdocs_does(markdown), repr(text[:20])


def test_text_not_in_the_generators_form_is_left_to_mkdocs() -> None:
    assert split_generated("# No front matter\n") is None
    assert split_generated("---\ntitle: plain words\n---\nbody\n") is None
    assert split_generated("---\ntitle: \"x\"\ntitle: \"y\"\n---\nbody\n") is None


def test_only_the_last_versions_of_the_code_keep_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path))
    figures = tmp_path / "figures"
    for age, name in enumerate(["old-1", "old-2", "old-3"], start=1):  # old-1 used last
        (figures / name).mkdir(parents=True)
        os.utime(figures / name, (1_000_000 - age, 1_000_000 - age))
    build_cache.refresh_caches()
    assert sorted(folder.name for folder in figures.iterdir()) == sorted([build_cache.code_fingerprint(), "old-1", "old-2"])


def test_theme_templates_are_kept_compiled_and_an_edit_shows_at_once(project: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs compiles the theme's templates for every build; they are kept compiled, each with its source's checksum."""
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    assert build(project).returncode == 0
    compiled = _entries(tmp_path / "cache" / "compiled-templates")
    assert len(compiled) > 20  # Material's and ours
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", '{% block extrahead %}\n  <meta name="uba-edited" content="yes">', 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    assert '<meta name="uba-edited" content="yes">' in result.page("")
    assert _entries(tmp_path / "cache" / "compiled-templates") == compiled  # the same entry, compiled again


def test_a_sound_figure_is_checked_once_and_a_faulty_one_on_every_build(project: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures found sound are kept (figure_check): the next build does not check them again. A figure the gate refuses
    is never kept, so its problem is said on every build, cache or not."""
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    monkeypatch.setattr(figure_check, "SOUND_FIGURES", build_cache.TextCache("sound-figures", in_memory=False))  # none kept yet
    checked: list[str] = []
    real_lies = figure_check.figure_lies
    monkeypatch.setattr(figure_check, "figure_lies", lambda doc, *rest: checked.append(doc.path) or real_lies(doc, *rest))
    _pages(project)
    assert len(checked) == 3  # the minimal project's three exercises
    checked.clear()
    _pages(project)
    assert checked == []
    lie = yaml.safe_load((REPO / "tests" / "figure_lies" / "serratus-punch" / "figure.yml").read_text(encoding="utf-8"))
    record = project / "exercises" / "shrug.yml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data.update(figure=lie["figure"], dose=lie["dose"])
    record.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(AtlasProblems) as refused:
            _pages(project)
        assert [problem.field for problem in refused.value.problems] == ["figure.end.near"]
        assert refused.value.problems[0].path == "exercises/shrug.yml"


def test_variations_that_share_a_figure_and_what_their_doses_count_share_its_check(project: Path, tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure must show movement for a dose of reps or a distance (figure_truth.counted_by): variations whose doses
    differ only in their numbers share the check of their figure; a hold of the same figure is checked on its own."""
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    monkeypatch.setattr(figure_check, "SOUND_FIGURES", build_cache.TextCache("sound-figures", in_memory=False))
    checked: list[str] = []
    real_lies = figure_check.figure_lies
    monkeypatch.setattr(figure_check, "figure_lies", lambda doc, *rest: checked.append(doc.path) or real_lies(doc, *rest))
    shrug = yaml.safe_load((project / "exercises" / "shrug.yml").read_text(encoding="utf-8"))
    variations = {"heavy-shrug": {"sets": 5, "reps": "5", "rest": "180s"}, "shrug-hold": {"sets": 3, "hold": "20s", "rest": "60s"}}
    for exercise_id, dose in variations.items():
        variation = {**shrug, "name": exercise_id.replace("-", " ").title(), "dose": dose}
        (project / "exercises" / f"{exercise_id}.yml").write_text(yaml.safe_dump(variation, sort_keys=False), encoding="utf-8")
    pages = _pages(project)
    assert {"exercises/heavy-shrug.md", "exercises/shrug-hold.md"} <= set(pages)
    shrugs = sorted(path for path in checked if "shrug" in path)
    assert len(shrugs) == 2 and "exercises/shrug-hold.yml" in shrugs, checked  # the reps share one check, the hold has its own
    assert len(checked) == 4  # with the minimal project's two other exercises
