"""A temporary copy of the project whose exercises/ holds N records: the real ones plus synthetic ones.

The real articles link to real records by id ([[exercise:face-pull]]), so the real records stay and
synthetic records fill up to N. Everything is drawn from one seeded random generator: same seed, same files.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from atlas.records.model import RoutineItem
from atlas.routines.routine_time import item_seconds, stated_minutes

from vocabulary import (ACTIONS, FIGURE, FREE_WEIGHTS, GENERIC_CUES, GENERIC_MISTAKES, GENERIC_SAFETY, GRIPS, HOME, IMPLEMENTS, MOVEMENTS,
                        SOURCES, STANCES, VARIATIONS, Movement)

LEVELS = ("beginner", "intermediate", "advanced")
UNLOADED = {"none", "mat"}
MAX_ID_LENGTH = 60
_FILLER_WORDS = {"with", "a", "an"}
EXERCISE_SCHEMA_LINE = "# yaml-language-server: $schema=../hooks/atlas/schema/exercise.schema.json\n"
ROUTINE_SCHEMA_LINE = "# yaml-language-server: $schema=../../hooks/atlas/schema/routine.schema.json\n"


@dataclass(frozen=True)
class Combination:
    movement: str
    implement: str
    stance: str
    grip: str
    variation: str

    @property
    def name(self) -> str:
        words = [STANCES[self.stance].word, GRIPS[self.grip].word, IMPLEMENTS[self.implement].word,
                 MOVEMENTS[self.movement].noun, VARIATIONS[self.variation].words]
        text = " ".join(word for word in words if word)
        return text[0].upper() + text[1:]


class _PlainDumper(yaml.SafeDumper):
    """Never writes anchors: the loader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def make_project(repo: Path, root: Path, total: int, seed: int) -> tuple[int, int]:
    """Write a buildable project with `total` exercises into `root`; returns (synthetic exercises, synthetic routines)."""
    copy_project(repo, root)
    real_ids = {path.stem for path in (root / "exercises").glob("*.yml") if not path.name.startswith("_")}
    real_names = {_name_key(yaml.safe_load(path.read_text(encoding="utf-8"))["name"]) for path in (root / "exercises").glob("[!_]*.yml")}
    rng = random.Random(seed)
    exercises = synthetic_exercises(rng, max(0, total - len(real_ids)), real_ids, real_names)
    rules = _precaution_rules(root / "exercises" / "_taxonomy.yml")
    for exercise_id, record in exercises.items():
        _add_precautions(record, rules)
        _dump(root / "exercises" / f"{exercise_id}.yml", EXERCISE_SCHEMA_LINE, record)
    routines = synthetic_routines(rng, exercises, max(5, round(total / 50)))
    for routine_id, record in routines.items():
        _dump(root / "exercises" / "routines" / f"{routine_id}.yml", ROUTINE_SCHEMA_LINE, record)
    return len(exercises), len(routines)


def copy_project(repo: Path, root: Path) -> None:
    """mkdocs.yml, content/, overrides/ and every record copied; hooks/ linked (it is only read)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(repo / "assets.yml", root / "assets.yml")
    for folder in ("content", "overrides", "exercises"):
        shutil.copytree(repo / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "hooks").symlink_to(repo / "hooks", target_is_directory=True)


def _precaution_rules(taxonomy: Path) -> list[tuple[str, dict[str, Any]]]:
    """Each precaution's rules (`needed_when` in the taxonomy), in taxonomy order."""
    precautions = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))["precautions"]
    return [(precaution_id, rule) for precaution_id, precaution in precautions.items() for rule in precaution.get("needed_when", [])]


def _add_precautions(record: dict[str, Any], rules: list[tuple[str, dict[str, Any]]]) -> None:
    """List the precautions the taxonomy's rules ask for, as an author must (records/precaution_rules.py checks it)."""
    def has(field: str, single: bool = False) -> set[str]:
        value = record.get(field)
        return ({value} if value else set()) if single else set(value or ())
    needed = [precaution_id for precaution_id, rule in rules
              if set(rule.get("actions", ())) <= has("actions") and set(rule.get("loads", ())) <= has("loads")
              and (not rule.get("category") or record["category"] in rule["category"])
              and (not rule.get("force") or has("force", single=True) & set(rule["force"]))
              and (not rule.get("equipment") or bool(set(rule["equipment"]) & has("equipment")))]
    if needed:
        record["precautions"] = list(dict.fromkeys(needed))


