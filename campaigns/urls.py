"""Machine-facing addresses, outside the language prefix: short links, sitemap, robots, API."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from campaigns import api, views
from campaigns.sitemaps import PortalSitemap

urlpatterns = [
    path("go/<str:slug>", views.go, name="campaigns-go"),
    path("go/<str:slug>/", views.go),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("api/v2/", api.router.urls),
]
