"""Public endpoints: short links, robots.txt, the sitemap and the embeddable widgets."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from campaigns.counting import record_visit
from campaigns.framing import allow_framing
from campaigns.links import destination, questionnaire_url, section_url
from campaigns.models import ShortLink
from portal.vocabulary import vocabulary

SLUG_PATTERN = re.compile(r"^[a-z0-9_-]{1,60}$")


@require_safe
def go(request, slug: str):
    """Follow a short link: count the visit for today and redirect (302) to its target."""
    slug = slug.strip().lower()
    # Anything that cannot be a slug is unknown, without asking the database.
    link = None
    if SLUG_PATTERN.match(slug):
        link = ShortLink.objects.select_related("target_page", "campaign").filter(slug=slug).first()
    if link is None:
        raise Http404("No such short link")
    if request.method == "GET":
        record_visit(short_link_id=link.pk)
    url, _broken = destination(link, request)
    response = HttpResponseRedirect(url)
    # Every visit must reach the server to be counted; and the link itself is not a page.
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def _questionnaire_urls(request) -> list[str]:
    pages = Page.objects.live().filter(
        content_type__app_label="triage", content_type__model="findsupportpage"
    )
    urls = (p.get_url(request) for p in pages.only("id", "url_path", "path", "depth"))
    return sorted({url for url in urls if url and url.startswith("/")})


@require_safe
def robots_txt(request):
    """Everything may be crawled except the admin, short links, widgets and questionnaire steps."""
    disallow = ["/admin/", "/django-admin/", "/go/", "/api/", "/plan-email/", "/embed/"]
    disallow += [
        f"/{code}/embed/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    # Each questionnaire's steps (?step=...) and plans (results/) are personal and noindex;
    # its first page stays open to search engines.
    for url in _questionnaire_urls(request):
        disallow += [f"{url}results/", f"{url}*?"]
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in dict.fromkeys(disallow)]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _locale() -> Locale | None:
    try:
        return Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist:
        return None


def _embed(request, template: str, context: dict):
    response = TemplateResponse(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
@allow_framing
def embed_find_support(request):
    """A small 'start the questionnaire' box for partner sites to show in an iframe."""
    terms = vocabulary()
    locale = _locale()
    return _embed(
        request,
        "campaigns/embed/find_support.html",
        {
            "action": request.build_absolute_uri(
                questionnaire_url(locale=locale, request=request) or "/"
            ),
            "needs": terms.get("need", ()),
            "areas": terms.get("area", ()),
        },
    )


@require_safe
@allow_framing
def embed_directory_search(request):
    """A small 'search the directory' box for partner sites to show in an iframe."""
    terms = vocabulary()
    locale = _locale()
    action = section_url(model="directory.DirectoryIndexPage", locale=locale, request=request)
    return _embed(
        request,
        "campaigns/embed/directory_search.html",
        {
            "action": request.build_absolute_uri(action or "/"),
            "needs": terms.get("need", ()),
            "areas": terms.get("area", ()),
        },
    )
