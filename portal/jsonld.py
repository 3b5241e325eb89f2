"""schema.org JSON-LD for pages, written safely into a non-executed script element."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

# Characters that could end the script element or start markup; JSON allows their escapes.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _clean(value: Any) -> Any:
    """Drop empty values so the output carries only what the page really says."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list | tuple):
        return [c for c in (_clean(v) for v in value) if c not in (None, "", [], {})]
    return value


def ld_json_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element holding ``data``.

    Browsers never execute this type, so a strict Content Security Policy allows it; "<" is
    escaped so no value (a title with "</script>" in it) can close the element early.
    """
    payload = {"@context": "https://schema.org", **_clean(data)}
    text = json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def iso_duration(minutes: int | None) -> str | None:
    """An ISO 8601 duration (``PT1H30M``) for schema.org's timeRequired."""
    if not minutes:
        return None
    hours, mins = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