def synthetic_exercises(rng: random.Random, count: int, taken_ids: set[str], taken_names: set[str]) -> dict[str, dict[str, Any]]:
    """`count` records keyed by id, with unique names and ids; related ids point among them."""
    combinations = [combo for combo in all_combinations() if _name_key(combo.name) not in taken_names]
    if count > len(combinations):
        raise ValueError(f"the vocabulary makes only {len(combinations)} distinct exercises; {count} were asked for")
    rng.shuffle(combinations)
    chosen = combinations[:count]
    used = set(taken_ids)
    ids = [_unique_id(_slug(combo.name), used) for combo in chosen]
    records = {exercise_id: exercise_record(rng, combo) for exercise_id, combo in zip(ids, chosen, strict=True)}
    _add_related(rng, records, chosen, ids)
    return records


def all_combinations() -> list[Combination]:
    """Every sensible name the vocabulary allows, in a fixed order."""
    found = []
    for key, movement in MOVEMENTS.items():
        choices = itertools.product(movement.implements, movement.stances, movement.grips, movement.variations)
        for implement, stance, grip, variation in choices:
            if _fits(movement, implement, stance, grip):
                found.append(Combination(key, implement, stance, grip, variation))
    return found


def _fits(movement: Movement, implement: str, stance: str, grip: str) -> bool:
    if grip == "rope" and implement != "cable":
        return False
    if grip in ("suitcase", "front-rack", "overhead") and implement == "household":
        return False
    if stance == "side-lying" and implement != "dumbbell":
        return False
    if stance == "single-leg" and implement == "barbell":
        return False
    return not (stance in ("prone", "chest-supported", "incline") and implement in ("cable", "band") and movement.noun != "W raise")


def exercise_record(rng: random.Random, combo: Combination) -> dict[str, Any]:
    """One valid record for a combination; `related` is filled in later."""
    movement, stance, grip, variation = MOVEMENTS[combo.movement], STANCES[combo.stance], GRIPS[combo.grip], VARIATIONS[combo.variation]
    category = "stability" if variation.hold and movement.category == "activation" else movement.category
    level = LEVELS[max(0, min(2, movement.level + stance.level + grip.level + variation.level))]
    equipment = _equipment(combo)
    primary = rng.sample(movement.primary, rng.randint(1, len(movement.primary)))
    secondary = [muscle for muscle in dict.fromkeys(movement.secondary + stance.secondary) if muscle not in primary]
    secondary = rng.sample(secondary, rng.randint(min(1, len(secondary)), len(secondary)))
    record: dict[str, Any] = {"name": combo.name}
    aliases = _aliases(rng, combo)
    if aliases:
        record["aliases"] = aliases
    record |= {
        "category": category,
        "level": level,
        "mechanics": "compound" if len(movement.primary) > 1 else "isolation",
        "actions": list(ACTIONS[category]),
        "setup": _pick(rng, movement.cues + GENERIC_CUES, 1, 2),
        "equipment": equipment,
        "muscles": {"primary": primary, "secondary": secondary} if secondary else {"primary": primary},
        "summary": _summary(combo),
        "steps": _steps(rng, combo),
        "cues": _pick(rng, movement.cues + GENERIC_CUES, 2, 4),
        "mistakes": _pick(rng, movement.mistakes + GENERIC_MISTAKES, 2, 3),
    }
    loaded = category == "strength" and any(item not in UNLOADED for item in equipment)
    if loaded or rng.random() < 0.4:
        record["safety"] = _pick(rng, movement.safety + GENERIC_SAFETY, 1, 3)
    record["easier"] = _pick(rng, movement.easier + ("Do fewer reps with a longer rest.",), 1, 2)
    other = VARIATIONS["pause" if combo.variation == "slow" else "slow"]
    record["harder"] = _pick(rng, movement.harder + (f"Try it {other.words}.",), 1, 2)
    if combo.implement not in ("bodyweight", "wall", "band") or rng.random() < 0.3:
        record["home"] = _pick(rng, HOME, 1, 2)
    loads = list(dict.fromkeys(movement.loads + stance.loads + grip.loads))
    if loads:
        record["loads"] = loads
    record["dose"] = _dose(rng, movement, combo)
    record["sources"] = _pick(rng, SOURCES, 1, 2)
    record["figure"] = FIGURE
    return record


