"""The starting vocabulary and demo partner organisations (slugs are stable: links rely on them)."""

from wagtail.models import Locale

from portal.models import (
    Area,
    AudienceSector,
    FooterText,
    OrganisationType,
    PartnerOrganisation,
    Stage,
    SupportNeed,
)

NEEDS = [
    ("starting-up", "Starting a social business"),
    ("legal-structure", "Choosing a legal structure"),
    ("funding", "Funding and social investment"),
    ("tendering", "Tendering and selling to public bodies"),
    ("governance", "Governance and boards"),
    ("impact-measurement", "Measuring impact and social value"),
    ("skills-training", "Skills and training"),
    ("legal-advice", "Legal advice"),
    ("premises", "Premises and community assets"),
    ("peer-networks", "Peer support and networks"),
    ("marketing", "Marketing and trading"),
    ("employee-ownership", "Converting to co-operative or employee ownership"),
    ("good-employment", "Good employment practice"),
]
STAGES = [
    ("exploring", "Exploring an idea"),
    ("starting", "Starting up"),
    ("growing", "Growing"),
    ("established", "Established"),
    ("changing-ownership", "Changing ownership"),
]
ORGANISATION_TYPES = [
    ("co-operative", "Co-operative"),
    ("community-benefit-society", "Community benefit society"),
    ("cic", "Community interest company"),
    ("charity", "Charity or trading charity"),
    ("social-enterprise", "Social enterprise (other forms)"),
    ("community-business", "Community business"),
    ("employee-owned", "Employee-owned business"),
    ("mutual", "Mutual"),
    ("not-sure", "Not sure yet"),
    ("private-business", "Private business"),
    ("public-body", "Public sector body"),
]
BOROUGHS = [
    "Bolton",
    "Bury",
    "Manchester",
    "Oldham",
    "Rochdale",
    "Salford",
    "Stockport",
    "Tameside",
    "Trafford",
    "Wigan",
]
AREAS = [(name.lower(), name, Area.Coverage.BOROUGH) for name in BOROUGHS] + [
    ("gm-wide", "All of Greater Manchester", Area.Coverage.REGION),
    ("national", "National or online", Area.Coverage.NATIONAL),
]
SECTORS = [
    ("vcse", "Voluntary, community and social enterprise"),
    ("private", "Private sector"),
    ("public", "Public sector"),
]
PARTNERS = [
    ("Greater Manchester Co-operative Network (demo)", "gm-coop-network"),
    ("Northern Social Investment Partners (demo)", "northern-social-investment"),
    ("Community Business Support Trust (demo)", "community-business-trust"),
    ("Employee Ownership Advisers North (demo)", "eo-advisers-north"),
    ("Social Value Learning Partnership (demo)", "social-value-learning"),
    ("Community Wealth Hub team (demo)", "hub-team"),
]


FOOTER = (
    "The Community Wealth Hub helps co-operatives, social enterprises, community businesses and "
    "employee-owned firms in Greater Manchester start and grow."
)


def load_vocabulary(*, stdout) -> None:
    english = Locale.objects.get(language_code="en")
    created = 0
    FooterText.objects.get_or_create(locale=english, defaults={"text": FOOTER})
    for model, rows in (
        (SupportNeed, NEEDS),
        (Stage, STAGES),
        (OrganisationType, ORGANISATION_TYPES),
        (AudienceSector, SECTORS),
    ):
        for order, (slug, label) in enumerate(rows):
            _term, made = model.objects.get_or_create(
                slug=slug, locale=english, defaults={"label": label, "sort_order": order}
            )
            created += made
    for order, (slug, label, coverage) in enumerate(AREAS):
        _term, made = Area.objects.get_or_create(
            slug=slug,
            locale=english,
            defaults={"label": label, "sort_order": order, "coverage": coverage},
        )
        created += made
    for name, slug in PARTNERS:
        _org, made = PartnerOrganisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "contact_email": f"{slug}@example.org"}
        )
        created += made
    if created:
        stdout.write(f"Created {created} vocabulary terms and partner organisations.")
