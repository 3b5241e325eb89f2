from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import frame, views

# Outside the language prefix: the admin, documents, health check and machine endpoints.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    # The directory's Open Referral UK open data API (read-only, open to any origin).
    path("api/oruk/openapi.json", views.openapi_description, name="openapi"),
    path("api/oruk/", include("directory.api.urls")),
    # Short links (/go/...), robots.txt, sitemap.xml and the open content API (/api/v2/).
    path("", include("campaigns.urls")),
]

if settings.BENCH_REFERENCE_VIEW:
    urlpatterns.append(path("bench/reference/<int:size>/", views.bench_reference))

# Public pages: English at /, other languages under their prefix (/ur/, /pl/ ...).
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("plan-email/", include("triage.urls")),
    # Feeds (/feeds/...) and the embeddable widgets (/embed/...), in each language.
    path("", include("campaigns.public_urls")),
    # Pages are routed through the shared cache first; the pattern is Wagtail's own.
    re_path(wagtail_urls.serve_pattern, frame.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
