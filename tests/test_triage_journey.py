"""The questionnaire as a visitor meets it through plain HTML forms: no JavaScript, no cookies."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from tests.triage_content import questionnaire_page, sample_content
from triage.demo import QUESTIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire(home):
    return questionnaire_page(home)


def params(url):
    return parse_qs(urlsplit(url).query)


def test_the_start_page_explains_and_links_to_the_first_question(client, questionnaire):
    html = client.get("/find-support/").content.decode()
    assert 'href="?step=stage"' in html
    assert html.count("<h1") == 1


def test_each_step_is_one_question_with_progress_and_noindex(client, questionnaire):
    response = client.get("/find-support/?step=stage")
    html = response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(
        r"<legend><h1[^>]*>Where are you with your idea or business\?</h1></legend>", html
    )
    assert html.count("<h1") == 1
    assert "Question 1 of 4" in html
    assert html.count('type="radio"') == 5


def test_the_whole_journey_without_javascript_or_cookies(client, questionnaire):
    from triage.models import DemandCount

    response = client.get("/find-support/?q=stage&answer=1&action=continue")
    assert response.status_code == 302
    assert params(response["Location"]) == {"stage": ["exploring"], "step": ["type"]}

    html = client.get(response["Location"]).content.decode()
    assert "Question 2 of 4" in html
    assert 'name="stage" value="exploring"' in html  # carried in a hidden field
    assert "Skip this question" in html

    response = client.get("/find-support/?stage=exploring&q=type&action=skip")
    assert params(response["Location"]) == {
        "stage": ["exploring"],
        "skip": ["type"],
        "step": ["need"],
    }
    html = client.get(response["Location"]).content.decode()
    # The need question lets people choose several answers: one tick box for each of them.
    need = next(q["value"] for q in QUESTIONS if q["value"]["key"] == "need")
    boxes = re.findall(r'type="checkbox" id="answer-need-\d+" name="answer"', html)
    assert len(boxes) == len(need["answers"]) == 11
    for answer in need["answers"]:
        assert f">{answer['label']}</label>" in html

    response = client.get(
        "/find-support/?stage=exploring&skip=type&q=need&answer=2&answer=3&action=continue"
    )
    assert params(response["Location"])["need"] == ["legal-structure", "funding"]
    assert params(response["Location"])["step"] == ["area"]

    response = client.get(
        "/find-support/?stage=exploring&need=legal-structure&need=funding&skip=type"
        "&q=area&answer=10&action=continue"
    )
    plan = response["Location"]
    assert plan.startswith("/find-support/results/?")
    assert params(plan)["area"] == ["wigan"]
    response = client.get(plan)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "Your plan" in response.content.decode()
    assert not client.cookies, "the journey must not set cookies"
    assert DemandCount.objects.get(param="", value="").count == 1


def test_nothing_chosen_shows_an_error_summary_linking_to_the_field(client, questionnaire):
    response = client.get("/find-support/?q=stage&action=continue")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert "There is a problem" in html
    assert 'href="#answer-stage-1"' in html
    assert 'id="answer-stage-1"' in html
    assert "Choose an answer to “Where are you with your idea or business?”" in html


def test_back_and_change_keep_the_other_answers(client, questionnaire):
    html = client.get(
        "/find-support/?stage=exploring&skip=type&need=funding&step=area"
    ).content.decode()
    back = re.search(r'class="back-link" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert params(back) == {
        "stage": ["exploring"],
        "need": ["funding"],
        "skip": ["type"],
        "step": ["need"],
    }
    # The need question shows the current answer ticked.
    html = client.get(back).content.decode()
    assert re.search(r'value="3"\s+checked', html)

    plan = "/find-support/results/?stage=exploring&need=funding&area=wigan&skip=type"
    html = client.get(plan).content.decode()
    change = re.findall(r'href="([^"]+)" rel="nofollow">Change', html)
    assert len(change) == 4
    stage_link = next(c for c in change if "step=stage" in c).replace("&amp;", "&")
    response = client.get(stage_link)
    assert "changing" in response.content.decode()
    # Choosing "growing" instead keeps need and area and goes straight back to the plan.
    response = client.get(
        "/find-support/?need=funding&area=wigan&skip=type&changing=1&q=stage&answer=3"
    )
    assert response["Location"].startswith("/find-support/results/?")
    assert params(response["Location"]) == {
        "need": ["funding"],
        "stage": ["growing"],
        "area": ["wigan"],
        "skip": ["type"],
    }


def test_an_answer_can_branch_to_another_question(client, questionnaire):
    response = client.get("/find-support/?q=stage&answer=5")
    assert params(response["Location"])["step"] == ["ownership"]
    html = client.get(response["Location"]).content.decode()
    assert "Who would own the business after the change?" in html
    assert "Question 2 of 3" in html


def test_start_again_goes_back_to_the_beginning(client, questionnaire):
    html = client.get("/find-support/?stage=exploring&step=type").content.decode()
    assert '<a href="/find-support/">Start again</a>' in html


def test_a_question_removed_mid_journey_falls_back_to_the_next_one(client, questionnaire):
    response = client.get("/find-support/?stage=exploring&step=gone-now")
    html = response.content.decode()
    assert response.status_code == 200
    assert "not part of this questionnaire any more" in html
    assert "What kind of organisation are you" in html
    response = client.get("/find-support/?stage=exploring&q=gone-now&answer=1")
    assert params(response["Location"])["notice"] == ["changed"]


def test_a_published_rewording_shows_at_once(client, questionnaire, home):
    import copy

    first = client.get("/find-support/?step=stage").content.decode()
    assert QUESTIONS[0]["value"]["text"] in first
    reworded = copy.deepcopy(QUESTIONS)
    reworded[0]["value"]["text"] = "Which kinds of help would make the biggest difference?"
    questionnaire_page(home, questions=reworded)
    html = client.get("/find-support/?step=stage").content.decode()
    assert "Which kinds of help would make the biggest difference?" in html
    assert QUESTIONS[0]["value"]["text"] not in html


def test_skipping_ahead_by_hand_asks_the_earlier_question_first(client, questionnaire):
    html = client.get("/find-support/?step=area").content.decode()
    assert "Please answer this question first." in html
    assert "Where are you with your idea or business?" in html


def test_plan_json_has_answers_items_and_directory_url(client, questionnaire, home):
    sample_content(home)
    response = client.get(
        "/find-support/results/?stage=starting&need=funding&area=wigan&skip=type&format=json"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["answers"] == {"need": ["funding"], "stage": ["starting"], "area": ["wigan"]}
    assert data["directory_url"] == (
        "http://testserver/directory/?need=funding&stage=starting&area=wigan"
    )
    kinds = {item["kind"] for item in data["items"]}
    assert {"guide", "module", "session", "case-study", "provider"} <= kinds
    for item in data["items"]:
        assert item["url"].startswith("http://testserver/")
        assert item["reasons"]
        assert set(item) >= {"kind", "title", "url", "reasons"}


BAD_URLS = [
    "/find-support/?need=nonsense&step=stage",
    "/find-support/?step=%3Cscript%3E",
    "/find-support/?step=" + "a" * 500,
    "/find-support/?stage=exploring&stage=growing",
    "/find-support/?stage=exploring&stage=exploring&stage=exploring&step=type",
    "/find-support/?q=stage&answer=abc",
    "/find-support/?q=stage&answer=999",
    "/find-support/?q=stage&answer=1&answer=2",
    "/find-support/?q=" + "x" * 300 + "&answer=1",
    "/find-support/?skip=stage&skip=nope",
    "/find-support/?notice=bogus",
    "/find-support/?need=" + "z" * 5000,
    "/find-support/results/",
    "/find-support/results/?need=nonsense",
    "/find-support/results/?need=governance",
    "/find-support/results/?area=wigan&need=funding&need=funding&stage=growing&stage=exploring",
    "/find-support/results/?format=xml&need=funding",
    "/find-support/results/?" + "&".join(f"need=n{i}" for i in range(300)),
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_input_gets_the_nearest_sensible_step_never_a_500(client, questionnaire, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Traceback" not in html


def test_contradictory_answers_are_explained(client, questionnaire):
    html = client.get("/find-support/?stage=exploring&stage=growing").content.decode()
    assert "Your link gives more than one answer to" in html


def test_values_from_another_questionnaire_are_left_out_with_a_message(client, questionnaire):
    html = client.get(
        "/find-support/results/?stage=growing&need=funding&area=wigan&sector=public"
    ).content.decode()
    assert "Some answers in the link are not asked for on this path" in html
    assert "Your plan" in html


def test_results_with_no_answers_go_to_the_first_question_with_a_message(client, questionnaire):
    response = client.get("/find-support/results/?need=nonsense", follow=True)
    html = response.content.decode()
    assert "We need at least one answer to make your plan" in html
    assert "Where are you with your idea or business?" in html
    response = client.get("/find-support/results/?format=json")
    assert response.status_code == 400
    assert response.json()["items"] == []


def test_results_with_a_missing_step_still_make_a_plan_and_say_what_is_missing(
    client, questionnaire
):
    html = client.get("/find-support/results/?need=funding&area=wigan").content.decode()
    assert "You have not answered “Where are you with your idea or business?”" in html


def test_email_myself_sends_the_link_and_stores_nothing(client, questionnaire):
    from triage.models import DemandCount

    answers = "stage=starting&need=funding&area=wigan&skip=type"
    response = client.post(
        "/plan-email/",
        {"email": "visitor@example.org", "page": questionnaire.pk, "answers": answers},
    )
    assert response.status_code == 302
    assert "notice=emailed" in response["Location"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["visitor@example.org"]
    assert (
        "http://testserver/find-support/results/?need=funding&stage=starting" in mail.outbox[0].body
    )
    assert not DemandCount.objects.exists()
    html = client.get(response["Location"]).content.decode()
    assert "We have sent the link to this plan" in html


def test_email_myself_refuses_a_bad_address_and_is_rate_limited(client, questionnaire):
    data = {"email": "not-an-address", "page": questionnaire.pk, "answers": "need=funding"}
    response = client.post("/plan-email/", data)
    assert "notice=email-invalid" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert 'id="email-error"' in html
    for n in range(6):
        data = {"email": f"person{n}@example.org", "page": questionnaire.pk, "answers": ""}
        response = client.post("/plan-email/", data)
    assert "notice=email-limit" in response["Location"]
    assert len(mail.outbox) == 5
    assert client.get("/plan-email/").status_code == 405


def test_each_step_uses_the_same_few_queries(
    client, questionnaire, home, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/find-support/?stage=exploring&skip=type&step=need"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    sample_content(home)
    client.get(url)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(few) == len(more)
    assert len(few) <= 10, [q["sql"][:120] for q in few.captured_queries]
