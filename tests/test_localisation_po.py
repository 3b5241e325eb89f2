"""A translator's round trip: send a page for translation, download its PO file, translate a
string, upload it and publish; the translated text is then live under the language's prefix."""

import io

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from guides.models import GuideIndexPage
from portal.demo_translations import translate
from tests.content_factories import make_guide


@pytest.fixture
def polish_guides(home, section):
    """The home page and the guide list already live in Polish, as on the demo site."""
    translate(home, "pl", {})
    translate(section(GuideIndexPage), "pl", {"Guides": "Poradniki"})
    return Locale.objects.get(language_code="pl")


def send_for_translation(admin_client, page, locale):
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale=locale)


@pytest.mark.django_db
def test_po_file_round_trip_publishes_the_translated_string(
    admin_client, client, section, polish_guides, django_capture_on_commit_callbacks
):
    guide = make_guide(
        section(GuideIndexPage), title="Community shares explained", summary="Shares for all."
    )
    translation = send_for_translation(admin_client, guide, polish_guides)
    polish_page = guide.get_translation(polish_guides)
    assert not polish_page.live  # nothing is shown in Polish until the translator publishes
    assert client.get(f"/pl/guides/{guide.slug}/").status_code == 404

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = next(e for e in po if e.msgid == "Community shares explained")
    assert entry.msgstr == ""
    entry.msgstr = "Udziały społecznościowe w praktyce"

    upload = io.BytesIO(str(po).encode())
    upload.name = "guide-pl.po"
    edit_url = reverse("wagtailadmin_pages:edit", args=[polish_page.pk])
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url, {"action": "publish"})
    assert response.status_code in (200, 302)

    html = client.get(f"/pl/guides/{guide.slug}/").content.decode()
    assert ">Udziały społecznościowe w praktyce</h1>" in html
    assert '<html lang="pl" dir="ltr">' in html
    # The English page is untouched, and now offers the Polish one.
    english = client.get(f"/guides/{guide.slug}/").content.decode()
    assert ">Community shares explained</h1>" in english
    assert f'href="/pl/guides/{guide.slug}/" lang="pl"' in english


@pytest.mark.django_db
def test_a_po_file_for_another_translation_is_refused(admin_client, section, polish_guides):
    index = section(GuideIndexPage)
    first = make_guide(index, title="First guide")
    second = make_guide(index, title="Second guide")
    one = send_for_translation(admin_client, first, polish_guides)
    other = send_for_translation(admin_client, second, polish_guides)
    po = polib.pofile(
        admin_client.get(
            reverse("wagtail_localize:download_pofile", args=[one.pk])
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = "Zmienione"
    upload = io.BytesIO(str(po).encode())
    upload.name = "wrong.po"
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[other.pk]), {"file": upload}, follow=True
    )
    assert "created for a different translation" in response.content.decode()
    second_pl = second.get_translation(polish_guides)
    assert second_pl.title == "Second guide"


@pytest.mark.django_db
def test_source_changes_are_synced_and_marked_for_the_translator(
    admin_client, section, polish_guides
):
    guide = make_guide(section(GuideIndexPage), title="Old title", summary="Same summary.")
    translation = send_for_translation(admin_client, guide, polish_guides)
    guide.title = "New title"
    guide.save_revision().publish()
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]), {}
    )
    assert response.status_code == 302
    po = polib.pofile(
        admin_client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    msgids = {e.msgid for e in po}
    assert "New title" in msgids
    assert "Old title" not in msgids
    # The changed string has no translation yet: the translator sees it as new work.
    assert next(e for e in po if e.msgid == "New title").msgstr == ""
