"""A provider's page: created by an editor in the admin, shown in full, and its problem form."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import ProblemReport, ProviderPage
from portal.models import Area, PartnerOrganisation, Stage, SupportNeed
from tests.test_directory_factories import directory_index, make_provider


def _pk(model, slug):
    return model.objects.get(locale__language_code="en", slug=slug).pk


def test_an_editor_creates_a_provider_in_the_admin_and_it_is_listed(admin_client, db):
    index = directory_index()
    data = nested_form_data(
        {
            "title": "Bury Co-op Starter",
            "slug": "bury-co-op-starter",
            "summary": "Help for groups starting a co-operative in Bury.",
            "description": rich_text("<p>Evening clinics for new co-operatives.</p>"),
            "in_person": "on",
            "cost": "free",
            "cost_note": "Three free sessions",
            "languages": "en, ur",
            "accessibility": "Step-free access.",
            "eligibility": "Groups based in Bury.",
            "website": "https://bury-starter.example.org",
            "email": "hello@bury-starter.example.org",
            "phone": "0161 496 0123",
            "opening_hours": "Tuesdays 6pm to 8pm",
            "tags": "co-operatives, first steps",
            "last_reviewed": "2026-01-15",
            "external_id": "",
            "need_notes": inline_formset(
                [{"need": _pk(SupportNeed, "starting-up"), "note": "A founders' workshop"}]
            ),
            "locations": inline_formset(
                [
                    {
                        "name": "Bury office",
                        "address_1": "2 Example Row",
                        "address_2": "",
                        "town": "Bury",
                        "postcode": "bl9 0aa",
                    }
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    data["needs"] = [_pk(SupportNeed, "starting-up")]
    data["stages"] = [_pk(Stage, "exploring")]
    data["areas"] = [_pk(Area, "bury")]
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/directory/providerpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:4000]
    provider = ProviderPage.objects.get(slug="bury-co-op-starter")
    assert provider.live and provider.uuid
    place = provider.locations.get()
    assert place.postcode == "BL9 0AA" and place.latitude and place.longitude
    listed = admin_client.get("/directory/", {"area": "bury", "lang": "ur"}).content.decode()
    assert "Bury Co-op Starter" in listed


def test_the_admin_rejects_an_unknown_language_code(admin_client, db):
    index = directory_index()
    data = nested_form_data(
        {
            "title": "Bad languages",
            "slug": "bad-languages",
            "summary": "Test.",
            "description": rich_text(""),
            "languages": "en, klingon",
            "last_reviewed": "2026-01-15",
            "need_notes": inline_formset([]),
            "locations": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/directory/providerpage/{index.pk}/", data)
    assert response.status_code == 200
    assert "Unknown language code" in response.content.decode()
    assert not ProviderPage.objects.filter(slug="bad-languages").exists()


def test_the_page_shows_everything_plainly(client, db):
    owner = PartnerOrganisation.objects.get(slug="gm-coop-network")
    provider = make_provider(
        "Salford Social Finance",
        needs=("funding", "tendering"),
        stages=("growing",),
        types=("cic",),
        areas=("salford", "gm-wide"),
        online=True,
        phone_support=True,
        cost="subsidised",
        cost_note="Half price for new members",
        languages="en, pl, ar",
        accessibility="Hearing loop and step-free entrance.",
        eligibility="Social businesses trading for under five years.",
        website="https://salford-finance.example.org",
        email="hello@salford-finance.example.org",
        phone="0161 496 0456",
        opening_hours="Monday to Friday 9am to 5pm",
        description="<p>Loans and grants.</p>",
        owner_organisation=owner,
        last_reviewed=datetime.date(2026, 3, 2),
        tags=("community shares",),
    )
    html = client.get(provider.url).content.decode()
    for text in (
        "<h1>Salford Social Finance</h1>",
        "Funding and social investment</strong>: Small grants",
        "Tendering and selling to public bodies",
        "Growing",
        "Community interest company",
        "Salford",
        "All of Greater Manchester (every borough)",
        "In person, Online, By phone",
        "Subsidised — Half price for new members",
        "English, Polish, Arabic",
        "Hearing loop and step-free entrance.",
        "Social businesses trading for under five years.",
        'href="https://salford-finance.example.org"',
        'href="mailto:hello@salford-finance.example.org"',
        'href="tel:01614960456"',
        "Monday to Friday 9am to 5pm",
        "community shares",
        "Last reviewed 2 March 2026",
        "Kept up to date by Greater Manchester Co-operative Network (demo)",
        "1 Example Street",
        "M1 1AE",
        "Loans and grants.",
        "data-copy-link",
        "data-print",
        "Report a problem with this listing",
    ):
        assert text in html, text
    assert html.count("<h1") == 1


def test_an_old_review_warns_the_visitor(client, db):
    provider = make_provider(
        "Old Entry", last_reviewed=datetime.date.today() - datetime.timedelta(days=600)
    )
    assert "may be out of date" in client.get(provider.url).content.decode()


def test_links_to_its_guides_modules_and_case_studies(client, section, db):
    from casestudies.models import CaseStudyIndexPage
    from guides.models import GuideIndexPage, TrainingIndexPage
    from tests.content_factories import make_case_study, make_guide, make_module

    owner = PartnerOrganisation.objects.get(slug="eo-advisers-north")
    provider = make_provider("Linked Provider", owner_organisation=owner)
    assert "More from this provider" not in client.get(provider.url).content.decode()
    make_guide(section(GuideIndexPage), title="Selling to your staff", owner_organisation=owner)
    make_guide(section(GuideIndexPage), title="Somebody else's guide")
    make_module(section(TrainingIndexPage), title="Trustee basics", trainer=provider)
    story = make_case_study(section(CaseStudyIndexPage), title="A bakery changes hands")
    story.providers.set([provider])
    story.save_revision().publish()
    html = client.get(provider.url).content.decode()
    assert "Selling to your staff" in html
    assert "Somebody else" not in html
    assert "Trustee basics" in html
    assert "A bakery changes hands" in html


@pytest.fixture
def provider(db):
    return make_provider("Report Target")


def _report(client, provider, **data):
    return client.post(f"{provider.url}report/", data)


def test_a_report_is_stored_and_emailed_to_hub_staff(client, provider, settings):
    settings.HUB_STAFF_EMAIL = "staff@example.org"
    response = _report(client, provider, message="The phone number is wrong.", email="")
    assert response.status_code == 302
    assert response["Location"].endswith("?reported=1#report")
    report = ProblemReport.objects.get()
    assert report.provider.pk == provider.pk and "phone number" in report.message
    assert mail.outbox[0].to == ["staff@example.org"]
    assert "Report Target" in mail.outbox[0].subject
    thanks = client.get(response["Location"]).content.decode()
    assert "Your report has reached the hub team" in thanks


def test_an_invalid_report_shows_errors_not_a_500(client, provider):
    response = _report(client, provider, message="", email="not-an-email")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your report was not sent." in html
    assert "Tell us what is wrong with this listing." in html
    assert 'aria-invalid="true"' in html
    assert not ProblemReport.objects.exists()


def test_the_honeypot_silently_drops_automated_reports(client, provider):
    response = _report(client, provider, message="Buy cheap things now", homepage="spam.example")
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()
    assert not mail.outbox


def test_reports_are_rate_limited_with_a_friendly_page(client, provider):
    for _ in range(5):
        assert _report(client, provider, message="Closed down last month.").status_code == 302
    response = _report(client, provider, message="Closed down last month.")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please wait a moment" in response.content.decode()
    assert ProblemReport.objects.count() == 5


def test_the_provider_page_links_to_the_form_and_sets_no_cookie(client, provider):
    response = client.get(provider.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies, "a cookie would keep the page out of the shared page cache"
    assert "csrfmiddlewaretoken" not in html
    assert f'href="{provider.url}report/#report"' in html


def test_the_report_address_shows_the_form_and_a_post_needs_its_token(provider):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    page = browser.get(f"{provider.url}report/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'action="' + provider.url + 'report/"' in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    refused = browser.post(f"{provider.url}report/", {"message": "Wrong phone number."})
    assert refused.status_code == 403
    sent = browser.post(
        f"{provider.url}report/",
        {"message": "Wrong phone number.", "csrfmiddlewaretoken": token},
    )
    assert sent.status_code == 302
    assert ProblemReport.objects.get().message == "Wrong phone number."
