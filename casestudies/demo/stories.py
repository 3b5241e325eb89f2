"""The demo case studies: invented social businesses, one in each borough of Greater Manchester."""


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def body(*paragraphs: str, steps: tuple = (), quote: tuple = ()) -> list:
    blocks = [("paragraph", p(*paragraphs))]
    if steps:
        blocks.append(
            (
                "steps",
                {
                    "heading": "What they did, step by step",
                    "steps": [{"title": t, "text": f"<p>{x}</p>"} for t, x in steps],
                },
            )
        )
    if quote:
        blocks.append(("quote", {"quote": quote[0], "attribution": quote[1], "role": quote[2]}))
    return blocks


STORIES = [
    {
        "slug": "moss-bank-community-pub",
        "title": "How neighbours bought their local pub with community shares",
        "organisation": "Moss Bank Community Pub (demo)",
        "summary": "When the last pub on the estate closed, 400 residents bought shares to "
        "reopen it as a community-owned pub, café and meeting place.",
        "type": "community-benefit-society",
        "borough": "bolton",
        "stage": "starting",
        "sector": "vcse",
        "needs": ["funding", "premises", "legal-structure"],
        "tags": ["community shares", "community assets"],
        "guides": ["raising-money-through-community-shares", "choosing-a-legal-structure"],
        "provider_needs": ["funding", "premises"],
        "challenge": p(
            "The Moss Bank Arms (demo) had been the only place for people on the estate to "
            "meet. When the brewery put it up for sale, a developer wanted to turn it into "
            "flats.",
            "A group of regulars had six months to raise the asking price and a plan to make "
            "the pub pay.",
        ),
        "approach": body(
            "The group registered a community benefit society so that anyone could become a "
            "member and the building would be protected by an asset lock. They listed the pub "
            "as an asset of community value, which gave them time to bid.",
            steps=(
                ("Registered a society", "Using model rules, in five weeks."),
                ("Wrote a business plan", "With free help from a local support provider."),
                ("Ran a share offer", "Minimum £100, with door-knocking on every street."),
                ("Secured match funding", "A social investor matched the shares raised."),
            ),
            quote=(
                "People who'd never been to a meeting in their lives stood up and pledged.",
                "Jo Whitfield (demo)",
                "Chair",
            ),
        ),
        "results": p(
            "The pub reopened within a year. It now hosts a daily café for older residents, "
            "a food bank collection point and a Saturday youth club, and it has traded at a "
            "small surplus since its second year."
        ),
        "impact": [
            ("Community shareholders", 412, "people", ""),
            ("Raised through community shares", 186000, "£", ""),
            ("Jobs created", 7, "", "in the first two years"),
            ("Volunteers", 35, "people", "each month"),
        ],
        "quote": "It's our pub now. Nobody can sell it out from under us again.",
        "quote_by": "Dev Patel (demo), member and volunteer",
        "colour": (107, 31, 92),
    },
    {
        "slug": "irwell-cleaning-co-operative",
        "title": "From agency work to a cleaners' co-operative",
        "organisation": "Irwell Cleaning Co-operative (demo)",
        "summary": "Eight cleaners tired of zero-hours agency contracts formed a worker "
        "co-operative and now win contracts on quality and fair pay.",
        "type": "co-operative",
        "borough": "bury",
        "stage": "growing",
        "sector": "private",
        "needs": ["good-employment", "tendering", "legal-structure"],
        "tags": ["worker co-operatives", "real living wage"],
        "guides": ["converting-to-a-worker-co-operative", "good-employment-practice"],
        "provider_needs": ["legal-structure", "tendering"],
        "challenge": p(
            "The founders worked for an agency that paid the minimum wage, changed their "
            "hours weekly and took a large cut from each contract. Clients liked them, but "
            "they had no say in how the work was done."
        ),
        "approach": body(
            "With help from a co-operative development body, they registered a worker "
            "co-operative, each putting in £50. They approached two clients directly and "
            "offered the same team at the same price, with staff paid the real living wage.",
            steps=(
                ("Registered the co-op", "One member, one vote; surplus shared on hours worked."),
                ("Won two anchor clients", "An office block and a primary school."),
                ("Joined a framework", "Getting onto a council framework opened small contracts."),
            ),
        ),
        "results": p(
            "The co-operative has grown to 23 member-workers. Staff turnover is low, which "
            "clients say is the main reason they stay."
        ),
        "impact": [
            ("Member-workers", 23, "people", ""),
            ("Pay above the minimum wage", 14, "%", ""),
            ("Annual turnover", 410000, "£", "in year three"),
        ],
        "quote": "For the first time, I know what hours I'm working next month.",
        "quote_by": "Marta Kowalska (demo), founding member",
        "colour": (26, 79, 139),
    },
    {
        "slug": "ancoats-design-studio-employee-ownership",
        "title": "A design studio passes to its staff through an employee ownership trust",
        "organisation": "Northbound Design (demo)",
        "summary": "The founders of a 30-person design studio sold a controlling stake to an "
        "employee ownership trust instead of to a London agency.",
        "type": "employee-owned",
        "borough": "manchester",
        "stage": "changing-ownership",
        "sector": "private",
        "needs": ["employee-ownership", "legal-advice"],
        "tags": ["employee ownership", "succession"],
        "guides": ["selling-to-your-staff-employee-ownership"],
        "provider_needs": ["employee-ownership", "legal-advice"],
        "challenge": p(
            "The two founders wanted to step back after twenty years. A larger agency offered "
            "to buy the studio, but its plan was to move the work to London."
        ),
        "approach": body(
            "They took advice on succession options and chose an employee ownership trust. "
            "The trust bought 75% of the shares, paid from profits over six years.",
            steps=(
                ("Valued the business", "An independent valuation agreed by both sides."),
                ("Set up the trust", "With an employee trustee elected by staff."),
                ("Created an employee council", "Meeting monthly with open financial reports."),
            ),
        ),
        "results": p(
            "Every job stayed in Manchester, and the studio has since taken on four "
            "apprentices. Staff receive an annual profit-share bonus."
        ),
        "impact": [
            ("Jobs kept in Greater Manchester", 31, "", ""),
            ("Apprentices taken on", 4, "", "since the sale"),
            ("Owned by employees", 75, "%", ""),
        ],
        "quote": "Selling to the team felt like the right ending and a new beginning.",
        "quote_by": "Ruth Adeyemi (demo), co-founder",
        "colour": (0, 112, 60),
    },
    {
        "slug": "oldham-community-kitchen",
        "title": "A community kitchen that trains cooks and feeds the neighbourhood",
        "organisation": "Werneth Community Kitchen CIC (demo)",
        "summary": "A CIC runs a café, a catering business and a training kitchen, giving "
        "local people their first job in food.",
        "type": "cic",
        "borough": "oldham",
        "stage": "established",
        "sector": "vcse",
        "needs": ["skills-training", "marketing", "impact-measurement"],
        "tags": ["food", "training", "impact"],
        "guides": ["measuring-your-impact", "telling-your-story-marketing"],
        "provider_needs": ["skills-training", "marketing"],
        "challenge": p(
            "Youth unemployment in the area was high, and local food businesses struggled to "
            "find trained kitchen staff. The kitchen's grants were ending, and it needed to "
            "earn more of its own income."
        ),
        "approach": body(
            "The CIC turned its café kitchen into a training kitchen and launched a catering "
            "service for offices and council events. Trainees cook for paying customers as "
            "part of a twelve-week course.",
            steps=(
                ("Priced catering properly", "Full cost recovery, including trainee time."),
                ("Told its story", "Each menu card names the trainee who cooked."),
                ("Measured outcomes", "Tracked trainees for six months after the course."),
            ),
        ),
        "results": p(
            "Trading now covers two thirds of the CIC's costs, up from a quarter. Most "
            "trainees are in work or further training six months after finishing."
        ),
        "impact": [
            ("Trainees each year", 48, "people", ""),
            ("In work or training six months later", 71, "%", ""),
            ("Income from trading", 66, "%", "of total income"),
        ],
        "quote": "Customers come back for the food. The training is what we're proud of.",
        "quote_by": "Hassan Ali (demo), head chef",
        "colour": (138, 75, 0),
    },
    {
        "slug": "rochdale-repair-cafe-network",
        "title": "Repair cafés that grew into a network",
        "organisation": "Rochdale Repair Network (demo)",
        "summary": "Volunteers who fixed toasters on Saturday mornings built a network of "
        "repair cafés across the borough, sharing tools, insurance and know-how.",
        "type": "community-business",
        "borough": "rochdale",
        "stage": "exploring",
        "sector": "vcse",
        "needs": ["peer-networks", "starting-up"],
        "tags": ["repair", "volunteering", "environment"],
        "guides": ["working-together-consortia-and-networks", "starting-a-social-business"],
        "provider_needs": ["peer-networks", "starting-up"],
        "challenge": p(
            "Several small repair groups were each paying for insurance and tools, and each "
            "struggled to find volunteers with electrical skills."
        ),
        "approach": body(
            "The groups met through a peer network and agreed to share one insurance policy, "
            "a tool library and a rota of skilled volunteers. They are now exploring whether "
            "to form a single community business that could sell refurbished goods.",
        ),
        "results": p(
            "Costs for each group fell by about half, and the number of sessions doubled."
        ),
        "impact": [
            ("Items repaired", 2300, "", "in a year"),
            ("Waste kept out of landfill", 4.5, "tonnes", "in a year"),
            ("Volunteers", 60, "people", ""),
        ],
        "quote": "Sharing a van and a tool library changed everything.",
        "quote_by": "Peter Nowak (demo), volunteer coordinator",
        "colour": (74, 21, 64),
    },
    {
        "slug": "salford-care-co-operative",
        "title": "A home care co-operative owned by carers and the people they support",
        "organisation": "Salford Care Co-operative (demo)",
        "summary": "A multi-stakeholder co-operative gives carers secure jobs and people who "
        "use care a vote in how it is run.",
        "type": "co-operative",
        "borough": "salford",
        "stage": "growing",
        "sector": "public",
        "needs": ["governance", "good-employment", "tendering"],
        "tags": ["care", "multi-stakeholder co-operatives"],
        "guides": ["running-an-effective-board", "social-value-for-public-buyers"],
        "provider_needs": ["governance", "tendering"],
        "challenge": p(
            "Home care in the area relied on short visits and high staff turnover. The "
            "council wanted a provider that kept carers for longer."
        ),
        "approach": body(
            "Carers and people who receive care formed a co-operative with two member "
            "classes, each electing half the board. The council's tender gave a high weight "
            "to social value and continuity of care.",
            quote=(
                "Having the people we support on the board keeps us honest.",
                "Grace Mensah (demo)",
                "Care worker and board member",
            ),
        ),
        "results": p(
            "The co-operative won a four-year contract. Carers are paid the real living wage "
            "and travel time, and staff turnover is well below the sector average."
        ),
        "impact": [
            ("Carers employed", 56, "people", ""),
            ("Staff turnover", 12, "%", "a year"),
            ("People supported", 210, "people", ""),
        ],
        "quote": "I see the same two carers every week. That matters more than anything.",
        "quote_by": "Albert Hughes (demo), member",
        "colour": (26, 79, 139),
    },
    {
        "slug": "stockport-engineering-succession",
        "title": "An engineering firm stays local by selling to its workforce",
        "organisation": "Ellis Precision Engineering (demo)",
        "summary": "A family engineering firm with no successor became employee-owned, "
        "keeping skilled jobs in Stockport.",
        "type": "employee-owned",
        "borough": "stockport",
        "stage": "changing-ownership",
        "sector": "private",
        "needs": ["employee-ownership", "funding"],
        "tags": ["employee ownership", "manufacturing"],
        "guides": ["selling-to-your-staff-employee-ownership", "social-investment-explained"],
        "provider_needs": ["employee-ownership", "funding"],
        "challenge": p(
            "The owner was ready to retire, his children did not want the business, and "
            "the only offer came from a competitor that planned to close the site."
        ),
        "approach": body(
            "He sold to an employee ownership trust, with part of the price paid up front "
            "through a loan from a social lender and the rest over five years from profits.",
        ),
        "results": p(
            "Output is up, and the employees voted to spend part of the first profit share "
            "on a training programme for younger engineers."
        ),
        "impact": [
            ("Jobs kept", 42, "", ""),
            ("Turnover growth", 9, "%", "in the first year"),
            ("Loan from a social lender", 350000, "£", ""),
        ],
        "quote": "The lads on the shop floor own the place now. You can feel it.",
        "quote_by": "Graham Ellis (demo), former owner",
        "colour": (0, 112, 60),
    },
    {
        "slug": "tameside-community-energy",
        "title": "Solar panels on schools, paid for by the community",
        "organisation": "Tame Valley Community Energy (demo)",
        "summary": "A community benefit society installed solar panels on six schools and "
        "shares the savings with them and the surplus with local projects.",
        "type": "community-benefit-society",
        "borough": "tameside",
        "stage": "established",
        "sector": "public",
        "needs": ["funding", "impact-measurement", "premises"],
        "tags": ["community energy", "community shares", "environment"],
        "guides": ["raising-money-through-community-shares", "measuring-your-impact"],
        "provider_needs": ["funding", "impact-measurement"],
        "challenge": p(
            "Schools wanted lower energy bills and lower emissions but had no capital to "
            "spend. Roofs were available; money was not."
        ),
        "approach": body(
            "The society raised money through a community share offer and leased roof space "
            "from the schools. The schools buy the electricity at a discount.",
        ),
        "results": p(
            "The schools save money every year, and a community fund from the surplus pays "
            "for energy-saving advice for local households."
        ),
        "impact": [
            ("Schools with solar panels", 6, "", ""),
            ("Carbon saved", 120, "tonnes", "a year"),
            ("Community fund", 8500, "£", "a year"),
        ],
        "quote": "The children track our panels in science lessons.",
        "quote_by": "Helen Brooks (demo), head teacher",
        "colour": (138, 75, 0),
    },
    {
        "slug": "trafford-social-enterprise-marketplace",
        "title": "A social enterprise wins a big contract by bidding with partners",
        "organisation": "Stretford Grounds and Gardens CIC (demo)",
        "summary": "A small grounds-maintenance CIC formed a consortium with three others to "
        "win a council parks contract it could not have delivered alone.",
        "type": "cic",
        "borough": "trafford",
        "stage": "growing",
        "sector": "public",
        "needs": ["tendering", "peer-networks", "marketing"],
        "tags": ["consortia", "tenders", "parks"],
        "guides": [
            "working-together-consortia-and-networks",
            "bidding-for-public-sector-contracts",
        ],
        "provider_needs": ["tendering", "peer-networks"],
        "challenge": p(
            "The council's parks contract covered the whole borough. The CIC had the skills "
            "but not the size, and bidding alone would have failed the turnover test."
        ),
        "approach": body(
            "The CIC led a consortium of four social enterprises, each taking the areas "
            "nearest to it. They wrote the bid together with support from a bid-writing "
            "workshop and agreed a partnership agreement first.",
        ),
        "results": p(
            "The consortium won the contract and hires trainees from the parks' own neighbourhoods."
        ),
        "impact": [
            ("Contract value", 1200000, "£", "over three years"),
            ("Trainees recruited locally", 14, "people", ""),
            ("Consortium members", 4, "", ""),
        ],
        "quote": "Together we looked like what we are: local, skilled and reliable.",
        "quote_by": "Kofi Asante (demo), director",
        "colour": (107, 31, 92),
    },
    {
        "slug": "wigan-community-hub-asset-transfer",
        "title": "A closed library becomes a thriving community hub",
        "organisation": "Hindley Green Community Hub (demo)",
        "summary": "Residents took over a closed library through community asset transfer "
        "and now run it as a hub with a café, a library corner and rooms to hire.",
        "type": "charity",
        "borough": "wigan",
        "stage": "starting",
        "sector": "vcse",
        "needs": ["premises", "governance", "starting-up"],
        "tags": ["community assets", "buildings"],
        "guides": ["community-asset-transfer", "running-an-effective-board"],
        "provider_needs": ["premises", "governance"],
        "challenge": p(
            "The council could no longer afford to run the library. The building needed a "
            "new roof and was expensive to heat."
        ),
        "approach": body(
            "A group of residents formed a charitable incorporated organisation, negotiated "
            "a 30-year lease and raised grants for the roof and insulation.",
            steps=(
                ("Surveyed the building", "A condition survey set out the repair costs."),
                ("Built a business case", "Room hire and café income to cover running costs."),
                ("Negotiated the lease", "Thirty years, so funders would invest."),
                ("Recruited a board", "With skills in finance, property and youth work."),
            ),
        ),
        "results": p(
            "The hub opens six days a week. Room hire and the café cover its running costs, "
            "and grants pay for youth and advice sessions."
        ),
        "impact": [
            ("Visits", 18000, "", "a year"),
            ("Groups using the rooms", 27, "", ""),
            ("Energy bills reduced", 40, "%", "after insulation"),
        ],
        "quote": "We nearly lost the building. Now it's busier than it has ever been.",
        "quote_by": "Susan Taylor (demo), chair of trustees",
        "colour": (74, 21, 64),
    },
]
