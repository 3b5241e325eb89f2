"""Letting partner sites show the embeddable widgets in a frame, and only those pages."""

from __future__ import annotations

from functools import wraps

from django.conf import settings


def embed_origins() -> list[str]:
    """The origins allowed to frame the widgets: EMBED_ALLOWED_ORIGINS, or any site when empty.

    The portal itself is always allowed, so the admin can preview the widgets.
    """
    origins = list(getattr(settings, "EMBED_ALLOWED_ORIGINS", []))
    return ["'self'", *origins] if origins else ["*"]


def allow_framing(view):
    """Replace the site-wide ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``.

    The Content-Security-Policy's frame-ancestors lists the allowed origins (modern browsers
    obey it and ignore X-Frame-Options when it is present); X-Frame-Options is left out
    because it cannot name more than one origin.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": embed_origins()}
        response.xframe_options_exempt = True
        return response

    return wrapped
