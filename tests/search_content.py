"""Pages of the real types for the search tests, built in the test itself (no demo content)."""

from __future__ import annotations

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from directory.models import DirectoryIndexPage, ProviderPage
from guides.models import GuideIndexPage, GuidePage, TrainingIndexPage, TrainingModulePage
from portal.models import Area, OrganisationType, Stage, SupportNeed

FACET_MODELS = {
    "needs": SupportNeed,
    "stages": Stage,
    "organisation_types": OrganisationType,
    "areas": Area,
}

#: Fields a page type needs that the search tests do not care about.
REQUIRED = {
    TrainingModulePage: {"duration_minutes": 180},
    CaseStudyPage: {"challenge": "<p>Where to start.</p>", "results": "<p>It worked.</p>"},
}


def terms(model, slugs, *, locale_id=None):
    query = model.objects.filter(slug__in=slugs)
    if locale_id is not None:
        query = query.filter(locale_id=locale_id)
    return list(query)


def add(parent, model, *, title, summary="", body="", publish=False, **kwargs):
    """A live child of ``parent`` with the given text and facet slugs (needs=["funding"] ...)."""
    facets = {k: v for k, v in kwargs.items() if k in FACET_MODELS}
    summary = summary or f"A short summary of {title}."
    fields = {"title": title, "summary": summary, "locale_id": parent.locale_id}
    fields.update(REQUIRED.get(model, {}))
    fields.update({k: v for k, v in kwargs.items() if k not in FACET_MODELS})
    if body and model in (GuidePage, CaseStudyPage):
        fields["body" if model is GuidePage else "approach"] = [("paragraph", f"<p>{body}</p>")]
    elif body and model is ProviderPage:
        fields["description"] = f"<p>{body}</p>"
    page = model(**fields)
    for name, slugs in facets.items():
        if model is CaseStudyPage and name in ("areas", "organisation_types", "stages"):
            # A case study has one borough, one organisation type and one stage.
            field = {"areas": "borough", "organisation_types": "organisation_type"}.get(
                name, "stage"
            )
            setattr(page, field, terms(FACET_MODELS[name], slugs, locale_id=parent.locale_id)[0])
        else:
            getattr(page, name).set(terms(FACET_MODELS[name], slugs, locale_id=parent.locale_id))
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def sections(home):
    def child(model):
        return model.objects.child_of(home).get()

    return {
        "guides": child(GuideIndexPage),
        "training": child(TrainingIndexPage),
        "casestudies": child(CaseStudyIndexPage),
        "directory": child(DirectoryIndexPage),
    }


def build_relevance_site(home) -> dict[str, object]:
    """A handful of pages whose best answers to common questions are known."""
    s = sections(home)
    pages = {}
    pages["coop_guide"] = add(
        s["guides"],
        GuidePage,
        title="Setting up a co-operative",
        summary="How members own and run a business together, and the first steps to register.",
        body="Members agree rules, elect a board and share the surplus fairly.",
        needs=["legal-structure", "starting-up"],
        organisation_types=["co-operative"],
        stages=["starting"],
    )
    pages["procurement_guide"] = add(
        s["guides"],
        GuidePage,
        title="Selling to public bodies: procurement and tendering",
        summary="Find contract opportunities and write a strong bid to a council or the NHS.",
        body="Councils publish opportunities and weigh social value when they award a contract.",
        needs=["tendering"],
        stages=["growing"],
    )
    pages["funding_guide"] = add(
        s["guides"],
        GuidePage,
        title="Funding and social investment explained",
        summary="Grants, loans and community shares: which suits your social business.",
        body="Some lenders only back co-ops and community benefit societies with a track record.",
        needs=["funding"],
        stages=["growing", "established"],
    )
    pages["governance_guide"] = add(
        s["guides"],
        GuidePage,
        title="Good governance for community businesses",
        summary="What a board does and how to keep it healthy.",
        body="A co-operative, a charity or a CIC each need a board that meets and keeps minutes.",
        needs=["governance"],
    )
    pages["bid_module"] = add(
        s["training"],
        TrainingModulePage,
        title="Bid writing for social enterprises",
        summary="A half-day course on answering tender questions well.",
        needs=["tendering", "skills-training"],
    )
    pages["case_study"] = add(
        s["casestudies"],
        CaseStudyPage,
        title="How a bakery became employee-owned",
        organisation_name="Hillside Bakery (demo)",
        summary="The founders sold the business to its staff through a trust.",
        needs=["employee-ownership"],
        areas=["stockport"],
        organisation_types=["employee-owned"],
        stages=["changing-ownership"],
    )
    pages["wigan_provider"] = add(
        s["directory"],
        ProviderPage,
        title="Northside Business Advice (demo)",
        summary="Free one-to-one advice for new social businesses.",
        needs=["starting-up", "funding"],
        areas=["wigan"],
    )
    pages["bury_provider"] = add(
        s["directory"],
        ProviderPage,
        title="Irwell Enterprise Network (demo)",
        summary="Peer support and workshops for community businesses.",
        needs=["peer-networks"],
        areas=["bury"],
    )
    pages["coop_provider"] = add(
        s["directory"],
        ProviderPage,
        title="Moss Side Co-operative Development (demo)",
        summary="Helps groups form co-ops and community benefit societies.",
        needs=["legal-structure"],
        areas=["manchester"],
        organisation_types=["co-operative"],
    )
    return pages
