"""Admin menus for the shared vocabulary and the partner organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


def _replace_view_restriction_check() -> None:
    """Use portal.frame's view-restriction check instead of Wagtail's own.

    It does the same check, but skips its two queries per page when no restriction can
    apply. Wagtail's hook is registered when wagtail.wagtail_hooks is imported, so import it
    first, then swap it out of the registry.
    """
    from wagtail import wagtail_hooks as core_hooks

    from portal.frame import check_view_restrictions

    registered = hooks._hooks.get("on_serve_page", [])
    hooks._hooks["on_serve_page"] = [
        (fn, order) for fn, order in registered if fn is not core_hooks.check_view_restrictions
    ]
    hooks.register("on_serve_page", check_view_restrictions)


_replace_view_restriction_check()
