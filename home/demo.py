"""Demo content for the home page: the site root in every enabled language."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage

HERO_TEXT = (
    "The Community Wealth Hub connects co-operatives, social enterprises, community businesses "
    "and employee-owned firms in Greater Manchester with the guides, training and local "
    "support they need. Answer a few questions and we will point you to the right help."
)


def ensure_locales() -> Locale:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def load(*, stdout, skeleton=False) -> HomePage:
    english = ensure_locales()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=english)
        )
        home = HomePage(
            title="Community Wealth Hub",
            slug="home",
            locale=english,
            hero_text=HERO_TEXT,
            seo_title="Community Wealth Hub: support for social businesses in Greater Manchester",
            search_description=HERO_TEXT[:160],
        )
        # Wagtail's own welcome page holds the slug "home"; it is removed once ours replaces it.
        placeholder = (
            root.get_children().filter(slug="home").exclude(content_type__model="homepage")
        )
        for page in placeholder:
            page.slug = f"welcome-{page.pk}"
            page.save()
        root.add_child(instance=home)
        home.save_revision().publish()
        stdout.write("Created the home page.")
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Community Wealth Hub",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Community Wealth Hub"
        site.save()
        if old_root.content_type.model == "page" and not old_root.get_children().exists():
            old_root.delete()
    return home
