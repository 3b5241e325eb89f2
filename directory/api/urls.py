"""Open Referral UK API routes, mounted at /api/oruk/ outside the language prefixes."""

from django.urls import path, re_path

from directory.api import views

app_name = "oruk"

urlpatterns = [
    path("", views.index, name="index"),
    path("services", views.services, name="services"),
    path("services/<str:service_id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<str:item_id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:item_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:item_id>", views.taxonomy_term_detail, name="taxonomy_term"),
    re_path(r"^.*$", views.not_found),
]
