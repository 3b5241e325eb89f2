"""Template context every public page needs: language direction and the navigation."""

from django.utils import translation


def portal(request):
    return {
        "LANGUAGE_BIDI": translation.get_language_bidi(),
    }
