"""WSGI entry point for `gunicorn portal.wsgi`: production settings unless DJANGO_ENV differs."""

from portal.env import select_settings

select_settings(default="production")

from django.core.wsgi import get_wsgi_application  # noqa: E402  (settings must be chosen first)

application = get_wsgi_application()
