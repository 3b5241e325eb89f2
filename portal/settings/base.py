"""Settings shared by every environment. Safe for production as they stand; dev.py relaxes them."""

import datetime
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from portal import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env.text("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.listing("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.listing("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The portal's own apps come first so their templates override Wagtail's.
    "portal",
    "home",
    "guides",
    "casestudies",
    "directory",
    "triage",
    "search",
    "editorial",
    "campaigns",
    # The open content API at /api/v2/ (read-only; see campaigns/api.py).
    "wagtail.api.v2",
    "rest_framework",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # Outermost: a GET that lost its database connection is tried once more (a restart).
    "portal.resilience.RetryLostConnectionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known, before the rest of the stack: a cached page skips it all.
    "portal.page_cache.AnonymousPageCacheMiddleware",
    # The site and its settings from the shared cache (see portal/frame.py).
    "portal.frame.FrameMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.middleware.OptionalTwoFactorMiddleware",
    # django-axes must come last: it turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.url("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, but an outage means misses, not server errors.
            "BACKEND": "portal.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cwh",
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
        }
    }

# Whole pages for anonymous visitors are kept this many seconds (0 turns the cache off);
# publishing or editing anything visitors see empties it at once. See portal/page_cache.py.
PAGE_CACHE_SECONDS = env.integer("PAGE_CACHE_SECONDS", 300)
# A bench-only view that returns a static page (the benchmark's reference ceiling); off
# unless BENCH_REFERENCE_VIEW=true is set for a benchmark run.
BENCH_REFERENCE_VIEW = env.flag("BENCH_REFERENCE_VIEW", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the default and has no URL prefix; the others are prefixed (/ur/...).
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("ur", _("Urdu")),
    ("pl", _("Polish")),
    ("ar", _("Arabic")),
    ("bn", _("Bengali")),
    ("zh-hans", _("Simplified Chinese")),
]
_enabled = env.listing("PORTAL_LANGUAGES", [code for code, _name in LANGUAGES])
if "en" not in _enabled:
    raise env.ImproperSetting("PORTAL_LANGUAGES", "must include en (the default language).")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [lang for lang in LANGUAGES if lang[0] in _enabled]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A page sent for translation stays a draft in the new language until its translator publishes
# it; meanwhile visitors get the English page, labelled as such, rather than an untranslated copy.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env.text("MEDIA_URL", "/media/")

# Object storage for media (S3-compatible) when a bucket is named; needs django-storages.
if env.text("MEDIA_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.text("MEDIA_BUCKET"),
            "endpoint_url": env.url("MEDIA_ENDPOINT_URL") or None,
            "querystring_auth": False,
        },
    }

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "Community Wealth Hub <hub@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
HUB_STAFF_EMAIL = env.text("HUB_STAFF_EMAIL", "hub-staff@example.org")

# Search: the database backend (SQLite FTS5 or PostgreSQL full text) unless Elasticsearch is named.
ELASTICSEARCH_URL = env.url("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    # Elasticsearch 8.x: the client is pinned to major version 8 (the "elasticsearch" extra),
    # which must match the server's. "default" holds every language (the admin searches it);
    # each language also has its own index, analysed for that language, that the public
    # search uses: cwh_wagtailcore_page, cwh_en_wagtailcore_page, cwh_pl_wagtailcore_page ...
    _es_prefix = env.text("ELASTICSEARCH_INDEX_PREFIX", "cwh_")

    def _elasticsearch(prefix: str, language: str | None = None) -> dict:
        return {
            "BACKEND": "search.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix,
            "LANGUAGE": language,
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }

    WAGTAILSEARCH_BACKENDS = {"default": _elasticsearch(_es_prefix)} | {
        code: _elasticsearch(f"{_es_prefix}{code.replace('-', '_')}_", code)
        for code, _name in LANGUAGES
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Wagtail
WAGTAIL_SITE_NAME = "Community Wealth Hub"
WAGTAILADMIN_BASE_URL = env.text("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.forms.SafeDocumentForm"
# SVG is left out on purpose: it can carry script.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

# Login throttling: five failures lock that account from that address for 15 minutes.
AXES_FAILURE_LIMIT = env.integer("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.integer("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_IPWARE_PROXY_COUNT = env.integer("PROXY_COUNT", 0)
AXES_VERBOSE = False

# Two-factor authentication is optional: staff who set up a device must always use it, and
# members of a group given the "enable 2FA" permission must set one up.
WAGTAIL_2FA_REQUIRED = True
WAGTAIL_2FA_OTP_TOTP_NAME = "Community Wealth Hub"

# Security defaults for every environment; production.py adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# A strict policy for the public site: every asset comes from this site, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin uses inline scripts and styles in its editor, so it gets a relaxed policy.
CSP_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Origins allowed to show the embeddable widgets (/embed/...) in a frame, comma-separated
# (https://council.example.gov.uk). Empty means any site may embed those two pages; every other
# page still refuses to be framed.
EMBED_ALLOWED_ORIGINS = env.listing("EMBED_ALLOWED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
