"""Language plumbing on every page: lang and dir, the switcher, hreflang, untranslated notice."""

import re

import pytest
from wagtail.models import Locale

from guides.models import GuideIndexPage


@pytest.fixture
def polish_guides(section):
    english = section(GuideIndexPage)
    polish = english.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.title = "Poradniki"
    polish.save_revision().publish()
    return polish


@pytest.mark.django_db
def test_right_to_left_languages_set_dir_on_html(client):
    html = client.get("/ur/search/").content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    html = client.get("/pl/search/").content.decode()
    assert '<html lang="pl" dir="ltr">' in html


@pytest.mark.django_db
def test_switcher_offers_every_language_and_marks_missing_translations(client):
    html = client.get("/guides/").content.decode()
    assert 'href="/guides/" lang="en" hreflang="en" dir="ltr" aria-current="true"' in html
    assert 'href="/guides/?untranslated=ur" lang="ur"' in html
    assert 'rel="nofollow">اردو</a>' in html


@pytest.mark.django_db
def test_switcher_links_to_the_translation_when_there_is_one(client, polish_guides):
    html = client.get("/guides/").content.decode()
    assert 'href="/pl/guides/" lang="pl"' in html
    assert '<link rel="alternate" hreflang="pl" href="http://testserver/pl/guides/">' in html
    assert 'hreflang="ur" href=' not in html  # no alternate link for a missing translation
    polish = client.get("/pl/guides/").content.decode()
    assert '<html lang="pl" dir="ltr">' in polish
    assert "<h1>Poradniki</h1>" in polish


@pytest.mark.django_db
def test_untranslated_page_says_so_plainly(client):
    html = client.get("/guides/?untranslated=ur").content.decode()
    # Said in the language the visitor chose (Urdu has its template strings translated).
    assert "اس صفحے کا ابھی اردو میں ترجمہ نہیں ہوا" in html
    assert 'role="status" lang="ur" dir="rtl"' in html


@pytest.mark.django_db
def test_unknown_language_in_the_notice_parameter_is_ignored(client):
    response = client.get("/guides/?untranslated=%3Cscript%3E")
    assert response.status_code == 200
    assert "has not been translated" not in response.content.decode()


@pytest.mark.django_db
def test_non_page_views_switch_by_prefix(client):
    html = client.get("/search/?q=funding").content.decode()
    assert 'href="/ur/search/?q=funding" lang="ur"' in html


@pytest.mark.django_db
def test_footer_is_translatable_with_english_filling_gaps(client):
    from portal.models import FooterText

    english = client.get("/search/").content.decode()
    assert "helps co-operatives, social enterprises" in english
    assert '<p lang="en"' not in english.split("<footer", 1)[1]
    urdu = client.get("/ur/search/").content.decode().split("<footer", 1)[1]
    # English filling the gap is marked as English, so screen readers pronounce it right.
    assert re.search(r'<p lang="en" dir="ltr">[^<]*helps co-operatives, social enterprises', urdu)
    FooterText.objects.create(
        locale=Locale.objects.get(language_code="pl"),
        text="Centrum pomaga spółdzielniom i przedsiębiorstwom społecznym (tłumaczenie demo).",
    )
    polish = client.get("/pl/search/").content.decode()
    assert "Centrum pomaga spółdzielniom" in polish
    assert "helps co-operatives, social enterprises" not in polish
    assert '<p lang="en"' not in polish.split("<footer", 1)[1]
