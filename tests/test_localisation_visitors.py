"""What a visitor in Polish sees: translated pages first, English filling the gaps and labelled
as English, a switcher that knows which pages exist, search and the questionnaire in Polish."""

import re

import pytest
from wagtail.models import Locale

from casestudies.models import CaseStudyIndexPage
from directory.models import DirectoryIndexPage
from guides.models import GuideIndexPage
from portal.demo_translations import translate
from tests.content_factories import make_guide
from tests.triage_content import make_provider, questionnaire_page

IN_ENGLISH = 'class="language-label" lang="pl" dir="ltr">Po angielsku</span>'


def items(html):
    return re.findall(r'<li class="result[^"]*".*?</li>', html, re.S)


def item_with(html, text):
    return next(i for i in items(html) if text in i)


@pytest.fixture
def polish_site(home, section):
    """Home, guides, case studies and directory live in Polish (as the demo translations do)."""
    translate(home, "pl", {})
    translate(section(GuideIndexPage), "pl", {"Guides": "Poradniki"})
    translate(section(CaseStudyIndexPage), "pl", {})
    translate(section(DirectoryIndexPage), "pl", {})
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def guides(section, polish_site):
    index = section(GuideIndexPage)
    translated = make_guide(index, title="Community shares", summary="Raising money locally.")
    translate(
        translated,
        "pl",
        {"Community shares": "Udziały społecznościowe", "Raising money locally.": "Zbiórka."},
    )
    english_only = make_guide(index, title="Running a board", summary="Board basics.")
    return {"translated": translated, "english_only": english_only}


@pytest.mark.django_db
def test_polish_guide_list_shows_translations_and_labels_english_ones(client, guides):
    html = client.get("/pl/guides/").content.decode()
    polish = item_with(html, "Udziały społecznościowe")
    assert 'lang="en"' not in polish and "Po angielsku" not in polish
    assert "Community shares" not in html  # the translation replaces its source
    english = item_with(html, "Running a board")
    assert english.startswith('<li class="result" lang="en" dir="ltr">')
    assert IN_ENGLISH in english
    assert f'href="/guides/{guides["english_only"].slug}/"' in english
    assert "2 wyniki" in html  # the count includes both


@pytest.mark.django_db
def test_a_draft_translation_leaves_the_english_page_listed(client, section, polish_site):
    guide = make_guide(section(GuideIndexPage), title="Premises guide")
    draft = guide.copy_for_translation(polish_site)
    draft.title = "Lokale (szkic)"
    draft.save_revision()
    html = client.get("/pl/guides/").content.decode()
    assert "Lokale (szkic)" not in html
    assert IN_ENGLISH in item_with(html, "Premises guide")


@pytest.mark.django_db
def test_english_list_has_no_language_labels(client, guides):
    html = client.get("/guides/").content.decode()
    assert "Udziały" not in html
    assert 'class="language-label"' not in html
    assert '<li class="result" lang="en"' not in html


@pytest.mark.django_db
def test_polish_directory_lists_english_providers_labelled_and_searches_them(
    client, home, polish_site
):
    make_provider(home, "Wigan Money Advice", need=["funding"], area=["wigan"])
    html = client.get("/pl/directory/").content.decode()
    assert IN_ENGLISH in item_with(html, "Wigan Money Advice")
    assert "Potrzebne wsparcie" in html  # filter headings are translated
    found = client.get("/pl/directory/", {"q": "money", "need": "funding"})
    assert found.status_code == 200
    assert IN_ENGLISH in item_with(found.content.decode(), "Wigan Money Advice")


@pytest.mark.django_db
def test_switcher_goes_to_the_translation_or_says_it_is_missing(client, guides):
    translated = guides["translated"]
    html = client.get(f"/guides/{translated.slug}/").content.decode()
    assert f'href="/pl/guides/{translated.slug}/" lang="pl"' in html
    assert f'href="/guides/{translated.slug}/?untranslated=ur" lang="ur"' in html
    polish = client.get(f"/pl/guides/{translated.slug}/").content.decode()
    assert '<html lang="pl" dir="ltr">' in polish
    assert f'href="/guides/{translated.slug}/" lang="en" hreflang="en"' in polish

    slug = guides["english_only"].slug
    english = client.get(f"/guides/{slug}/").content.decode()
    assert f'href="/guides/{slug}/?untranslated=pl" lang="pl" hreflang="pl" dir="ltr" ' in english
    assert 'hreflang="pl" href=' not in english  # no alternate link to a missing translation
    missing = client.get(f"/guides/{slug}/?untranslated=pl").content.decode()
    assert "Ta strona nie została jeszcze przetłumaczona" in missing
    assert ">Running a board</h1>" in missing  # the English page, not an error


