"""Content for the questionnaire's tests: the demo questionnaire, providers, and bulk content."""

from __future__ import annotations

from portal.models import Area, Stage, SupportNeed
from tests.content_factories import make_case_study, make_guide, make_module, terms


def questionnaire_page(home, *, questions=None, pins=(), test_cases=()):
    """The skeleton's /find-support/ page with the demo questions, published."""
    from triage.demo import QUESTIONS
    from triage.models import FindSupportPage

    page = FindSupportPage.objects.child_of(home).get()
    page.questions = questions if questions is not None else QUESTIONS
    page.pins = [{"type": "pin", "value": value} for value in pins]
    page.test_cases = [{"type": "test_case", "value": value} for value in test_cases]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def index_of(home, app_model: str):
    from django.apps import apps

    return apps.get_model(app_model).objects.child_of(home).get()


def make_provider(home, title, *, need=(), area=(), stage=(), type=()):
    from directory.models import ProviderPage

    page = ProviderPage(
        title=title, slug=title.lower().replace(" ", "-"), summary=f"{title} helps in tests."
    )
    page.needs.set(terms(SupportNeed, need))
    page.areas.set(terms(Area, area))
    page.stages.set(terms(Stage, stage))
    index_of(home, "directory.DirectoryIndexPage").add_child(instance=page)
    page.save_revision().publish()
    return page


def sample_content(home):
    """A little of everything, for plans that mean something."""
    guides = index_of(home, "guides.GuideIndexPage")
    training = index_of(home, "guides.TrainingIndexPage")
    stories = index_of(home, "casestudies.CaseStudyIndexPage")
    return {
        "legal_guide": make_guide(
            guides, title="Which legal form fits", need=["legal-structure"], stage=["exploring"]
        ),
        "money_guide": make_guide(
            guides, title="Raising your first money", need=["funding"], stage=["starting"]
        ),
        "board_guide": make_guide(
            guides, title="A good board", need=["governance"], stage=["growing"]
        ),
        "module": make_module(
            training,
            title="Funding bootcamp",
            need=["funding"],
            stage=["starting"],
            sessions=[(5, True), (30, False), (-3, True)],
        ),
        "story": make_case_study(
            stories,
            title="A bakery that sold shares",
            need=["funding"],
            stage="starting",
            type="co-operative",
            area="wigan",
        ),
        "wigan_provider": make_provider(
            home, "Wigan Money Advice", need=["funding"], area=["wigan"]
        ),
        "gm_provider": make_provider(
            home, "GM Legal Help", need=["legal-structure", "funding"], area=["gm-wide"]
        ),
        "bolton_provider": make_provider(
            home, "Bolton Boards", need=["governance"], area=["bolton"]
        ),
    }
