"""Editors publish questionnaires through the real admin: broken ones are refused, by name."""

import copy
import re

import pytest
from wagtail import blocks

from tests.admin_forms import new_page_form_data
from tests.triage_content import sample_content

pytestmark = pytest.mark.django_db


def block_data(block, value, prefix: str) -> dict:
    """The admin form data a StreamField widget would post for ``value``."""
    data = {}
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = len(value)
        for i, child in enumerate(value):
            data.update(
                block_data(block.child_blocks[child["type"]], child["value"], f"{prefix}-{i}-value")
            )
            data.update(
                {
                    f"{prefix}-{i}-type": child["type"],
                    f"{prefix}-{i}-order": i,
                    f"{prefix}-{i}-deleted": "",
                    f"{prefix}-{i}-id": "",
                }
            )
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = len(value)
        for i, item in enumerate(value):
            data.update(block_data(block.child_block, item, f"{prefix}-{i}-value"))
            data.update(
                {f"{prefix}-{i}-order": i, f"{prefix}-{i}-deleted": "", f"{prefix}-{i}-id": ""}
            )
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            data.update(block_data(child, value.get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.MultipleChoiceBlock):
        data[prefix] = list(value or [])
    else:
        data[prefix] = "" if value is None else value
    return data


@pytest.fixture
def editor(admin_user):
    return admin_user


def post_questionnaire(client, home, questions, *, action="action-publish", test_cases=()):
    from triage.models import FindSupportPage

    page = FindSupportPage.objects.child_of(home).get()
    # Start from an empty form (streams included) with the page's own title and slug.
    data = new_page_form_data(
        FindSupportPage, home, client.user, title=page.title, slug=page.slug, intro=page.intro
    )
    field = FindSupportPage._meta.get_field
    data.update(block_data(field("questions").stream_block, questions, "questions"))
    data.update(
        block_data(
            field("test_cases").stream_block,
            [{"type": "test_case", "value": tc} for tc in test_cases],
            "test_cases",
        )
    )
    data[action] = "1"
    return page, client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


@pytest.fixture
def admin(client, editor):
    client.force_login(editor)
    client.user = editor
    return client


def demo_questions():
    from triage.demo import QUESTIONS

    return copy.deepcopy(QUESTIONS)


def test_a_sound_questionnaire_publishes(admin, home):
    page, response = post_questionnaire(admin, home, demo_questions())
    assert response.status_code == 200
    page.refresh_from_db()
    assert len(page.questions) == 5
    assert not page.has_unpublished_changes


def broken(kind):
    questions = demo_questions()
    by_key = {q["value"]["key"]: q["value"] for q in questions}
    if kind == "dead end":
        by_key["need"]["next"] = "no-such-question"
        return questions, "“What would help you most right now?” (need) leads to “no-such-question”"
    if kind == "loop":
        by_key["area"]["answers"][0]["next"] = "stage"
        return questions, "can lead back to itself"
    if kind == "unreachable":
        by_key["stage"]["answers"][4]["next"] = ""
        by_key["type"]["next"] = "need"
        by_key["need"]["next"] = "area"
        # Nothing points at "ownership" any more.
        return (
            questions,
            "Question “Who would own the business after the change?” (ownership) cannot be reached",
        )
    if kind == "sets nothing":
        by_key["area"]["answers"][0]["area"] = []
        return (
            questions,
            "Answer “Bolton” of question “Where is your business or idea based?” (area) "
            "sets nothing",
        )
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["dead end", "loop", "unreachable", "sets nothing"])
def test_publishing_a_broken_questionnaire_is_refused_naming_the_question(admin, home, kind):
    questions, expected = broken(kind)
    page, response = post_questionnaire(admin, home, questions)
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert expected in html.replace("&#x27;", "'").replace("&quot;", '"')
    page.refresh_from_db()
    assert len(page.questions) == 0  # the live questionnaire is unchanged


def test_a_broken_draft_can_still_be_saved(admin, home):
    questions, _expected = broken("loop")
    page, response = post_questionnaire(admin, home, questions, action="action-save")
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert len(page.get_latest_revision_as_object().questions) == 5


def test_test_cases_run_on_publish(admin, home):
    content = sample_content(home)
    good = {"answers": "need=funding&stage=starting&area=wigan", "page": content["money_guide"].pk}
    page, response = post_questionnaire(admin, home, demo_questions(), test_cases=[good])
    page.refresh_from_db()
    assert len(page.test_cases) == 1 and not page.has_unpublished_changes

    failing = {
        "answers": "need=funding&stage=starting&area=wigan",
        "page": content["board_guide"].pk,
    }
    page, response = post_questionnaire(admin, home, demo_questions(), test_cases=[failing])
    html = response.content.decode()
    assert "expects “A good board” in the plan, but it is not there any more" in html
    page.refresh_from_db()
    assert page.test_cases[0].value["page"].pk == content["money_guide"].pk


def test_the_outline_shows_every_branch_and_problems(admin, home):
    page, _response = post_questionnaire(admin, home, demo_questions())
    html = admin.get(f"/admin/find-support/{page.pk}/outline/").content.decode()
    assert "Every path through this questionnaire reaches the plan." in html
    assert "Who would own the business after the change? (ownership)" in html
    questions, _expected = broken("loop")
    post_questionnaire(admin, home, questions, action="action-save")
    html = admin.get(f"/admin/find-support/{page.pk}/outline/").content.decode()
    assert "can lead back to itself" in html
    # The page's header links to the outline.
    html = admin.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/find-support/{page.pk}/outline/" in html


@pytest.fixture
def demo_site(db):
    import io

    from django.core.management import call_command

    call_command("load_demo_content", stdout=io.StringIO())


def test_the_demo_questionnaire_is_loaded_sound_with_passing_test_cases(client, demo_site):
    from wagtail.models import Locale

    from portal.vocabulary import vocabulary
    from triage.models import FindSupportPage
    from triage.testcases import failing_test_cases
    from triage.validation import validate

    page = FindSupportPage.objects.live().get(
        locale__language_code="en", url_path__endswith="/find-support/"
    )
    assert page.url == "/find-support/"
    questionnaire = page.questionnaire
    assert 4 <= len(questionnaire.questions) <= 7
    assert {"stage", "type", "need", "area"} <= {q.key for q in questionnaire.questions}
    known = {param: [t.slug for t in terms] for param, terms in vocabulary("en").items()}
    assert validate(questionnaire, known_values=known) == []
    # Both pins and both test cases found their guides in the demo content, and pass.
    assert len(page.pins) == 2 and len(page.test_cases) == 2
    assert (
        failing_test_cases(
            questionnaire=questionnaire,
            pins=page.pins,
            test_cases=page.test_cases,
            locale=Locale.get_default(),
        )
        == []
    )
    html = client.get("/find-support/").content.decode()
    assert "Start now" in html
    plan = client.get("/find-support/results/?need=legal-structure&stage=exploring&area=wigan")
    first = plan.content.decode().split('id="first-heading"')[1].split("</section>")[0]
    # The editor's pin for this combination comes first, and says why.
    assert re.search(r"Recommended by the hub</p>\s*<h3[^>]*><a href=\"[^\"]*choosing-a", first)
