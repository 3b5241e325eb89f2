"""Which Greater Manchester boroughs border which, for the plan's "nearby" fallback."""

from __future__ import annotations

# Boroughs that share a boundary. When no provider serves a visitor's borough for their
# need, the plan offers providers in these places before giving up.
NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "bolton": ("bury", "salford", "wigan"),
    "bury": ("bolton", "manchester", "rochdale", "salford"),
    "manchester": ("bury", "oldham", "rochdale", "salford", "stockport", "tameside", "trafford"),
    "oldham": ("manchester", "rochdale", "tameside"),
    "rochdale": ("bury", "manchester", "oldham"),
    "salford": ("bolton", "bury", "manchester", "trafford", "wigan"),
    "stockport": ("manchester", "tameside", "trafford"),
    "tameside": ("manchester", "oldham", "stockport"),
    "trafford": ("manchester", "salford", "stockport"),
    "wigan": ("bolton", "salford"),
}


def neighbours_of(areas: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Boroughs next to any of ``areas``, not counting those areas themselves."""
    found: list[str] = []
    for area in areas:
        for neighbour in NEIGHBOURS.get(area, ()):
            if neighbour not in areas and neighbour not in found:
                found.append(neighbour)
    return tuple(found)
