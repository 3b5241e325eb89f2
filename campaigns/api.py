"""The open content API (Wagtail API v2) at /api/v2/: pages, images and documents, read-only.

Anyone may read it (no login, no cookies) and responses may be cached publicly for five
minutes. The fields each page type shows are listed here in ``API_FIELDS``, so the content
apps' models stay as they are.
"""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

CACHE_SECONDS = 300
#: Long searches are refused with a clear message: PostgreSQL's search builds one nested
#: expression per word, and hundreds of words exhaust the stack.
MAX_SEARCH_WORDS = 12
MAX_SEARCH_LENGTH = 200


def _slugs(name: str, *, many: bool = True) -> APIField:
    """A vocabulary field as its stable slugs, the same values the URL filters use."""
    return APIField(
        name, serializer=serializers.SlugRelatedField(many=many, read_only=True, slug_field="slug")
    )


def _facets() -> list[APIField]:
    return [_slugs(n) for n in ("needs", "stages", "organisation_types", "areas", "sectors")]


def _tags() -> APIField:
    return APIField("tags", serializer=TagsField(read_only=True))


class SessionSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    online = serializers.BooleanField()
    venue = serializers.CharField()
    booking_url = serializers.CharField()
    places_left = serializers.IntegerField(allow_null=True)


class ImpactSerializer(serializers.Serializer):
    measure = serializers.CharField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    unit = serializers.CharField()


#: Fields each page type adds to the API, by model label (lower case).
API_FIELDS: dict[str, list] = {
    "guides.guidepage": [
        "summary",
        "body",
        "last_reviewed",
        "reading_minutes",
        *_facets(),
        _tags(),
    ],
    "guides.trainingmodulepage": [
        "summary",
        "outcomes",
        "duration_minutes",
        "level",
        "format",
        "prerequisites",
        "lessons",
        "last_reviewed",
        APIField("upcoming_sessions", serializer=SessionSerializer(many=True, read_only=True)),
        *_facets(),
        _tags(),
    ],
    "casestudies.casestudypage": [
        "organisation_name",
        "summary",
        "challenge",
        "approach",
        "results",
        "pull_quote",
        "quote_attribution",
        _slugs("organisation_type", many=False),
        _slugs("borough", many=False),
        _slugs("stage", many=False),
        _slugs("sector", many=False),
        _slugs("needs"),
        APIField("impact_measures", serializer=ImpactSerializer(many=True, read_only=True)),
        _tags(),
    ],
    "directory.providerpage": [
        "summary",
        "description",
        "in_person",
        "online",
        "phone_support",
        "cost",
        "languages",
        "accessibility",
        "eligibility",
        "website",
        "email",
        "phone",
        "opening_hours",
        "last_reviewed",
        *_facets(),
        _tags(),
    ],
    "campaigns.campaignpage": ["hero_heading", "hero_text", "body", "end_date"],
}


class PublicReadOnlyMixin:
    """Open to everyone, JSON only, and cacheable by browsers and shared caches."""

    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for values in request.GET.lists():
            if any("\x00" in value for value in (values[0], *values[1])):
                raise BadRequestError("query parameters cannot contain NUL characters")
        search = request.GET.get("search", "")
        if len(search) > MAX_SEARCH_LENGTH or len(search.split()) > MAX_SEARCH_WORDS:
            raise BadRequestError(
                f"search is too long: use at most {MAX_SEARCH_WORDS} words "
                f"and {MAX_SEARCH_LENGTH} characters"
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        response["Access-Control-Allow-Origin"] = "*"
        return response


class PortalPagesAPIViewSet(PublicReadOnlyMixin, PagesAPIViewSet):
    @classmethod
    def get_body_fields(cls, model):
        extra = API_FIELDS.get(model._meta.label_lower, [])
        return super().get_body_fields(model) + cls._convert_api_fields(extra)


class PortalImagesAPIViewSet(PublicReadOnlyMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(PublicReadOnlyMixin, DocumentsAPIViewSet):
    pass


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PortalPagesAPIViewSet)
router.register_endpoint("images", PortalImagesAPIViewSet)
router.register_endpoint("documents", PortalDocumentsAPIViewSet)