def _equipment(combo: Combination) -> list[str]:
    items = list(IMPLEMENTS[combo.implement].equipment)
    stance_items = list(STANCES[combo.stance].equipment)
    if combo.stance == "seated" and combo.implement in FREE_WEIGHTS:
        stance_items.append("bench")
    items = list(dict.fromkeys(items + stance_items))
    return [item for item in items if item != "none"] or ["none"]


def _aliases(rng: random.Random, combo: Combination) -> list[str]:
    movement, implement = MOVEMENTS[combo.movement], IMPLEMENTS[combo.implement]
    stance, grip, variation = STANCES[combo.stance], GRIPS[combo.grip], VARIATIONS[combo.variation]
    options = [
        " ".join(word for word in (variation.short, implement.word, movement.noun) if word),
        " ".join(word for word in (implement.word, movement.noun) if word) + (f" from {stance.word}" if stance.word else ""),
        " ".join(word for word in (grip.word, stance.word, movement.noun, variation.short) if word),
    ]
    name = _name_key(combo.name)
    unique = [alias for alias in dict.fromkeys(options) if _name_key(alias) != name and len(alias.split()) > 1]
    return rng.sample(unique, rng.randint(0, len(unique)))


def _summary(combo: Combination) -> str:
    movement, stance, variation = MOVEMENTS[combo.movement], STANCES[combo.stance], VARIATIONS[combo.variation]
    extra = " ".join(text for text in (stance.effect, variation.effect) if text)
    return f"This {movement.noun} variation {movement.purpose}." + (f" {extra}" if extra else "")


def _steps(rng: random.Random, combo: Combination) -> list[str]:
    movement, implement = MOVEMENTS[combo.movement], IMPLEMENTS[combo.implement]
    grip, variation = GRIPS[combo.grip], VARIATIONS[combo.variation]
    steps = [STANCES[combo.stance].setup]
    if combo.implement not in ("bodyweight", "wall"):
        steps.append(f"Take the {implement.noun}. {grip.phrase}")
    steps.append(movement.action)
    if variation.step:
        steps.append(variation.step)
    steps.append(movement.finish)
    if len(steps) < 6 and rng.random() < 0.5:
        steps.append("Repeat for the set, then rest before the next one.")
    return steps[:6] if len(steps) >= 3 else steps + ["Breathe out as you work and in as you return."]


def _dose(rng: random.Random, movement: Movement, combo: Combination) -> dict[str, Any]:
    dose: dict[str, Any] = {"sets": rng.randint(2, 4)}
    if movement.dose == "distance":
        dose["distance"] = f"{rng.choice((20, 30, 40))} m"
    elif movement.dose == "hold" or VARIATIONS[combo.variation].hold:
        dose["hold"] = f"{rng.choice((15, 20, 30, 45))}s"
    else:
        reps = rng.choice(movement.reps)
        dose["reps"] = int(reps) if reps.isdigit() else reps
    dose["rest"] = rng.choice(("45s", "60s", "90s", "2 min"))
    if STANCES[combo.stance].per_side or GRIPS[combo.grip].per_side:
        dose["per_side"] = True
    return dose


