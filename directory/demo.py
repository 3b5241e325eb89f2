"""Demo content for the directory: the index page and over sixty invented support providers.

Every organisation, address, phone number and e-mail address here is invented. Names end in
"(demo)", e-mail addresses use example.org and phone numbers use the 0161 496 0xxx range that
is reserved for drama, so nobody can mistake them for real services.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.text import slugify

from directory.models import DirectoryIndexPage, ProviderLocation, ProviderNeedNote, ProviderPage
from home.models import HomePage
from portal.models import Area, OrganisationType, PartnerOrganisation, Stage, SupportNeed
from portal.pages import ensure_child

#: (town, street, postcode) for each borough; the streets are invented.
PLACES = {
    "bolton": ("Bolton", "Deansgate Yard", "BL1 1HL"),
    "bury": ("Bury", "Millgate Court", "BL9 0AA"),
    "manchester": ("Manchester", "Ancoats Works", "M4 6DE"),
    "oldham": ("Oldham", "Union Street West", "OL1 1DN"),
    "rochdale": ("Rochdale", "Toad Lane Mews", "OL12 0NU"),
    "salford": ("Salford", "Chapel Wharf", "M3 5DR"),
    "stockport": ("Stockport", "Underbanks Row", "SK1 1JT"),
    "tameside": ("Ashton-under-Lyne", "Old Square Arcade", "OL6 6BH"),
    "trafford": ("Stretford", "Kings Road Exchange", "M32 8AR"),
    "wigan": ("Wigan", "Pier Approach", "WN3 4EU"),
}
BOROUGH_ORDER = list(PLACES)

#: Kinds of service: a name, what it does, needs (with a note on the first), stages, types,
#: delivery (in person, online, phone), cost and a cost note.
SERVICES = [
    (
        "Co-operative Start-up Clinic",
        "One-to-one sessions for groups who want to start a co-operative together.",
        "Advisers help a founding group agree a purpose, draft a simple business plan and "
        "decide who does what. Sessions run in the evening so working members can come.",
        ["starting-up", "legal-structure"],
        "Three free sessions for new groups",
        ["exploring", "starting"],
        ["co-operative", "not-sure"],
        (True, True, False),
        "free",
        "",
    ),
    (
        "Social Investment Readiness Programme",
        "Help to get ready for loans, community shares and blended finance.",
        "A twelve-week programme covering cash-flow forecasts, what investors look for and "
        "how to compare a grant, a loan and a share offer.",
        ["funding", "governance"],
        "Mentoring from people who have raised social investment",
        ["growing", "established"],
        ["cic", "charity", "community-benefit-society"],
        (True, True, False),
        "subsidised",
        "Fees are covered for organisations with a turnover under £250,000.",
    ),
    (
        "Public Contracts Helpdesk",
        "Practical help to find, bid for and win contracts with councils and the NHS.",
        "The helpdesk explains procurement rules in plain words, reviews draft bids and helps "
        "small providers form consortia so they can bid for larger contracts together.",
        ["tendering", "impact-measurement"],
        "Bid reviews within five working days",
        ["growing", "established"],
        ["social-enterprise", "cic", "charity", "private-business"],
        (False, True, True),
        "free",
        "",
    ),
    (
        "Board Skills Circle",
        "Workshops and peer learning for trustees, directors and committee members.",
        "Short sessions on roles, conflicts of interest, risk and running good meetings, with "
        "a circle of board members from other social businesses to learn alongside.",
        ["governance", "peer-networks"],
        "A free health check of your board",
        ["starting", "growing", "established"],
        ["charity", "community-benefit-society", "co-operative", "mutual"],
        (True, False, False),
        "membership",
        "Members attend free; others pay £15 a session.",
    ),
    (
        "Social Value Measurement Service",
        "Help to show the difference your work makes, in a way buyers and funders accept.",
        "The team helps you pick a few honest measures, collect evidence without heavy "
        "paperwork and report social value for tenders and annual reports.",
        ["impact-measurement", "tendering"],
        "Templates for social value statements in tenders",
        ["growing", "established"],
        ["social-enterprise", "charity", "public-body", "private-business"],
        (True, True, False),
        "paid",
        "From £300 for a short review; quotes for larger pieces of work.",
    ),
    (
        "Community Enterprise Skills Academy",
        "Courses in bookkeeping, marketing and managing volunteers for community businesses.",
        "Evening and weekend courses taught by people who run community businesses, with "
        "childcare vouchers and travel costs available for those who need them.",
        ["skills-training", "marketing"],
        "Courses accredited at entry level",
        ["exploring", "starting", "growing"],
        ["community-business", "social-enterprise", "charity"],
        (True, True, False),
        "free",
        "",
    ),
    (
        "Social Business Law Surgery",
        "Free legal advice sessions with volunteer solicitors.",
        "Bring a question about contracts, leases, employment or your rules. Volunteer "
        "solicitors give initial advice and point you to further help if you need it.",
        ["legal-advice", "legal-structure"],
        "Thirty-minute appointments",
        ["starting", "growing", "established", "changing-ownership"],
        ["co-operative", "cic", "charity", "mutual", "community-benefit-society"],
        (True, False, True),
        "free",
        "",
    ),
    (
        "Community Assets Partnership",
        "Support to take on a building or piece of land for your community.",
        "Advice on asset transfer from councils, surveys, business plans for buildings and "
        "raising money to buy or refurbish premises.",
        ["premises", "funding"],
        "Guidance through community asset transfer",
        ["starting", "growing"],
        ["community-business", "community-benefit-society", "charity"],
        (True, False, True),
        "subsidised",
        "A small fee for surveys, waived for groups without paid staff.",
    ),
    (
        "Social Entrepreneurs Network",
        "Monthly meet-ups where people running social businesses share what works.",
        "An informal network with themed breakfasts, a message board and a buddy scheme that "
        "pairs new founders with people who have been trading for years.",
        ["peer-networks", "starting-up"],
        "A buddy for your first year",
        ["exploring", "starting", "growing"],
        ["social-enterprise", "cic", "co-operative", "not-sure"],
        (True, True, False),
        "membership",
        "Free for the first year, then £5 a month.",
    ),
    (
        "Trading and Marketing Studio",
        "Help to sell more: pricing, branding, online shops and local markets.",
        "Designers and retailers work with you on your offer, prices and online presence, "
        "and run pop-up market stalls for new trading ventures.",
        ["marketing", "skills-training"],
        "Pop-up stalls for first-time traders",
        ["starting", "growing"],
        ["community-business", "social-enterprise", "private-business"],
        (True, True, False),
        "paid",
        "Day rate of £250, with a free first meeting.",
    ),
    (
        "Employee Ownership Transition Service",
        "Guidance for owners who want to sell their business to its employees.",
        "Advisers explain employee ownership trusts and worker co-operatives, help value the "
        "business and support staff to take on ownership and governance.",
        ["employee-ownership", "legal-advice"],
        "Feasibility studies for succession planning",
        ["established", "changing-ownership"],
        ["private-business", "employee-owned", "co-operative"],
        (True, True, True),
        "subsidised",
        "The first feasibility study is part-funded.",
    ),
    (
        "Good Employment Charter Support",
        "Help to become a better employer: fair pay, flexible work and staff voice.",
        "Practical support to meet a good employment standard, from paying the real Living "
        "Wage to involving staff in decisions.",
        ["good-employment", "governance"],
        "Help preparing for good employment charter membership",
        ["growing", "established"],
        ["private-business", "social-enterprise", "public-body", "employee-owned"],
        (False, True, True),
        "free",
        "",
    ),
    (
        "Mutuals Development Agency",
        "Support for public services and staff groups spinning out as mutuals.",
        "Guidance on forming a mutual to run a public service, including staff engagement, "
        "pensions and negotiating contracts with the commissioning body.",
        ["legal-structure", "tendering", "governance"],
        "Workshops for staff thinking about a spin-out",
        ["exploring", "changing-ownership"],
        ["mutual", "public-body", "employee-owned"],
        (True, True, False),
        "paid",
        "Priced by project.",
    ),
]

LANGUAGE_SETS = ["en", "en", "en, ur, pa", "en, pl", "en, ar", "en, bn", "en, zh", "en, so, ar"]
PHONE_BASE = 496_0000


def _provider_rows() -> list[dict]:
    """Sixty-five providers: every kind of service in several boroughs, some GM-wide or national."""
    rows = []
    for number in range(65):
        kind = SERVICES[number % len(SERVICES)]
        name, summary, description, needs, note, stages, types, modes, cost, cost_note = kind
        borough = BOROUGH_ORDER[number % len(BOROUGH_ORDER)]
        town, street, postcode = PLACES[borough]
        if number % 9 == 4:
            areas, place_name = ["gm-wide"], "Greater Manchester"
        elif number % 11 == 7:
            areas, place_name = ["national"], "National"
        else:
            neighbour = BOROUGH_ORDER[(number + 3) % len(BOROUGH_ORDER)]
            areas = [borough] if number % 2 else [borough, neighbour]
            place_name = town
        title = f"{place_name} {name} (demo)"
        rows.append(
            {
                "number": number,
                "title": title,
                "summary": summary,
                "description": f"<p>{description}</p><p>This is an invented organisation, "
                "listed to show how the directory works.</p>",
                "needs": needs,
                "note": note,
                "stages": stages,
                "types": types,
                "areas": areas,
                "modes": modes,
                "cost": cost,
                "cost_note": cost_note,
                "languages": LANGUAGE_SETS[number % len(LANGUAGE_SETS)],
                "town": town,
                "street": f"{10 + number} {street}",
                "postcode": postcode,
            }
        )
    return rows


def _create_provider(index: DirectoryIndexPage, row: dict, partners: list, terms: dict) -> bool:
    slug = slugify(row["title"])[:80]
    if index.get_children().filter(slug=slug).exists():
        return False
    number = row["number"]
    in_person, online, phone_support = row["modes"]
    today = timezone.localdate()
    # Every sixth entry was last checked long ago, so the "may be out of date" warning shows.
    reviewed = today - datetime.timedelta(days=600 + number) if number % 6 == 5 else today
    page = ProviderPage(
        title=row["title"],
        slug=slug,
        locale=index.locale,
        external_id=f"demo-{number:03d}",
        summary=row["summary"],
        search_description=row["summary"],
        description=row["description"],
        in_person=in_person,
        online=online,
        phone_support=phone_support,
        cost=row["cost"],
        cost_note=row["cost_note"],
        languages=row["languages"],
        accessibility="Step-free entrance and an accessible toilet. Hearing loop at reception."
        if in_person
        else "All sessions are online or by phone; captions available on request.",
        eligibility="Social businesses based in or serving Greater Manchester.",
        website=f"https://{slug[:40].strip('-')}.example.org",
        email=f"hello@{slug[:40].strip('-')}.example.org",
        phone=f"0161 {str(PHONE_BASE + number)[:3]} {str(PHONE_BASE + number)[3:]}",
        opening_hours="Monday to Friday, 9.30am to 5pm\nFirst Thursday of the month until 8pm",
        last_reviewed=reviewed,
        owner_organisation=partners[number % len(partners)] if partners else None,
    )
    page.needs.set([terms["need"][s] for s in row["needs"]])
    page.stages.set([terms["stage"][s] for s in row["stages"]])
    page.organisation_types.set([terms["type"][s] for s in row["types"]])
    page.areas.set([terms["area"][s] for s in row["areas"]])
    page.need_notes = [ProviderNeedNote(need=terms["need"][row["needs"][0]], note=row["note"])]
    if in_person:
        page.locations = [
            ProviderLocation(
                name=f"{row['town']} office",
                address_1=row["street"],
                town=row["town"],
                postcode=row["postcode"],
            )
        ]
    page.tags.add(*(["demo", "co-operatives"] if "co-operative" in row["types"] else ["demo"]))
    index.add_child(instance=page)
    page.save_revision().publish()
    return True


def load(*, stdout, skeleton=False):
    for home in HomePage.objects.filter(locale__language_code="en"):
        index = ensure_child(
            home,
            DirectoryIndexPage,
            show_in_menus=True,
            slug="directory",
            title="Find a support provider",
            intro="Organisations that help social businesses in Greater Manchester.",
        )
        if skeleton:
            continue
        terms = {
            "need": {t.slug: t for t in SupportNeed.objects.filter(locale=index.locale)},
            "stage": {t.slug: t for t in Stage.objects.filter(locale=index.locale)},
            "type": {t.slug: t for t in OrganisationType.objects.filter(locale=index.locale)},
            "area": {t.slug: t for t in Area.objects.filter(locale=index.locale)},
        }
        partners = list(PartnerOrganisation.objects.exclude(slug="hub-team").order_by("slug"))
        created = sum(_create_provider(index, row, partners, terms) for row in _provider_rows())
        if created:
            stdout.write(f"Created {created} demo support providers.")
