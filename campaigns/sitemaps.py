"""/sitemap.xml: every live public page in every language, with its translations linked."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class PortalSitemap(Sitemap):
    """Wagtail's own sitemap covers one tree; here each language's home is a tree of its own."""

    def items(self):
        site = self.get_wagtail_site()
        roots = [site.root_page, *site.root_page.get_translations().live()]
        within = Q()
        for root in roots:
            within |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(within)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        urls = []
        groups = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            for info in item.get_sitemap_urls(self.request):
                info = {**info, "lang_code": codes.get(item.locale_id, "")}
                urls.append(info)
                groups[item.translation_key].append(info)
        # Each translated page lists all its language versions (hreflang in the sitemap).
        for group in groups.values():
            if len(group) > 1:
                alternates = [
                    {"lang_code": u["lang_code"], "location": u["location"]} for u in group
                ]
                for info in group:
                    info["alternates"] = alternates
        last_mods = {u.get("lastmod") for u in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
