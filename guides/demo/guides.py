"""The demo guides: plain-English advice on the themes of the hub's co-design workshops.

Organisations, people and figures are invented for the demonstration.
"""

from guides.demo.blocks import callout, checklist, h, p, questions, quote, steps, table, ul

GM = ["gm-wide"]
EVERYWHERE = ["national"]

GUIDES = [
    {
        "slug": "starting-a-social-business",
        "title": "Starting a social business: the first six steps",
        "summary": "For anyone with an idea for a business that puts people and place first: "
        "how to test it, who to talk to and what to decide before you register anything.",
        "needs": ["starting-up", "legal-structure"],
        "stages": ["exploring", "starting"],
        "types": ["not-sure", "social-enterprise", "community-business"],
        "areas": GM,
        "sectors": ["vcse"],
        "tags": ["business planning", "first steps"],
        "owner": "hub-team",
        "body": [
            p(
                "A social business trades like any other business, but it exists to do some "
                "good: create decent local jobs, run a service a neighbourhood needs, or keep "
                "money circulating in the community. Most start with a person or a small group "
                "who have noticed something missing.",
                "You do not need a business plan, a bank loan or a legal structure on day one. "
                "You need a clear idea of who you want to help and some evidence that they want "
                "what you plan to offer.",
            ),
            h("Start with the problem, not the money"),
            p(
                "Write one sentence that says what changes for whom if you succeed. 'Older "
                "people in Hindley can get their shopping delivered by someone they know' is "
                "more useful than 'a community delivery service'. That sentence becomes your "
                "purpose, and later the objects clause of your rules or articles."
            ),
            callout(
                "tip",
                "Talk to ten people before you spend anything",
                "Ask people you hope to serve what they do now, what it costs them and what "
                "would make them switch. Write down what they say, not what you hoped to hear.",
            ),
            h("The six steps"),
            steps(
                "From idea to first customer",
                (
                    "Describe the need",
                    "Gather a little evidence: conversations, local data, waiting lists.",
                ),
                (
                    "Test a small version",
                    "Run a pop-up, a pilot month or a single contract before committing.",
                ),
                (
                    "Find your founding group",
                    "Two or three people who share the purpose and bring different skills.",
                ),
                (
                    "Work out how money comes in",
                    "Sales, contracts, grants or a mix. Social businesses that last earn most "
                    "of their income from trading.",
                ),
                (
                    "Choose a legal structure",
                    "Only now: the structure should fit how you will own, govern and fund the "
                    "business. Our guide to legal structures compares the options.",
                ),
                (
                    "Get free local support",
                    "Every borough in Greater Manchester has someone who helps new social "
                    "businesses at no cost. The directory lists them.",
                ),
            ),
            h("What to have ready before you register"),
            checklist(
                "Before you register",
                "A one-sentence purpose everyone in the founding group agrees with",
                "At least three founding members or directors",
                "A rough first-year budget: what you will spend and what will come in",
                "A name you have checked is not already taken",
                "A bank that opens accounts for your chosen structure",
            ),
            questions(
                (
                    "Can I start on my own?",
                    "Yes, as a sole trader, but most social business structures need at "
                    "least two or three people. Starting alone and bringing others in later is "
                    "common.",
                ),
                (
                    "Do I need a grant to start?",
                    "No. Grants help, but many businesses start by selling to a first customer "
                    "and growing from there. A grant that is not matched by trading income can "
                    "leave a hole when it ends.",
                ),
            ),
        ],
    },
    {
        "slug": "choosing-a-legal-structure",
        "title": "Choosing a legal structure: CIC, co-operative, community benefit society "
        "or charity",
        "summary": "A side-by-side look at the legal forms social businesses use, what each "
        "one allows and the questions that point to the right one for you.",
        "needs": ["legal-structure", "legal-advice", "starting-up"],
        "stages": ["exploring", "starting"],
        "types": ["cic", "co-operative", "community-benefit-society", "charity", "not-sure"],
        "areas": EVERYWHERE,
        "sectors": ["vcse"],
        "tags": ["legal structures", "asset lock"],
        "owner": "gm-coop-network",
        "body": [
            p(
                "The legal structure decides who owns the business, who makes decisions, how "
                "you can raise money and what happens to any surplus. No structure is best for "
                "everyone: the right one follows from how you want to work."
            ),
            h("Four questions that narrow it down"),
            ul(
                "<b>Who should own it?</b> Its workers, its customers, the community, or nobody "
                "in particular?",
                "<b>Will you raise money from the public?</b> Community shares are only open to "
                "co-operatives and community benefit societies.",
                "<b>Do you need charitable status?</b> It brings tax reliefs and some grants, "
                "but limits trading and who can be paid.",
                "<b>Should assets be locked?</b> An asset lock stops property and profits being "
                "taken out for private gain, which reassures funders and communities.",
            ),
            h("The main options compared"),
            table(
                "Common legal forms for social businesses (check current fees before you apply)",
                ["Form", "Owned by", "Asset lock", "Can issue community shares", "Regulator"],
                [
                    "Community interest company (CIC)",
                    "Shareholders or guarantors",
                    "Yes",
                    "No",
                    "CIC Regulator and Companies House",
                ],
                [
                    "Co-operative society",
                    "Its members",
                    "Optional",
                    "Yes",
                    "Financial Conduct Authority",
                ],
                [
                    "Community benefit society",
                    "Its members, for the community",
                    "Usually",
                    "Yes",
                    "Financial Conduct Authority",
                ],
                [
                    "Charitable incorporated organisation",
                    "Nobody: run by trustees",
                    "Yes",
                    "No",
                    "Charity Commission",
                ],
                [
                    "Company limited by guarantee",
                    "Its guarantors",
                    "Only if written in",
                    "No",
                    "Companies House",
                ],
            ),
            callout(
                "warning",
                "Changing later is possible, but slow",
                "Converting from one form to another usually means new rules, a members' vote "
                "and sometimes moving assets. A little advice now saves a lot of paperwork later.",
            ),
            h("Model rules save time and money"),
            p(
                "Co-operative and community benefit society rules are usually adapted from "
                "model rules published by sponsoring bodies. Registering with model rules is "
                "cheaper and faster than drafting your own, and your support provider can tell "
                "you which set fits."
            ),
            questions(
                (
                    "Can a CIC pay its directors?",
                    "Yes. Directors can be paid a fair wage for work they do, if the articles "
                    "allow it. What a CIC cannot do is hand its assets to private owners.",
                ),
                (
                    "Is a social enterprise a legal form?",
                    "No. It describes how a business behaves. Social enterprises use many of "
                    "the forms above, and some use an ordinary company with a strong mission in "
                    "its articles.",
                ),
            ),
        ],
    },
    {
        "slug": "raising-money-through-community-shares",
        "title": "Raising money through community shares",
        "summary": "How co-operatives and community benefit societies raise money from the "
        "people they serve, what an offer document needs and how to run a share offer.",
        "needs": ["funding", "premises"],
        "stages": ["starting", "growing"],
        "types": ["community-benefit-society", "co-operative", "community-business"],
        "areas": GM,
        "sectors": ["vcse"],
        "tags": ["community shares", "fundraising"],
        "owner": "northern-social-investment",
        "body": [
            p(
                "Community shares are withdrawable shares that co-operatives and community "
                "benefit societies sell to their supporters. People buy them to help something "
                "happen, not to make a quick return: a pub saved, a shop opened, a solar roof "
                "installed. Each member has one vote, however many shares they hold.",
            ),
            h("Is a share offer right for you?"),
            checklist(
                "Signs a share offer could work",
                "Lots of local people care about the project and will say so publicly",
                "You need a sum between about £50,000 and £1 million",
                "The business will make enough surplus to pay modest interest and let "
                "people withdraw shares in time",
                "You are a registered co-operative or community benefit society, or will be",
            ),
            h("Running the offer"),
            steps(
                "A typical twelve-week share offer",
                ("Write a business plan", "Investors will read the numbers closely."),
                (
                    "Prepare the offer document",
                    "Say what the money is for, the risks, interest and withdrawal rules.",
                ),
                ("Line up early pledges", "Aim to have a third pledged before you launch."),
                ("Launch publicly", "Hold an event, use local press and knock on doors."),
                ("Keep momentum", "Share progress weekly; most money comes in the last weeks."),
                ("Close and issue shares", "Record members and send share certificates."),
            ),
            callout(
                "tip",
                "Match funding can double your offer",
                "Some social investment funds match what a community raises through shares. "
                "Ask about match funding before you set your target.",
            ),
            quote(
                "We thought we'd struggle to raise £80,000. Four hundred neighbours bought "
                "shares, and most of them had never invested in anything before.",
                "Jo Whitfield (demo)",
                "Chair, Moss Bank Community Pub (demo)",
            ),
            questions(
                (
                    "Are community shares protected if the business fails?",
                    "No. Shareholders can lose what they put in, and the offer must say so "
                    "plainly. That is why a realistic business plan matters.",
                ),
                (
                    "Can people sell their shares to someone else?",
                    "No. They can ask the society to buy them back, under the rules set in the "
                    "offer, usually after a minimum period.",
                ),
            ),
        ],
    },
    {
        "slug": "social-investment-explained",
        "title": "Social investment explained: loans, blended finance and what lenders want",
        "summary": "What social investment is, how it differs from a grant or a bank loan, and "
        "how to get ready to apply for it.",
        "needs": ["funding"],
        "stages": ["growing", "established"],
        "types": ["cic", "charity", "community-benefit-society", "social-enterprise"],
        "areas": EVERYWHERE,
        "sectors": ["vcse"],
        "tags": ["social investment", "loans"],
        "owner": "northern-social-investment",
        "body": [
            p(
                "Social investment is money lent to or invested in a social business that "
                "expects to be paid back, often with interest, from the business's income. "
                "Social investors accept lower returns or higher risk than banks because they "
                "also care about the good the business does.",
            ),
            h("Three common kinds"),
            table(
                "Kinds of social investment",
                ["Kind", "Good for", "Usually"],
                ["Secured loan", "Buying or improving a building", "Repaid over 10 to 25 years"],
                ["Unsecured loan", "Working capital or a new service", "Repaid over 3 to 7 years"],
                [
                    "Blended finance",
                    "Growth where risk is high",
                    "Part loan, part grant; the grant absorbs risk",
                ],
            ),
            h("Are you ready for repayable finance?"),
            checklist(
                "Investment readiness",
                "You have traded for at least a year and have accounts to show",
                "You can show where repayments will come from, month by month",
                "Your board understands and agrees to taking on debt",
                "You know what you will measure to show your social impact",
            ),
            callout(
                "warning",
                "Debt is not income",
                "Borrowing to cover a shortfall in day-to-day running costs rarely ends well. "
                "Social investment works best when it pays for something that will earn more.",
            ),
            h("Where to start"),
            p(
                "Talk to a support provider about an investment readiness grant first: these "
                "small grants pay for advice on your plan and your numbers before you apply. "
                "The directory lists providers who help with funding and social investment."
            ),
        ],
    },
    {
        "slug": "bidding-for-public-sector-contracts",
        "title": "Bidding for public sector contracts as a small social business",
        "summary": "How councils and the NHS buy, where to find opportunities, and how a small "
        "organisation can win contracts without a bid-writing team.",
        "needs": ["tendering", "marketing"],
        "stages": ["growing", "established"],
        "types": ["social-enterprise", "cic", "co-operative", "charity"],
        "areas": GM,
        "sectors": ["vcse"],
        "tags": ["procurement", "tenders", "social value"],
        "owner": "social-value-learning",
        "body": [
            p(
                "Public bodies in Greater Manchester spend billions each year on goods and "
                "services. A growing share goes to local social businesses, because buyers must "
                "consider social value and many want to keep spending in the area.",
            ),
            h("How public buying works"),
            p(
                "Small purchases often need only a few quotes. Larger ones go out to tender, "
                "with published rules, a deadline and scoring. Frameworks and dynamic purchasing "
                "systems let buyers call on pre-approved suppliers; getting on one can open many "
                "small contracts."
            ),
            callout(
                "tip",
                "Meet the buyer before the tender",
                "Buyers are allowed to talk to the market before they publish a tender. Go to "
                "supplier events and ask for a conversation: it helps them write a tender that "
                "small suppliers can bid for.",
            ),
            h("Deciding whether to bid"),
            checklist(
                "Bid or no bid",
                "We can deliver all of it, or have partners for the parts we cannot",
                "The price covers our full costs, including management time",
                "We meet the insurance and financial thresholds",
                "We have relevant examples and references",
                "We have the time to write a good bid before the deadline",
            ),
            h("Writing the bid"),
            steps(
                "A bid in five steps",
                ("Read everything twice", "Highlight every question and how it is scored."),
                ("Plan your answers", "Give the most words to the highest-scoring questions."),
                ("Use evidence", "Numbers, named examples and short quotes from customers."),
                ("Answer social value properly", "Specific, measurable and local commitments."),
                ("Check and submit early", "Portals slow down close to deadlines."),
            ),
            questions(
                (
                    "We are too small for most tenders. What can we do?",
                    "Bid with others as a consortium or as a subcontractor to a larger "
                    "supplier, and ask buyers to split contracts into smaller lots.",
                ),
                (
                    "What if we lose?",
                    "Always ask for feedback and your scores. Buyers must give it, and it is the "
                    "quickest way to improve your next bid.",
                ),
            ),
        ],
    },
    {
        "slug": "social-value-for-public-buyers",
        "title": "Social value in procurement: a guide for public sector buyers",
        "summary": "For commissioners and procurement officers: how to ask for social value "
        "that matters locally and make it easier for social businesses to bid.",
        "needs": ["tendering", "impact-measurement"],
        "stages": ["established"],
        "types": ["public-body"],
        "areas": GM,
        "sectors": ["public"],
        "tags": ["social value", "procurement", "commissioning"],
        "owner": "social-value-learning",
        "body": [
            p(
                "Social value is the extra good a contract does for people, places and the "
                "environment, beyond the service itself. Asking for it well means suppliers "
                "compete on what they add to the area, not only on price.",
            ),
            h("Ask for what your area needs"),
            p(
                "Start from local priorities, such as good jobs for young people leaving care, "
                "lower carbon emissions or spending with local suppliers, and pick a few "
                "measures that fit the contract. A short, relevant list beats a long menu that "
                "everyone answers the same way."
            ),
            h("Make it possible for small suppliers to win"),
            checklist(
                "Buyer's checklist",
                "Split large contracts into lots a small organisation could deliver",
                "Ask only for the insurance and turnover levels the contract really needs",
                "Publish opportunities early and hold a market event",
                "Give at least four weeks to respond",
                "Weight social value at 10% or more, and score specific commitments higher",
                "Pay within 30 days, and make main contractors do the same",
            ),
            callout(
                "info",
                "Co-design with the market",
                "Workshops run by the hub found that buyers and social businesses often "
                "misunderstand each other. An hour-long conversation before a tender is written "
                "fixes most of that.",
            ),
            h("Checking that social value is delivered"),
            p(
                "Write commitments into the contract, agree how they will be reported and "
                "review them at contract meetings. Celebrate suppliers who deliver, and publish "
                "what was achieved so residents can see it."
            ),
        ],
    },
    {
        "slug": "writing-a-social-value-response",
        "title": "Writing a strong social value response in a tender",
        "summary": "How to turn the good your organisation already does into specific, "
        "measurable commitments that score well.",
        "needs": ["tendering", "impact-measurement"],
        "stages": ["growing", "established"],
        "types": ["social-enterprise", "cic", "co-operative", "private-business"],
        "areas": GM,
        "sectors": ["vcse", "private"],
        "tags": ["social value", "tenders"],
        "owner": "social-value-learning",
        "body": [
            p(
                "Social businesses often under-sell themselves in tenders. Saying you are a "
                "social enterprise is not an answer: evaluators score what you commit to do on "
                "this contract, how you will measure it and how you will report it.",
            ),
            h("The shape of a good answer"),
            steps(
                "Commit, measure, report",
                ("Name the outcome", "Link it to a priority the buyer has published."),
                ("Make it specific", "How many, for whom, where and by when."),
                ("Show how", "Who does it, and what you have done before."),
                ("Say how you will report", "What you will count and how often."),
            ),
            table(
                "Weak and strong commitments (demo examples)",
                ["Weak", "Strong"],
                [
                    "We support local employment",
                    "We will recruit 3 of the 8 new roles from Wigan residents who have been "
                    "out of work for six months or more, within the first year",
                ],
                [
                    "We buy locally where possible",
                    "We will spend at least 40% of the contract's supply budget with Greater "
                    "Manchester businesses, reported quarterly",
                ],
            ),
            callout(
                "warning",
                "Only promise what you can deliver",
                "Commitments usually become contract terms. Over-promising can cost you money "
                "or the contract itself.",
            ),
        ],
    },
    {
        "slug": "measuring-your-impact",
        "title": "Measuring your impact without drowning in data",
        "summary": "A practical way for small organisations to decide what to measure, collect "
        "it in everyday work and report it to funders and customers.",
        "needs": ["impact-measurement"],
        "stages": ["starting", "growing", "established"],
        "types": ["social-enterprise", "cic", "charity", "community-business"],
        "areas": EVERYWHERE,
        "sectors": ["vcse"],
        "tags": ["impact", "theory of change", "reporting"],
        "owner": "social-value-learning",
        "body": [
            p(
                "You already know your work makes a difference. Measuring impact is about "
                "showing it, and learning what works, without spending more time counting than "
                "doing.",
            ),
            h("Start with a simple theory of change"),
            p(
                "Write down, in a line each, the problem, what you do, what changes straight "
                "away and what changes in the long run. Pick two or three of those changes to "
                "track. That is enough for most small organisations."
            ),
            h("Collect it as you go"),
            checklist(
                "Light-touch ways to collect evidence",
                "A three-question form at the end of each session",
                "A register that records who comes and how often",
                "A short follow-up call three months later with a sample of people",
                "Photos and quotes, with permission, for the stories behind the numbers",
            ),
            callout(
                "tip",
                "Use what funders already ask for",
                "If two funders ask for similar numbers, agree one definition and report it to "
                "both. Many will accept your own framework if it is clear.",
            ),
            questions(
                (
                    "What is a social return on investment (SROI)?",
                    "A method that puts a money value on outcomes to compare them with costs. "
                    "It can be persuasive, but it takes time; most small organisations do not "
                    "need it.",
                ),
            ),
        ],
    },
    {
        "slug": "running-an-effective-board",
        "title": "Good governance: running an effective board",
        "summary": "What directors and trustees are responsible for, how to run meetings that "
        "decide things, and how to bring new people onto the board.",
        "needs": ["governance"],
        "stages": ["starting", "growing", "established"],
        "types": ["cic", "charity", "co-operative", "community-benefit-society", "mutual"],
        "areas": GM,
        "sectors": ["vcse"],
        "tags": ["boards", "trustees", "meetings"],
        "owner": "community-business-trust",
        "body": [
            p(
                "A good board keeps the business true to its purpose, makes sure it stays "
                "solvent and supports the people who run it day to day. In a co-operative, the "
                "board is also accountable to the members who elected it.",
            ),
            h("What the board is responsible for"),
            ul(
                "Setting direction and checking progress against it",
                "Making sure money is managed properly and the business can pay its debts",
                "Managing risk, including legal and safeguarding duties",
                "Appointing, supporting and holding to account the staff lead",
            ),
            h("Meetings that decide things"),
            checklist(
                "Before every board meeting",
                "Papers sent at least a week ahead, each with the decision it asks for",
                "Up-to-date management accounts",
                "A conflicts of interest check at the start",
                "Someone taking clear minutes of decisions and actions",
            ),
            callout(
                "tip",
                "Skills audit once a year",
                "List the skills the business needs over the next three years, tick those the "
                "board has, and recruit for the gaps.",
            ),
            questions(
                (
                    "Can staff sit on the board?",
                    "Often yes, especially in co-operatives. Charities have stricter rules on "
                    "paid trustees, so check your governing document first.",
                ),
            ),
        ],
    },
    {
        "slug": "selling-to-your-staff-employee-ownership",
        "title": "Selling to your staff: an introduction to employee ownership trusts",
        "summary": "For business owners planning to retire or step back: how a sale to an "
        "employee ownership trust works and why it keeps a business rooted locally.",
        "needs": ["employee-ownership", "legal-advice"],
        "stages": ["changing-ownership", "established"],
        "types": ["private-business", "employee-owned"],
        "areas": EVERYWHERE,
        "sectors": ["private"],
        "tags": ["employee ownership", "succession"],
        "owner": "eo-advisers-north",
        "body": [
            p(
                "Many owners of successful small firms have no obvious successor. Selling to "
                "a competitor can mean jobs moving away. An employee ownership trust (EOT) buys "
                "a controlling stake on behalf of all the staff, and the business carries on.",
            ),
            h("How a sale to an EOT works"),
            steps(
                "The usual route",
                ("Get the business valued", "An independent valuation sets a fair price."),
                ("Set up the trust", "Trustees act for all employees, now and in future."),
                (
                    "Agree payment terms",
                    "The trust usually pays the seller over several years out of profits.",
                ),
                ("Involve employees", "Explain what ownership means and how they will have a say."),
                ("Complete the sale", "Lawyers and accountants finalise the documents."),
            ),
            callout(
                "info",
                "Tax reliefs exist, with conditions",
                "Sellers to a qualifying EOT may not pay capital gains tax, and employees can "
                "receive some bonuses tax-free. Rules change; take professional advice.",
            ),
            quote(
                "I wanted the firm to stay in Stockport with the people who built it. Selling "
                "to the trust let me step back slowly and hand over properly.",
                "Graham Ellis (demo)",
                "Former owner, Ellis Joinery (demo)",
            ),
            questions(
                (
                    "Do employees have to put in money?",
                    "No. The trust borrows against or pays from future profits; staff do not "
                    "buy shares personally.",
                ),
            ),
        ],
    },
    {
        "slug": "converting-to-a-worker-co-operative",
        "title": "Converting a business into a worker co-operative",
        "summary": "When the people who work in a business want to own and run it together: "
        "the steps, the structure and the culture change involved.",
        "needs": ["employee-ownership", "legal-structure", "governance"],
        "stages": ["changing-ownership"],
        "types": ["co-operative", "private-business", "employee-owned"],
        "areas": GM,
        "sectors": ["private", "vcse"],
        "tags": ["worker co-operatives", "succession"],
        "owner": "gm-coop-network",
        "body": [
            p(
                "In a worker co-operative, each worker is a member with one vote. It suits "
                "businesses where the workforce is stable and people want a direct say, such as "
                "design studios, printers, cafés and care services.",
            ),
            h("Is the team ready?"),
            checklist(
                "Readiness",
                "Most staff want to become members, and understand the commitment",
                "People are willing to learn about finance and decision-making",
                "The business is profitable enough to pay for the transfer over time",
            ),
            h("The main steps"),
            steps(
                "Conversion",
                ("Explore together", "Hold open sessions; invite a co-op to talk about its life."),
                ("Register the co-operative", "Use model rules for worker co-ops."),
                ("Agree a price and financing", "Often a loan repaid from profits."),
                ("Transfer the business", "Assets, contracts and staff move to the co-op."),
                ("Build the culture", "Training, clear roles and good meetings matter most."),
            ),
            callout(
                "tip",
                "Decide how you will decide",
                "Agree early which decisions belong to all members, which to an elected "
                "committee and which to managers. It prevents most later disputes.",
            ),
        ],
    },
    {
        "slug": "community-asset-transfer",
        "title": "Taking on a community building through asset transfer",
        "summary": "How community groups take over libraries, halls and parks from councils, "
        "and how to make sure the building pays its way.",
        "needs": ["premises", "funding"],
        "stages": ["starting", "growing"],
        "types": ["community-business", "community-benefit-society", "charity"],
        "areas": GM,
        "sectors": ["vcse", "public"],
        "tags": ["community assets", "buildings"],
        "owner": "community-business-trust",
        "body": [
            p(
                "Councils sometimes transfer buildings and land to community organisations, by "
                "long lease or freehold, at less than market value. Done well, it keeps a "
                "much-loved place open and gives a community business a base to trade from.",
            ),
            h("Before you ask for a building"),
            checklist(
                "Questions to answer first",
                "What will happen in the building, and who will pay for it?",
                "What state is it in? Get a condition survey",
                "Who will run it day to day, and who is legally responsible?",
                "Can you insure it and meet health and safety duties?",
            ),
            h("The process"),
            steps(
                "Asset transfer, step by step",
                ("Express interest", "Write to the council's asset team."),
                ("Build the business case", "Show income, costs and community benefit."),
                ("Negotiate terms", "Lease length matters: funders often want 25 years or more."),
                ("Raise capital", "Grants, community shares or social investment for repairs."),
                ("Take over", "Plan the first six months of bookings before the keys arrive."),
            ),
            callout(
                "warning",
                "A building is a liability as well as an asset",
                "Repairs, energy and insurance can swallow a small organisation's income. "
                "Make sure trading income will cover running costs.",
            ),
        ],
    },
    {
        "slug": "good-employment-practice",
        "title": "Good employment: fair pay, secure work and a voice for staff",
        "summary": "What good employment looks like in a small social business, from the real "
        "living wage to flexible work, and how to get recognised for it.",
        "needs": ["good-employment", "skills-training"],
        "stages": ["growing", "established"],
        "types": ["social-enterprise", "cic", "co-operative", "charity", "private-business"],
        "areas": GM,
        "sectors": ["vcse", "private", "public"],
        "tags": ["good employment", "real living wage", "wellbeing"],
        "owner": "hub-team",
        "body": [
            p(
                "Good jobs are part of the social value a business creates. Greater "
                "Manchester's employers can join a charter that sets out what good employment "
                "means and helps them improve.",
            ),
            h("The building blocks"),
            ul(
                "Pay at least the real living wage, including to contractors where you can",
                "Offer secure hours; avoid zero-hours contracts unless staff ask for them",
                "Give people a voice: regular one-to-ones, staff surveys or worker members",
                "Invest in skills, with a training plan for everyone",
                "Support health and wellbeing, and flexible working from day one",
            ),
            callout(
                "tip",
                "Small steps count",
                "You do not have to do everything at once. Pick the two changes that matter "
                "most to your team, do them well and build from there.",
            ),
            h("Training on a small budget"),
            p(
                "Share training with other social businesses, use free courses from "
                "partners and the hub, and make time for people to learn from each other. A "
                "simple plan listing each person's goals is enough to start."
            ),
        ],
    },
    {
        "slug": "working-together-consortia-and-networks",
        "title": "Working together: consortia, peer networks and joint bids",
        "summary": "How small social businesses pool strengths to win bigger contracts, share "
        "costs and learn from each other.",
        "needs": ["peer-networks", "tendering"],
        "stages": ["growing", "established"],
        "types": ["social-enterprise", "co-operative", "cic", "charity"],
        "areas": GM,
        "sectors": ["vcse"],
        "tags": ["consortia", "networks", "collaboration"],
        "owner": "gm-coop-network",
        "body": [
            p(
                "No small organisation can do everything. Working with others lets you bid "
                "for work you could not deliver alone, buy things together more cheaply and "
                "get advice from people who have faced the same problems.",
            ),
            h("Three ways to work together"),
            table(
                "Ways to collaborate",
                ["Way", "How it works", "Best for"],
                ["Peer network", "Regular meetings to share advice", "Learning and support"],
                [
                    "Lead partner",
                    "One organisation holds the contract and subcontracts",
                    "A first joint bid",
                ],
                [
                    "Consortium company",
                    "A new body owned by its members bids for all",
                    "Winning work again and again",
                ],
            ),
            callout(
                "tip",
                "Agree the money before the bid",
                "Decide how income, costs and risks will be shared before you submit. Written "
                "agreements keep partnerships friendly when things get busy.",
            ),
            quote(
                "On our own we were too small for the council's contract. Together, five of "
                "us covered every borough it asked for.",
                "Amina Hussain (demo)",
                "Coordinator, North West Care Co-ops Consortium (demo)",
            ),
        ],
    },
    {
        "slug": "telling-your-story-marketing",
        "title": "Telling your story: marketing and trading for social businesses",
        "summary": "How to win customers on quality and price first, and use your social "
        "purpose to stand out rather than to ask for sympathy.",
        "needs": ["marketing", "starting-up"],
        "stages": ["starting", "growing"],
        "types": ["social-enterprise", "community-business", "cic", "co-operative"],
        "areas": GM,
        "sectors": ["vcse"],
        "tags": ["marketing", "customers", "trading"],
        "owner": "hub-team",
        "body": [
            p(
                "People buy because a product or service is good and fairly priced. Your social "
                "purpose is a reason to choose you over an equal competitor, and a reason to "
                "come back: it works best as a story, not as a plea.",
            ),
            h("Know your customers"),
            p(
                "List your three main kinds of customer, such as residents, local businesses "
                "and public buyers. For each, write what they need, where they look for it and "
                "what would make them try you."
            ),
            h("Tell the story well"),
            checklist(
                "A good impact story",
                "Starts with one person or place, not with your organisation",
                "Says what changed, with one number that matters",
                "Has the person's permission and, if possible, their own words",
                "Ends with what the reader can do: buy, book, share",
            ),
            callout(
                "info",
                "Buy Social",
                "Business-to-business buyers increasingly look for social enterprise suppliers. "
                "Make it easy: list your products and prices clearly on your website.",
            ),
        ],
    },
]
