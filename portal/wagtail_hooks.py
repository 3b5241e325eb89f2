"""Admin menus for the shared vocabulary and the partner organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import (
    Area,
    AudienceSector,
    FooterText,
    OrganisationType,
    PartnerOrganisation,
    Stage,
    SupportNeed,
)


def _term_viewset(term_model, icon: str) -> type[SnippetViewSet]:
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "icon": icon,
            "list_display": ["label", "slug", "sort_order"],
            "list_filter": ["locale"],
            "search_fields": ["label"],
            "ordering": ["sort_order", "label"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    """The shared facets every page, provider, filter and the questionnaire use."""

    menu_label = _("Vocabulary")
    menu_icon = "tag"
    menu_order = 210
    items = (
        _term_viewset(SupportNeed, "help"),
        _term_viewset(Stage, "resubmit"),
        _term_viewset(OrganisationType, "group"),
        _term_viewset(Area, "site"),
        _term_viewset(AudienceSector, "user"),
    )


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer")
    add_to_settings_menu = True
    list_display = ["text", "locale"]


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "contact_email", "website"]
    search_fields = ["name"]


register_snippet(VocabularyGroup)
register_snippet(PartnerOrganisationViewSet)
register_snippet(FooterTextViewSet)