def _add_related(rng: random.Random, records: dict[str, dict[str, Any]], combos: list[Combination], ids: list[str]) -> None:
    """2-4 related ids each, preferring the same movement."""
    by_movement: dict[str, list[str]] = {}
    for exercise_id, combo in zip(ids, combos, strict=True):
        by_movement.setdefault(combo.movement, []).append(exercise_id)
    for exercise_id, combo in zip(ids, combos, strict=True):
        wanted = rng.randint(2, 4)
        pool = [other for other in by_movement[combo.movement] if other != exercise_id]
        related = rng.sample(pool, min(wanted, len(pool)))
        others = [other for other in ids if other != exercise_id and other not in related]
        related += rng.sample(others, min(wanted - len(related), len(others)))
        if related:
            records[exercise_id]["related"] = related
            records[exercise_id]["harder"] = [*records[exercise_id]["harder"], {"exercise": related[0]}]
            _move_to_end(records[exercise_id], "sources")


def synthetic_routines(rng: random.Random, exercises: dict[str, dict[str, Any]], count: int) -> dict[str, dict[str, Any]]:
    """`count` routines of at most ten items: warm-up, main and finisher blocks."""
    pools = {category: [key for key, record in exercises.items() if record["category"] == category]
             for category in ("activation", "mobility", "strength", "stability")}
    warm_up = pools["activation"] + pools["mobility"] or list(exercises)
    main = pools["strength"] or list(exercises)
    finisher = pools["stability"] or list(exercises)
    focuses = ("Upper back", "Rotator cuff", "Rear delt", "Posture", "Pulling", "Shoulder blade", "Desk break", "Trap")
    styles = ("strength", "activation", "endurance", "express", "recovery", "foundation")
    routines = {}
    for number in range(1, count + 1):
        name = f"{rng.choice(focuses)} {rng.choice(styles)} session {number}"
        blocks = [("Warm-up", warm_up, rng.randint(1, 3)), ("Main", main, rng.randint(2, 5)), ("Finisher", finisher, rng.randint(1, 2))]
        goal = f"A {rng.choice(('short', 'steady', 'focused'))} session for the {name.split(' session')[0].lower()} work of the week."
        notes = _pick(rng, ("Rest as long as you need between blocks.", "Stop any exercise that hurts.",
                            "Log your loads so you can add a little next time."), 1, 2)
        planned = [{"name": title, "items": [_routine_item(rng, key, exercises[key]) for key in rng.sample(pool, min(size, len(pool)))]}
                   for title, pool, size in blocks]
        items = [item for block in planned for item in block["items"]]
        # True to its labels, as the build checks: the level of its hardest exercise, the duration its doses take.
        level = LEVELS[max(LEVELS.index(exercises[item["exercise"]]["level"]) for item in items)]
        seconds = sum(item_seconds(RoutineItem.model_validate(item)) for item in items)
        routines[_slug(name)] = {"name": name, "goal": goal, "level": level, "duration": f"{stated_minutes(seconds)} min", "notes": notes,
                                 "blocks": planned}
    return routines


def _routine_item(rng: random.Random, exercise_id: str, record: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"exercise": exercise_id}
    item |= {key: value for key, value in record["dose"].items()}
    if rng.random() < 0.2:
        item["notes"] = rng.choice(("Go light today.", "Slow and controlled.", "Stop two reps short of failure."))
    return item


def _pick(rng: random.Random, options: tuple[str, ...], low: int, high: int) -> list[str]:
    unique = list(dict.fromkeys(options))
    return rng.sample(unique, min(len(unique), rng.randint(low, high)))


def _move_to_end(record: dict[str, Any], key: str) -> None:
    record[key] = record.pop(key)


def _slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("1.5", "one-and-a-half")).split()
    return "-".join(word for word in words if word not in _FILLER_WORDS)


def _unique_id(slug: str, used: set[str]) -> str:
    base = slug[:MAX_ID_LENGTH].rstrip("-")
    if len(slug) > MAX_ID_LENGTH:
        base = base.rsplit("-", 1)[0]
    candidate, number = base, 2
    while candidate in used:
        suffix = f"-{number}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        number += 1
    used.add(candidate)
    return candidate


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _dump(path: Path, header: str, record: dict[str, Any]) -> None:
    text = yaml.dump(record, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(header + text, encoding="utf-8")
