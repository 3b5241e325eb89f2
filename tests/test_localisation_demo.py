"""The demo translations: made with wagtail-localize, marked as demo, loaded only once."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from portal.demo_translations import load
from portal.models import FooterText, SupportNeed
from tests.triage_content import questionnaire_page


@pytest.mark.django_db
def test_demo_translations_are_synced_translations_marked_as_demo(client, home):
    questionnaire = questionnaire_page(home)
    load(stdout=io.StringIO())
    for code, marker, heading in (
        ("pl", "Tłumaczenie demonstracyjne", "Załóż, rozwijaj lub przekształć"),
        ("ur", "نمونے کا ترجمہ", "اپنا سماجی کاروبار شروع کریں"),
    ):
        html = client.get(f"/{code}/").content.decode()
        assert heading in html and marker in html
        locale = Locale.objects.get(language_code=code)
        assert (
            SupportNeed.objects.filter(locale=locale).count()
            == SupportNeed.objects.filter(locale__language_code="en").count()
        )
        assert FooterText.objects.filter(locale=locale).exists()
        # Each is a translation the translation editor manages (and a PO file can round-trip).
        source = TranslationSource.objects.get_for_instance(questionnaire)
        assert Translation.objects.filter(source=source, target_locale=locale).exists()
    # The answers of the questionnaire are strings a translator can translate.
    segments = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert "I have an idea and want to see if it could work" in set(segments)
    step = client.get("/pl/find-support/?step=stage").content.decode()
    assert ">Mam pomysł i chcę sprawdzić, czy się sprawdzi</label>" in step


@pytest.mark.django_db
def test_loading_twice_changes_nothing(home):
    questionnaire_page(home)
    load(stdout=io.StringIO())
    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = io.StringIO()
    load(stdout=out)
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_the_skeleton_has_no_translations(home):
    call_command("load_demo_content", skeleton=True, stdout=io.StringIO())
    assert not Page.objects.filter(locale__language_code="pl").exists()
