"""Which muscle map regions a page lights, and how strongly."""

from __future__ import annotations

from .graph import Atlas
from .model import Role, TargetKind
from .page_kinds import page_url

REGIONS = {
    "upper-traps": "upper-traps",
    "middle-traps": "middle-traps",
    "lower-traps": "lower-traps",
    "rhomboids": "rhomboids",
    "supraspinatus": "rotator-cuff",
    "infraspinatus": "rotator-cuff",
    "teres-minor": "rotator-cuff",
    "subscapularis": "rotator-cuff",
    "rear-delts": "rear-delts",
    "lats": "lats",
    "erector-spinae": "erector-spinae",
    "serratus-anterior": "serratus-anterior",
}
"""Muscle id (group or part) -> the drawn region that shows it (until the map declares its own shapes)."""


def _own_region(muscle_id: str) -> str | None:
    return REGIONS.get(muscle_id)


def _regions(atlas: Atlas, muscle_id: str) -> tuple[str, ...]:
    part = atlas.parts.get(muscle_id)
    if part:
        return tuple(region for region in (_own_region(part.id),) if region)
    group = atlas.groups[muscle_id]
    found = [_own_region(group.id)] + [_own_region(part_id) for part_id in group.parts]
    return tuple(dict.fromkeys(region for region in found if region))


def region_roles(atlas: Atlas, primary: tuple[str, ...], secondary: tuple[str, ...] = ()) -> dict[str, str]:
    """Map region -> "primary" or "secondary" for these muscle ids (a group lights all its regions)."""
    roles: dict[str, str] = {}
    for role, muscles in ((Role.PRIMARY, primary), (Role.SECONDARY, secondary)):
        for muscle_id in muscles:
            for region in _regions(atlas, muscle_id):
                roles.setdefault(region, role.value)
    return dict(sorted(roles.items()))


def region_links(atlas: Atlas) -> dict[str, dict[str, str]]:
    """Map region -> its name and the group page it leads to, for the clickable map."""
    links: dict[str, dict[str, str]] = {}
    for group in atlas.groups.values():
        region = _own_region(group.id)
        if region:
            links[region] = {"name": group.name, "href": page_url(TargetKind.MUSCLE, group.id)}
        for part in group.parts.values():
            region = _own_region(part.id)
            if region and region not in links:
                own = region == part.id
                href = page_url(TargetKind.MUSCLE, group.id) + (f"#{part.id}" if own else "")
                links[region] = {"name": part.name if own else group.name, "href": href}
    return dict(sorted(links.items()))
