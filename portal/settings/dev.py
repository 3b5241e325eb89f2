"""Local development: debug pages, a throwaway secret, e-mail printed to the console."""

from portal import env

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY

DEBUG = env.flag("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-3f8a1c0e9b7d4e2a8c6b5a4f3e2d1c0b"  # noqa: S105
ALLOWED_HOSTS = env.listing("ALLOWED_HOSTS", ["*"])
# Developers want to see each change at once; set PAGE_CACHE_SECONDS to try the page cache.
PAGE_CACHE_SECONDS = env.integer("PAGE_CACHE_SECONDS", 0)
EMAIL_BACKEND = env.text("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.styleguide"]

# Serve static files straight from the app folders (no collectstatic needed locally).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
