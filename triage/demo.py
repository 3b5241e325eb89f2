"""Demo content: the default questionnaire at /find-support/, with pins and test cases."""

from __future__ import annotations

from home.models import HomePage
from portal.pages import ensure_child
from triage.models import FindSupportPage

BOROUGHS = [
    ("bolton", "Bolton"),
    ("bury", "Bury"),
    ("manchester", "Manchester"),
    ("oldham", "Oldham"),
    ("rochdale", "Rochdale"),
    ("salford", "Salford"),
    ("stockport", "Stockport"),
    ("tameside", "Tameside"),
    ("trafford", "Trafford"),
    ("wigan", "Wigan"),
]


def _answer(label, help_text="", next="", **values):
    return {"label": label, "help_text": help_text, "next": next, **values}


def _question(key, text, answers, help_text="", multiple=False, allow_skip=False, next=""):
    return {
        "type": "question",
        "value": {
            "key": key,
            "text": text,
            "help_text": help_text,
            "multiple": multiple,
            "allow_skip": allow_skip,
            "next": next,
            "answers": answers,
        },
    }


QUESTIONS = [
    _question(
        "stage",
        "Where are you with your idea or business?",
        help_text="Pick the one closest to where you are today. You can change it later.",
        answers=[
            _answer("I have an idea and want to see if it could work", stage=["exploring"]),
            _answer("We are getting ready to start trading", stage=["starting"]),
            _answer("We are trading and want to grow", stage=["growing"]),
            _answer("We have been running for some years", stage=["established"]),
            _answer(
                "We are thinking about who should own the business next",
                help_text="For example handing it to the staff, or to the community it serves.",
                next="ownership",
                stage=["changing-ownership"],
            ),
        ],
    ),
    _question(
        "type",
        "What kind of organisation are you, or want to be?",
        help_text="If you have not decided yet, that is fine: choose “Not sure yet”.",
        allow_skip=True,
        answers=[
            _answer("A co-operative owned by its members", type=["co-operative"]),
            _answer("A community interest company (CIC)", type=["cic"]),
            _answer("A community benefit society", type=["community-benefit-society"]),
            _answer("A charity that trades", type=["charity"]),
            _answer("A community business run by local people", type=["community-business"]),
            _answer(
                "Not sure yet",
                help_text="Your plan will start with how to choose a legal form.",
                type=["not-sure"],
                need=["legal-structure"],
            ),
            _answer(
                "A private business or public body that wants to work with social businesses",
                type=["private-business"],
                need=["tendering"],
            ),
        ],
    ),
    _question(
        "need",
        "What would help you most right now?",
        help_text="Choose up to three things. Your plan puts them first.",
        multiple=True,
        next="area",
        answers=[
            _answer("Working out how to get started", need=["starting-up"]),
            _answer("Choosing the right legal form", need=["legal-structure"]),
            _answer("Money: grants, loans or community shares", need=["funding"]),
            _answer("Winning contracts from councils, the NHS and others", need=["tendering"]),
            _answer("Running a good board and making decisions together", need=["governance"]),
            _answer("Showing the difference we make", need=["impact-measurement"]),
            _answer("Finding a building or taking over a community space", need=["premises"]),
            _answer("Learning new skills, for us or our team", need=["skills-training"]),
            _answer("Meeting others who are doing the same", need=["peer-networks"]),
            _answer("Finding customers and telling our story", need=["marketing"]),
            _answer("Being a good employer as we take people on", need=["good-employment"]),
        ],
    ),
    _question(
        "ownership",
        "Who would own the business after the change?",
        help_text="Many owners sell to their staff or to a co-operative of customers.",
        next="area",
        answers=[
            _answer(
                "The people who work in it",
                need=["employee-ownership"],
                type=["employee-owned"],
            ),
            _answer(
                "Its customers, members or the local community",
                need=["employee-ownership"],
                type=["co-operative"],
            ),
            _answer(
                "We have not decided yet",
                need=["employee-ownership", "legal-advice"],
            ),
        ],
    ),
    _question(
        "area",
        "Where is your business or idea based?",
        help_text="We use this to find support near you. Help that covers all of Greater "
        "Manchester is included wherever you are.",
        answers=[_answer(label, area=[slug]) for slug, label in BOROUGHS]
        + [_answer("Outside Greater Manchester, or online only", area=["national"])],
    ),
]

PINS = [
    # Someone exploring which legal form to use should read the plain comparison first.
    ("choosing-a-legal-structure", {"need": ["legal-structure"], "stage": ["exploring"]}),
    (
        "converting-to-a-worker-co-operative",
        {"stage": ["changing-ownership"], "type": ["co-operative"]},
    ),
]
TEST_CASES = [
    ("need=legal-structure&stage=exploring&area=wigan", "choosing-a-legal-structure"),
    (
        "stage=changing-ownership&need=employee-ownership&type=employee-owned&area=bury",
        "selling-to-your-staff-employee-ownership",
    ),
]


def _guide(home: HomePage, slug: str):
    from wagtail.models import Page

    return (
        Page.objects.live()
        .filter(locale=home.locale, slug=slug, depth=home.depth + 2)
        .filter(path__startswith=home.path)
        .first()
    )


def load(*, stdout, skeleton=False):
    for home in HomePage.objects.filter(locale__language_code="en"):
        page = ensure_child(
            home,
            FindSupportPage,
            show_in_menus=True,
            slug="find-support",
            title="Find the right support",
            intro="Answer a few short questions and get a plan: what to read, who can help "
            "near you, and stories of businesses like yours.",
        )
        if home.start_page_id is None:
            home.start_page = page
            home.save_revision().publish()
        if skeleton or len(page.questions):
            continue
        page.questions = QUESTIONS
        page.plan_intro = (
            "Start with the first few items, then get in touch with a provider near you. "
            "Everything here is free to read; providers say what they charge."
        )
        page.pins = [
            {"type": "pin", "value": {"page": guide.pk, **conditions}}
            for slug, conditions in PINS
            if (guide := _guide(home, slug)) is not None
        ]
        page.test_cases = [
            {"type": "test_case", "value": {"answers": answers, "page": guide.pk}}
            for answers, slug in TEST_CASES
            if (guide := _guide(home, slug)) is not None
        ]
        page.save_revision().publish()
        stdout.write("Created the demo questionnaire.")
        _invent_demand(page)


def _invent_demand(page: FindSupportPage) -> None:
    """Four weeks of made-up completed journeys, so the demand and gap reports have data."""
    import datetime
    import random

    from django.utils import timezone

    from triage.counting import record_journey
    from triage.journey import walk
    from triage.models import DemandCount

    if DemandCount.objects.filter(questionnaire=page).exists():
        return
    questionnaire = page.questionnaire
    chance = random.Random(2026)  # noqa: S311 - demo numbers, not security
    today = timezone.localdate()
    for days_ago in range(28):
        for _journey in range(chance.randint(1, 6)):
            answers: dict[str, list[str]] = {}
            skipped: list[str] = []
            result = walk(questionnaire, answers)
            for _step in range(len(questionnaire.questions)):
                if result.frontier is None:
                    break
                question = result.frontier.question
                picks = chance.sample(question.answers, 2 if question.multiple else 1)
                for answer in picks:
                    for param, values in answer.values.items():
                        kept = answers.setdefault(param, [])
                        kept.extend(v for v in values if v not in kept)
                result = walk(questionnaire, answers, skipped=skipped)
            record_journey(
                questionnaire_id=page.pk,
                answers=result.kept,
                day=today - datetime.timedelta(days=days_ago),
            )
