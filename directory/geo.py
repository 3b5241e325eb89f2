"""Approximate centres of Greater Manchester postcode districts, for "near me" without a geocoder.

The figures are rounded to about 100 metres: enough to sort providers by distance from a
postcode, not to navigate by. Districts that are mostly outside Greater Manchester (OL13,
OL14, SK9, SK13, WN8 ...) are left out on purpose.
"""

from __future__ import annotations

import math
import re

#: Outward code -> (latitude, longitude).
DISTRICT_CENTROIDS: dict[str, tuple[float, float]] = {
    # Manchester, Salford, Trafford, Tameside, Bury and Wigan (M)
    "M1": (53.4808, -2.2374),
    "M2": (53.4797, -2.2453),
    "M3": (53.4840, -2.2520),
    "M4": (53.4850, -2.2270),
    "M5": (53.4790, -2.2880),
    "M6": (53.4930, -2.2920),
    "M7": (53.5040, -2.2650),
    "M8": (53.5090, -2.2380),
    "M9": (53.5180, -2.2000),
    "M11": (53.4820, -2.1850),
    "M12": (53.4650, -2.2000),
    "M13": (53.4610, -2.2250),
    "M14": (53.4470, -2.2240),
    "M15": (53.4650, -2.2500),
    "M16": (53.4550, -2.2700),
    "M17": (53.4660, -2.3200),
    "M18": (53.4600, -2.1700),
    "M19": (53.4350, -2.1950),
    "M20": (53.4190, -2.2320),
    "M21": (53.4400, -2.2750),
    "M22": (53.3850, -2.2600),
    "M23": (53.3980, -2.2870),
    "M24": (53.5510, -2.2000),
    "M25": (53.5300, -2.2750),
    "M26": (53.5700, -2.3400),
    "M27": (53.5150, -2.3460),
    "M28": (53.5100, -2.4000),
    "M29": (53.5050, -2.4500),
    "M30": (53.4860, -2.3500),
    "M31": (53.4300, -2.4150),
    "M32": (53.4480, -2.3050),
    "M33": (53.4240, -2.3200),
    "M34": (53.4550, -2.1150),
    "M35": (53.5050, -2.1550),
    "M38": (53.5290, -2.4250),
    "M40": (53.5020, -2.1900),
    "M41": (53.4500, -2.3600),
    "M43": (53.4830, -2.1420),
    "M44": (53.4500, -2.4100),
    "M45": (53.5500, -2.2950),
    "M46": (53.5250, -2.4900),
    "M50": (53.4720, -2.2960),
    "M90": (53.3590, -2.2730),
    # Bolton and Bury (BL)
    "BL0": (53.6450, -2.3200),
    "BL1": (53.5900, -2.4450),
    "BL2": (53.5880, -2.4000),
    "BL3": (53.5650, -2.4350),
    "BL4": (53.5500, -2.4000),
    "BL5": (53.5400, -2.4950),
    "BL6": (53.5950, -2.5450),
    "BL7": (53.6200, -2.4200),
    "BL8": (53.6000, -2.3300),
    "BL9": (53.5950, -2.2900),
    # Oldham, Rochdale and Tameside (OL)
    "OL1": (53.5450, -2.1100),
    "OL2": (53.5700, -2.1100),
    "OL3": (53.5550, -2.0000),
    "OL4": (53.5400, -2.0750),
    "OL5": (53.4900, -2.0400),
    "OL6": (53.4950, -2.0800),
    "OL7": (53.4880, -2.1100),
    "OL8": (53.5250, -2.1150),
    "OL9": (53.5400, -2.1350),
    "OL10": (53.5900, -2.2150),
    "OL11": (53.6000, -2.1650),
    "OL12": (53.6300, -2.1600),
    "OL15": (53.6450, -2.1000),
    "OL16": (53.6150, -2.1300),
    # Stockport and Tameside (SK)
    "SK1": (53.4080, -2.1500),
    "SK2": (53.3950, -2.1350),
    "SK3": (53.4000, -2.1700),
    "SK4": (53.4200, -2.1750),
    "SK5": (53.4280, -2.1400),
    "SK6": (53.4100, -2.0700),
    "SK7": (53.3700, -2.1300),
    "SK8": (53.3800, -2.2100),
    "SK14": (53.4500, -2.0400),
    "SK15": (53.4800, -2.0550),
    "SK16": (53.4600, -2.0850),
    # Wigan (WN)
    "WN1": (53.5500, -2.6300),
    "WN2": (53.5350, -2.5900),
    "WN3": (53.5300, -2.6500),
    "WN4": (53.4950, -2.6300),
    "WN5": (53.5400, -2.6800),
    "WN6": (53.5750, -2.6600),
    "WN7": (53.4950, -2.5200),
    # Wigan and Trafford (WA)
    "WA3": (53.4800, -2.5700),
    "WA14": (53.3870, -2.3500),
    "WA15": (53.3800, -2.3150),
}

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?$")


def normalise_postcode(value: str) -> str:
    """ "m1 1ae" -> "M1 1AE" (a bare district stays bare); "" if it is not a postcode."""
    compact = re.sub(r"\s+", "", (value or "").upper())
    if len(compact) > 8:
        return ""
    match = _POSTCODE.match(compact) or (
        _POSTCODE.match(f"{compact[:-3]} {compact[-3:]}") if len(compact) > 4 else None
    )
    if not match:
        return ""
    outward, inward = match.group(1), match.group(2)
    return f"{outward} {inward}" if inward else outward


def outward_code(value: str) -> str:
    """The district part of a postcode or a bare district ("M1 1AE" -> "M1")."""
    normal = normalise_postcode(value)
    return normal.split(" ")[0] if normal else ""


def centroid(postcode: str) -> tuple[float, float] | None:
    """Approximate latitude and longitude of a GM postcode or district, or None if unknown."""
    return DISTRICT_CENTROIDS.get(outward_code(postcode))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _districts(borough: str, *codes: str) -> dict[str, str]:
    return {code: borough for code in codes}


#: The borough each district mostly lies in; used to match a postcode to a service area.
DISTRICT_BOROUGHS: dict[str, str] = {
    **_districts("manchester", "M1", "M2", "M3", "M4", "M8", "M9", "M11", "M12", "M13", "M14"),
    **_districts("manchester", "M15", "M16", "M18", "M19", "M20", "M21", "M22", "M23", "M40"),
    **_districts("manchester", "M90"),
    **_districts("salford", "M5", "M6", "M7", "M27", "M28", "M30", "M38", "M44", "M50"),
    **_districts("trafford", "M17", "M31", "M32", "M33", "M41", "WA14", "WA15"),
    **_districts("tameside", "M34", "M43", "OL5", "OL6", "OL7", "SK14", "SK15", "SK16"),
    **_districts("bury", "M25", "M26", "M45", "BL0", "BL8", "BL9"),
    **_districts("rochdale", "M24", "OL10", "OL11", "OL12", "OL15", "OL16"),
    **_districts("oldham", "M35", "OL1", "OL2", "OL3", "OL4", "OL8", "OL9"),
    **_districts("bolton", "BL1", "BL2", "BL3", "BL4", "BL5", "BL6", "BL7"),
    **_districts("stockport", "SK1", "SK2", "SK3", "SK4", "SK5", "SK6", "SK7", "SK8"),
    **_districts("wigan", "M29", "M46", "WN1", "WN2", "WN3", "WN4", "WN5", "WN6", "WN7", "WA3"),
}


def borough_of(postcode: str) -> str:
    """The borough slug a GM postcode or district lies in, or ''."""
    return DISTRICT_BOROUGHS.get(outward_code(postcode), "")
