"""QR codes for short links, drawn on the server with segno (nothing is sent elsewhere)."""

from __future__ import annotations

import io

import segno
from django.conf import settings

#: Error correction level "M" survives some dirt or a crease on a poster.
ERROR_LEVEL = "m"


def short_url(slug: str, request=None) -> str:
    """The absolute public address of a short link, as printed on posters."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if not base and request is not None:
        base = request.build_absolute_uri("/").rstrip("/")
    return f"{base}/go/{slug}"


def qr_svg(url: str, *, title: str = "") -> bytes:
    out = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL).save(
        out, kind="svg", scale=10, border=4, title=title or url, xmldecl=True, svgns=True
    )
    return out.getvalue()


def qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL).save(out, kind="png", scale=10, border=4)
    return out.getvalue()