@pytest.mark.django_db
def test_search_in_polish_finds_polish_words_and_labels_english_results(client, guides):
    html = client.get("/pl/search/", {"q": "udziały"}).content.decode()
    polish = item_with(html, "Zbiórka.")
    assert "<mark>Udziały</mark> społecznościowe" in polish
    assert 'href="/pl/guides/' in polish and "Po angielsku" not in polish
    assert "Poradnik" in polish  # the kind of result, in Polish too
    assert "Running a board" not in html
    board = client.get("/pl/search/", {"q": "board"}).content.decode()
    assert IN_ENGLISH in item_with(board, "Running a <mark>board</mark>")
    # English search knows nothing of the Polish words.
    assert "Udziały" not in client.get("/search/", {"q": "udziały"}).content.decode()


@pytest.mark.django_db
def test_questionnaire_in_polish_reaches_a_plan_with_english_fallback(
    client, home, section, polish_site
):
    page = questionnaire_page(home)
    translate(
        page,
        "pl",
        {
            "Where are you with your idea or business?": "Na jakim etapie jest Twoja firma?",
            "We are getting ready to start trading": "Przygotowujemy się do startu",
            "What would help you most right now?": "Co najbardziej by pomogło?",
            "Money: grants, loans or community shares": "Pieniądze",
        },
    )
    translate(
        make_guide(section(GuideIndexPage), title="Money first", need=["funding"]),
        "pl",
        {"Money first": "Najpierw pieniądze"},
    )
    make_guide(section(GuideIndexPage), title="Grants explained", need=["funding"])
    make_provider(home, "Wigan Money Advice", need=["funding"], area=["wigan"])

    start = client.get("/pl/find-support/?step=stage").content.decode()
    assert "Na jakim etapie jest Twoja firma?" in start
    assert ">Przygotowujemy się do startu</label>" in start
    assert "Dalej" in start  # the buttons are translated too
    nothing = client.get("/pl/find-support/?q=stage&action=continue").content.decode()
    assert "Wystąpił problem" in nothing
    assert "Wybierz odpowiedź na pytanie „Na jakim etapie jest Twoja firma?”" in nothing

    response = client.get("/pl/find-support/?q=stage&answer=2&action=continue")
    assert response["Location"].startswith("/pl/find-support/?")
    response = client.get("/pl/find-support/?stage=starting&q=type&action=skip")
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Co najbardziej by pomogło?" in html
    response = client.get(
        "/pl/find-support/?stage=starting&skip=type&q=need&answer=3&action=continue"
    )
    response = client.get(
        "/pl/find-support/?stage=starting&need=funding&skip=type&q=area&answer=10&action=continue"
    )
    assert response["Location"].startswith("/pl/find-support/results/?")
    response = client.get(response["Location"])
    assert response.status_code == 200
    plan = response.content.decode()
    assert '<html lang="pl" dir="ltr">' in plan
    assert "Twój plan" in plan
    assert "Najpierw pieniądze" in plan
    assert "Money first" not in plan
    english = re.search(r'<li class="plan-item[^"]*" lang="en" dir="ltr">.*?</li>', plan, re.S)
    assert english and IN_ENGLISH in english.group(0)
    assert "Grants explained" in plan and "Wigan Money Advice" in plan
    assert "Bo potrzebujesz pomocy w:" in plan  # the reasons are in Polish


@pytest.mark.django_db
def test_untranslated_fields_fall_back_to_english_without_breaking(client, guides):
    # The summary of the translated guide was given; its body was not, so it stays English.
    html = client.get(f"/pl/guides/{guides['translated'].slug}/").content.decode()
    assert "Udziały społecznościowe" in html
    assert "Local spending keeps money in the community." in html
