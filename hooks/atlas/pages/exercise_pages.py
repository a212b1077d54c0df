"""The page of each exercise."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from atlas.records.graph import Atlas
from atlas.pages.links import exercise_link, mention_links, muscle_link
from atlas.records.model import Category, Exercise, ExerciseLink, Step, TargetKind
from atlas.pages.muscle_map import highlight, role_key
from atlas.pages.page_kinds import page_uri
from atlas.pages.ladder_pages import positions
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import Link, render_markdown
from atlas.site.search_terms import exercise_terms
from atlas.pages.source_pages import citations


PAIN_RULE = ("guides/lifting-safely.md", "the-pain-rule")
"""The article and section that state how much discomfort is acceptable; every exercise page links it when it exists."""
LOAD_CHOICE = ("guides/lifting-safely.md", "choosing-the-load")
"""The article and section that say how heavy to go (reps in reserve), how to pick a band and how much to add (the
proportional step); exercise pages for loaded work, routine and programme pages link it when it exists."""


@dataclass(frozen=True)
class Fact:
    """One line of the facts panel: a term and its values (each value its own <dd>)."""

    term: str
    """What the fact is, such as "Primary muscles"."""
    values: tuple[tuple[Link | str, ...], ...]
    """Each value: links or words, shown joined by commas."""


@dataclass(frozen=True)
class StepOption:
    """An easier or harder option: text, or a link to another exercise with an optional note."""

    text: str
    """The option written out, or the note beside a link ("" for none)."""
    link: Link | None = None
    """The other exercise, when the option is one."""


def exercise_page(atlas: Atlas, exercise: Exercise) -> PageToRender:
    """The page at /exercises/<id>/, rendered when it is read."""
    uri = page_uri(TargetKind.EXERCISE, exercise.id)
    return PageToRender(uri, exercise.source, partial(_exercise_markdown, atlas, exercise, uri))


def _exercise_markdown(atlas: Atlas, exercise: Exercise, uri: str) -> str:
    return render_markdown(
        "exercise.md.j2",
        uri,
        exercise=exercise,
        facts=_facts(atlas, exercise),
        callouts=_callouts(atlas, exercise),
        precautions=[atlas.precautions[item] for item in exercise.precautions],
        link_sections=_link_sections(atlas, exercise),
        ladders=positions(atlas, exercise.id),
        cited=citations(atlas, exercise.sources),
        pain_rule=pain_rule(atlas),
        load_choice=load_choice_link(atlas) if exercise.category is not Category.MOBILITY else None,
        search_terms=exercise_terms(atlas, exercise),
        structured_data=_how_to(atlas, exercise),
        page_data={"kind": "exercise", "id": exercise.id, "map": _map(atlas, exercise)},
    )


def _map(atlas: Atlas, exercise: Exercise) -> dict[str, object]:
    """The muscles it works, helps with and stretches, shaded, with a key that says each muscle's role in words."""
    shaded = highlight(atlas, exercise.primary, exercise.secondary, stretched=exercise.stretched)
    return {**shaded, "key": role_key(atlas, exercise.muscles)}


def pain_rule(atlas: Atlas) -> Link | None:
    """The link to the pain rule, or None in a project without that article."""
    return _guide_link(atlas, PAIN_RULE, "the pain rule")


def load_choice_link(atlas: Atlas) -> Link | None:
    """The link to choosing the load, or None in a project without that article."""
    return _guide_link(atlas, LOAD_CHOICE, "choosing the load")


def _guide_link(atlas: Atlas, section: tuple[str, str], text: str) -> Link | None:
    article, anchor = section
    return Link(text, f"{article}#{anchor}") if article in atlas.articles else None


def _facts(atlas: Atlas, exercise: Exercise) -> list[Fact]:
    """The facts panel, in reading order, leaving out what the record does not say."""
    effort = " ".join(word.value for word in (exercise.direction, exercise.force) if word)
    movement = ", ".join(word for word in (exercise.mechanics.value, effort) if word)
    alternatives = tuple((" + ".join(atlas.equipment[item].name for item in option),) for option in exercise.equipment_alternatives)
    facts = [
        Fact("Primary muscles", (tuple(muscle_link(atlas, muscle) for muscle in exercise.primary),)),
        Fact("Secondary muscles", (tuple(muscle_link(atlas, muscle) for muscle in exercise.secondary),)),
        Fact("Stabilizers", (tuple(muscle_link(atlas, muscle) for muscle in exercise.stabilizers),)),
        Fact("Stretches", (tuple(muscle_link(atlas, muscle) for muscle in exercise.stretched),)),
        Fact("Joint actions", (tuple(action.label for action in exercise.actions),)),
        Fact("Movement", ((movement.capitalize(),),)),
        Fact("Equipment", ((atlas.equipment_text(exercise.equipment),),)),
        Fact("Or instead", alternatives),
        Fact("Set-up", tuple((item,) for item in exercise.setup)),
        Fact("Level", ((exercise.level.value.capitalize(),),)),
        Fact("Category", ((exercise.category.value.capitalize(),),)),
        Fact("Dose", ((exercise.dose.work + (f", rest {exercise.dose.rest_text}" if exercise.dose.rest else ""),),)),
        Fact("Also called", (exercise.aliases,)),
    ]
    return [fact for fact in facts if any(value and all(value) for value in fact.values)]


def _how_to(atlas: Atlas, exercise: Exercise) -> dict[str, object]:
    """schema.org HowTo for search engines: the steps, tools and summary as written."""
    return {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": exercise.name,
        "description": exercise.summary,
        "tool": [{"@type": "HowToTool", "name": atlas.equipment[item].name} for item in exercise.equipment],
        "step": [{"@type": "HowToStep", "position": number, "text": step} for number, step in enumerate(exercise.steps, start=1)],
    }


def _options(atlas: Atlas, steps: tuple[Step, ...]) -> tuple[StepOption, ...]:
    return tuple(
        StepOption(step.note or "", exercise_link(atlas, atlas.exercises[step.exercise]))
        if isinstance(step, ExerciseLink)
        else StepOption(step)
        for step in steps
    )


def _callouts(atlas: Atlas, exercise: Exercise) -> list[tuple[str, str, tuple[str | StepOption, ...]]]:
    """The admonitions of the page, in order: kind, title and items (the red flag has its own text)."""
    callouts: list[tuple[str, str, tuple[str | StepOption, ...]]] = [("warning", "Lift safely", exercise.safety)]
    if exercise.red_flag:
        callouts.append(("red-flag", "", ()))
    callouts += [
        ("tip", "Make it easier", _options(atlas, atlas.ladder(exercise, harder=False))),
        ("tip", "Make it harder", _options(atlas, atlas.ladder(exercise, harder=True))),
        ("info", "At home", exercise.home),
    ]
    return [callout for callout in callouts if callout[2] or callout[0] == "red-flag"]


def _link_sections(atlas: Atlas, exercise: Exercise) -> list[tuple[str, list[Link]]]:
    """The lists of links at the foot of the page, leaving out empty ones."""
    sections = [
        ("Related exercises", [exercise_link(atlas, atlas.exercises[other]) for other in exercise.related]),
        (
            "Routines that use it",
            [Link(routine.name, page_uri(TargetKind.ROUTINE, routine.id)) for routine in atlas.routines_using(exercise.id)],
        ),
        ("Mentioned in", mention_links(atlas, TargetKind.EXERCISE, exercise.id)),
    ]
    return [(title, links) for title, links in sections if links]
