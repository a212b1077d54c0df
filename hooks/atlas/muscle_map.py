"""Which muscle map regions a page lights, and how strongly."""

from __future__ import annotations

from .graph import Atlas
from .model import Role


def region_roles(atlas: Atlas, primary: tuple[str, ...], secondary: tuple[str, ...] = ()) -> dict[str, str]:
    """Map region -> "primary" or "secondary" for these muscle ids (a group lights all its regions)."""
    roles: dict[str, str] = {}
    for role, muscles in ((Role.PRIMARY, primary), (Role.SECONDARY, secondary)):
        for muscle_id in muscles:
            for region in _regions(atlas, muscle_id):
                roles.setdefault(region, role.value)
    return dict(sorted(roles.items()))


def _regions(atlas: Atlas, muscle_id: str) -> tuple[str, ...]:
    part = atlas.parts.get(muscle_id)
    if part:
        return (part.region,) if part.region else ()
    return atlas.groups[muscle_id].regions


def region_links(atlas: Atlas) -> dict[str, dict[str, str]]:
    """Map region -> its name and the group page it leads to, for the clickable map."""
    links: dict[str, dict[str, str]] = {}
    for group in atlas.groups.values():
        if group.region:
            links[group.region] = {"name": group.name, "href": f"muscles/{group.id}/"}
        for part in group.parts:
            if part.region and part.region not in links:
                own = part.region == part.id
                links[part.region] = {"name": part.name if own else group.name, "href": f"muscles/{group.id}/" + (f"#{part.id}" if own else "")}
    return dict(sorted(links.items()))
