"""Production: refuses to start without its required variables; HTTPS-only unless told otherwise."""

from portal import env

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY", required=True)
if len(SECRET_KEY) < 50:
    raise env.ImproperSetting("SECRET_KEY", "must be at least 50 random characters.")
ALLOWED_HOSTS = env.listing("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise env.ImproperSetting("ALLOWED_HOSTS", "must list the site's host names, comma-separated.")

# SECURE_SSL_REDIRECT=false serves plain HTTP: on loopback for benchmarks, or behind a proxy
# that terminates TLS (which must then set X-Forwarded-Proto).
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31536000 if SECURE_SSL_REDIRECT else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", SECURE_SSL_REDIRECT)
SILENCED_SYSTEM_CHECKS = (
    []
    if SECURE_SSL_REDIRECT
    else ["security.W004", "security.W008", "security.W012", "security.W016", "security.W021"]
)
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
# A kept connection is checked before a request reuses it, so a database restart between
# requests costs a reconnect, not an error.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
