"""Who may do what in the admin, checked through the admin's real views for every role."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.blocks import StreamValue

from directory.models import DirectoryIndexPage, ProviderPage
from editorial.roles import HUB_ADMINISTRATORS, HUB_EDITORS, PARTNER_EDITORS, TRAINERS
from guides.models import GuideIndexPage, GuidePage, TrainingIndexPage, TrainingModulePage
from portal.models import PartnerOrganisation, SupportNeed
from tests.admin_forms import page_form_data

ALLOWED = {200}
REFUSED = {302, 403}


@pytest.fixture
def orgs(db):
    return (
        PartnerOrganisation.objects.create(name="Alpha Co-op Support (demo)", slug="alpha"),
        PartnerOrganisation.objects.create(name="Beta Enterprise Agency (demo)", slug="beta"),
    )


def _user(username, group, organisation=None):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=group))
    if organisation:
        organisation.editors.add(user)
    return user


@pytest.fixture
def people(orgs):
    alpha, beta = orgs
    return {
        "admin": _user("admin-role", HUB_ADMINISTRATORS),
        "hub": _user("hub-editor", HUB_EDITORS),
        "partner": _user("alpha-editor", PARTNER_EDITORS, alpha),
        "other": _user("beta-editor", PARTNER_EDITORS, beta),
        "trainer": _user("trainer", TRAINERS),
    }


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _body(text):
    return StreamValue(
        GuidePage.body.field.stream_block, [("paragraph", f"<p>{text}</p>")], is_lazy=False
    )


@pytest.fixture
def pages(home, section, orgs):
    alpha, beta = orgs
    directory, guides, training = (
        section(DirectoryIndexPage),
        section(GuideIndexPage),
        section(TrainingIndexPage),
    )
    return {
        "own listing": _publish(
            directory,
            ProviderPage(
                title="Alpha advice line",
                slug="alpha-advice",
                summary="Advice.",
                owner_organisation=alpha,
            ),
        ),
        "other listing": _publish(
            directory,
            ProviderPage(
                title="Beta start-up clinic",
                slug="beta-clinic",
                summary="Clinic.",
                owner_organisation=beta,
            ),
        ),
        "own guide": _publish(
            guides,
            GuidePage(
                title="Alpha guide",
                slug="alpha-guide",
                summary="A guide.",
                owner_organisation=alpha,
                body=_body("Hello"),
            ),
        ),
        "other guide": _publish(
            guides,
            GuidePage(
                title="Beta guide",
                slug="beta-guide",
                summary="A guide.",
                owner_organisation=beta,
                body=_body("Hello"),
            ),
        ),
        "module": _publish(
            training,
            TrainingModulePage(
                title="Governance basics",
                slug="governance-basics",
                summary="Boards.",
                duration_minutes=90,
            ),
        ),
        "questionnaire": home.start_page,  # the questionnaire at /find-support/
        "directory": directory,
        "guides": guides,
        "training": training,
    }


# role -> the pages whose edit form they may open
MAY_EDIT = {
    "admin": {
        "own listing",
        "other listing",
        "own guide",
        "other guide",
        "module",
        "questionnaire",
    },
    "hub": {"own listing", "other listing", "own guide", "other guide", "module", "questionnaire"},
    "partner": {"own listing", "own guide"},
    "trainer": {"module"},
}
PAGES = ["own listing", "other listing", "own guide", "other guide", "module", "questionnaire"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(MAY_EDIT))
def test_edit_form_access_matrix(client, people, pages, role):
    client.force_login(people[role])
    for name in PAGES:
        status = client.get(f"/admin/pages/{pages[name].pk}/edit/").status_code
        expected = ALLOWED if name in MAY_EDIT[role] else REFUSED
        assert status in expected, f"{role} editing {name}: {status}"


# role -> the sections they may add pages to
MAY_ADD = {
    "admin": {"directory", "guides", "training"},
    "hub": {"directory", "guides", "training"},
    "partner": {"directory", "guides"},
    "trainer": {"training"},
}
ADD_URLS = {
    "directory": "directory/providerpage",
    "guides": "guides/guidepage",
    "training": "guides/trainingmodulepage",
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(MAY_ADD))
def test_add_page_access_matrix(client, people, pages, role):
    client.force_login(people[role])
    for section_name, model_path in ADD_URLS.items():
        url = f"/admin/pages/add/{model_path}/{pages[section_name].pk}/"
        status = client.get(url).status_code
        expected = ALLOWED if section_name in MAY_ADD[role] else REFUSED
        assert status in expected, f"{role} adding under {section_name}: {status}"


# role -> (vocabulary edit, partner organisation edit, user management)
ADMIN_AREAS = {
    "admin": (True, True, True),
    "hub": (True, True, False),
    "partner": (False, False, False),
    "trainer": (False, False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ADMIN_AREAS))
def test_vocabulary_partners_and_users_matrix(client, people, orgs, role):
    client.force_login(people[role])
    need = SupportNeed.objects.get(slug="funding", locale__language_code="en")
    urls = (
        f"/admin/snippets/portal/supportneed/edit/{need.pk}/",
        f"/admin/snippets/portal/partnerorganisation/edit/{orgs[0].pk}/",
        "/admin/users/",
    )
    for url, allowed in zip(urls, ADMIN_AREAS[role], strict=True):
        status = client.get(url).status_code
        assert status in (ALLOWED if allowed else REFUSED), f"{role} at {url}: {status}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["partner", "trainer"])
def test_partners_and_trainers_cannot_publish_directly(client, people, pages, role):
    page = pages["own listing" if role == "partner" else "module"]
    user = people[role]
    client.force_login(user)
    data = page_form_data(page, user, title="Changed without approval", **{"action-publish": "1"})
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert page.title != "Changed without approval"  # the live page is unchanged
    assert page.get_latest_revision_as_object().title == "Changed without approval"  # kept as draft
    assert not page.permissions_for_user(user).can_publish()


@pytest.mark.django_db
def test_hub_editor_publishes_directly(client, people, pages):
    page, user = pages["other listing"], people["hub"]
    client.force_login(user)
    data = page_form_data(page, user, title="Beta clinic (updated)", **{"action-publish": "1"})
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Beta clinic (updated)"


@pytest.mark.django_db
def test_partner_cannot_reach_another_partners_draft_by_url(client, people, pages):
    page = pages["other listing"]
    page.title = "Beta's unpublished draft"
    revision = page.save_revision(user=people["other"])
    client.force_login(people["partner"])
    for url in (
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/unpublish/",
    ):
        response = client.get(url)
        assert response.status_code in REFUSED, f"{url}: {response.status_code}"
        assert b"unpublished draft" not in response.content
    data = page_form_data(page, people["hub"], title="Hijacked")
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code in REFUSED
    assert page.get_latest_revision_as_object().title == "Beta's unpublished draft"


@pytest.mark.django_db
def test_partner_cannot_raise_their_own_permissions(client, people):
    user = people["partner"]
    client.force_login(user)
    admins = Group.objects.get(name=HUB_ADMINISTRATORS)
    attempts = [
        (
            f"/admin/users/edit/{user.pk}/",
            {
                "username": user.username,
                "email": user.email,
                "groups": [admins.pk],
                "is_superuser": "on",
            },
        ),
        (f"/admin/groups/edit/{admins.pk}/", {"name": HUB_ADMINISTRATORS}),
        ("/admin/groups/new/", {"name": "Mine"}),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code in REFUSED, url
    user.refresh_from_db()
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [PARTNER_EDITORS]
    assert not Group.objects.filter(name="Mine").exists()


@pytest.mark.django_db
def test_partner_can_only_give_a_new_guide_to_their_own_organisation(client, people, pages, orgs):
    from tests.admin_forms import new_page_form_data

    alpha, beta = orgs
    user = people["partner"]
    client.force_login(user)
    url = f"/admin/pages/add/guides/guidepage/{pages['guides'].pk}/"
    form = client.get(url).context["form"]
    assert list(form.fields["owner_organisation"].queryset) == [alpha]
    data = new_page_form_data(
        GuidePage,
        pages["guides"],
        user,
        title="Beta takeover",
        slug="beta-takeover",
        summary="Nope.",
        owner_organisation=beta.pk,
    )
    data["body-count"] = 0
    response = client.post(url, data)
    assert response.status_code == 200  # the form comes back with an error
    assert not GuidePage.objects.filter(slug="beta-takeover").exists()
