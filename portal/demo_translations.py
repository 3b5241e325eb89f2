"""Demo translations into Polish and Urdu, made the way a translator's work is stored.

Each translated object goes through wagtail-localize: a translation source is taken from the
English original, the strings below are saved as its string translations, and the translation
is created (or left alone if it exists). The results are ordinary synced translations: they
open in the translation editor, can be downloaded and uploaded as PO files, and pick up source
changes with "Sync translated pages". Strings not listed here stay in English.

They are short demo translations, not professional ones, and say so on the page: the home
page, each section introduction, the questionnaire introduction, the footer and each guide
summary carry a "demo translation" note. Of the guides, only the title, summary and headings
are translated; the note says the rest is in English.

Only the generic page and snippet APIs are used (pages are found by slug), so this module
depends on no app. Running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

LANGUAGES = ("pl", "ur")

DEMO_NOTE = {
    "pl": "(Tłumaczenie demonstracyjne.)",
    "ur": "(نمونے کا ترجمہ)",
}
GUIDE_NOTE = {
    "pl": "[Tłumaczenie demonstracyjne: przetłumaczono tytuł, streszczenie i nagłówki, "
    "reszta poradnika jest po angielsku.]",
    "ur": "[نمونے کا ترجمہ: صرف عنوان، خلاصہ اور سرخیاں ترجمہ کی گئی ہیں، باقی رہنما انگریزی "
    "میں ہے۔]",
}

#: Sections below the home page to translate, by slug.
SECTIONS = ("guides", "training", "case-studies", "directory", "find-support")
#: Guides to translate, by slug (under the guides section).
GUIDES = (
    "starting-a-social-business",
    "choosing-a-legal-structure",
    "raising-money-through-community-shares",
)


def _noted(strings: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Add the demo note to the end of each translation."""
    return {
        source: (f"{pl} {DEMO_NOTE['pl']}", f"{ur} {DEMO_NOTE['ur']}")
        for source, (pl, ur) in strings.items()
    }


def _guide_noted(strings: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {
        source: (f"{GUIDE_NOTE['pl']} {pl}", f"{GUIDE_NOTE['ur']} {ur}")
        for source, (pl, ur) in strings.items()
    }


# English source text: (Polish, Urdu). One memory for every page and snippet.
STRINGS: dict[str, tuple[str, str]] = {
    # The home page.
    "Start, grow or change your social business": (
        "Załóż, rozwijaj lub przekształć swoje przedsiębiorstwo społeczne",
        "اپنا سماجی کاروبار شروع کریں، بڑھائیں یا بدلیں",
    ),
    "Find the right support": ("Znajdź odpowiednie wsparcie", "صحیح مدد تلاش کریں"),
    "Community Wealth Hub: support for social businesses in Greater Manchester": (
        "Community Wealth Hub: wsparcie dla przedsiębiorstw społecznych w Wielkim Manchesterze",
        "کمیونٹی ویلتھ ہب: گریٹر مانچسٹر میں سماجی کاروباروں کے لیے مدد",
    ),
    # Section titles.
    "Guides": ("Poradniki", "رہنما"),
    "Training": ("Szkolenia", "تربیت"),
    "Case studies": ("Historie", "کیس اسٹڈیز"),
    "Find a support provider": ("Znajdź organizację wspierającą", "مدد کرنے والا ادارہ تلاش کریں"),
    # The questionnaire.
    "Start with the first few items, then get in touch with a provider near you. Everything "
    "here is free to read; providers say what they charge.": (
        "Zacznij od pierwszych pozycji, a potem skontaktuj się z organizacją w pobliżu. "
        "Wszystko tutaj można czytać za darmo; organizacje same podają swoje ceny.",
        "پہلی چند چیزوں سے شروع کریں، پھر اپنے قریب کسی ادارے سے رابطہ کریں۔ یہاں سب کچھ "
        "مفت پڑھا جا سکتا ہے؛ ادارے خود بتاتے ہیں کہ وہ کتنا معاوضہ لیتے ہیں۔",
    ),
    "Where are you with your idea or business?": (
        "Na jakim etapie jest Twój pomysł lub firma?",
        "آپ کا خیال یا کاروبار کس مرحلے پر ہے؟",
    ),
    "Pick the one closest to where you are today. You can change it later.": (
        "Wybierz odpowiedź najbliższą temu, gdzie jesteś dziś. Możesz ją później zmienić.",
        "وہ جواب چنیں جو آج آپ کی صورتحال کے سب سے قریب ہو۔ آپ اسے بعد میں بدل سکتے ہیں۔",
    ),
    "I have an idea and want to see if it could work": (
        "Mam pomysł i chcę sprawdzić, czy się sprawdzi",
        "میرے پاس ایک خیال ہے اور میں دیکھنا چاہتا ہوں کہ یہ چل سکتا ہے یا نہیں",
    ),
    "We are getting ready to start trading": (
        "Przygotowujemy się do rozpoczęcia działalności",
        "ہم کاروبار شروع کرنے کی تیاری کر رہے ہیں",
    ),
    "We are trading and want to grow": (
        "Działamy i chcemy się rozwijać",
        "ہم کاروبار کر رہے ہیں اور بڑھنا چاہتے ہیں",
    ),
    "We have been running for some years": (
        "Działamy od kilku lat",
        "ہم کئی سال سے کام کر رہے ہیں",
    ),
    "We are thinking about who should own the business next": (
        "Zastanawiamy się, kto powinien być następnym właścicielem firmy",
        "ہم سوچ رہے ہیں کہ آگے کاروبار کا مالک کون ہو",
    ),
    "For example handing it to the staff, or to the community it serves.": (
        "Na przykład przekazanie jej pracownikom albo społeczności, której służy.",
        "مثلاً اسے عملے کے حوالے کرنا، یا اس کمیونٹی کو جس کی یہ خدمت کرتا ہے۔",
    ),
    "What kind of organisation are you, or want to be?": (
        "Jaką organizacją jesteście lub chcecie być?",
        "آپ کس قسم کا ادارہ ہیں، یا بننا چاہتے ہیں؟",
    ),
    "If you have not decided yet, that is fine: choose “Not sure yet”.": (
        "Jeśli jeszcze nie wiesz, nic nie szkodzi: wybierz „Jeszcze nie wiem”.",
        "اگر ابھی فیصلہ نہیں کیا تو کوئی بات نہیں: “ابھی یقین نہیں” چنیں۔",
    ),
    "A co-operative owned by its members": (
        "Spółdzielnia należąca do członków",
        "اپنے ارکان کی ملکیت والا کوآپریٹو",
    ),
    "A community interest company (CIC)": (
        "Spółka interesu społecznego (CIC)",
        "کمیونٹی انٹرسٹ کمپنی (CIC)",
    ),
    "A community benefit society": (
        "Stowarzyszenie na rzecz społeczności (community benefit society)",
        "کمیونٹی بینیفٹ سوسائٹی",
    ),
    "A charity that trades": (
        "Organizacja charytatywna prowadząca sprzedaż",
        "تجارت کرنے والا خیراتی ادارہ",
    ),
    "A community business run by local people": (
        "Firma społeczności prowadzona przez mieszkańców",
        "مقامی لوگوں کا چلایا ہوا کمیونٹی کاروبار",
    ),
    "Not sure yet": ("Jeszcze nie wiem", "ابھی یقین نہیں"),
    "Your plan will start with how to choose a legal form.": (
        "Twój plan zacznie się od tego, jak wybrać formę prawną.",
        "آپ کا منصوبہ قانونی شکل چننے کے طریقے سے شروع ہوگا۔",
    ),
    "A private business or public body that wants to work with social businesses": (
        "Firma prywatna lub instytucja publiczna, która chce współpracować z "
        "przedsiębiorstwami społecznymi",
        "نجی کاروبار یا سرکاری ادارہ جو سماجی کاروباروں کے ساتھ کام کرنا چاہتا ہے",
    ),
    "What would help you most right now?": (
        "Co najbardziej pomogłoby Ci teraz?",
        "اس وقت آپ کی سب سے زیادہ مدد کس چیز سے ہوگی؟",
    ),
    "Choose up to three things. Your plan puts them first.": (
        "Wybierz maksymalnie trzy rzeczy. Twój plan zacznie od nich.",
        "زیادہ سے زیادہ تین چیزیں چنیں۔ آپ کا منصوبہ انہیں سب سے پہلے رکھے گا۔",
    ),
    "Working out how to get started": ("Jak zacząć", "شروع کرنے کا طریقہ سمجھنا"),
    "Choosing the right legal form": ("Wybór odpowiedniej formy prawnej", "صحیح قانونی شکل چننا"),
    "Money: grants, loans or community shares": (
        "Pieniądze: dotacje, pożyczki lub udziały społecznościowe",
        "پیسہ: گرانٹس، قرض یا کمیونٹی شیئرز",
    ),
    "Winning contracts from councils, the NHS and others": (
        "Zdobywanie zamówień od samorządów, NHS i innych",
        "کونسلوں، NHS اور دوسروں سے ٹھیکے حاصل کرنا",
    ),
    "Running a good board and making decisions together": (
        "Dobry zarząd i wspólne podejmowanie decyzji",
        "اچھا بورڈ چلانا اور مل کر فیصلے کرنا",
    ),
    "Showing the difference we make": (
        "Pokazanie, co zmieniamy",
        "یہ دکھانا کہ ہم کیا فرق لاتے ہیں",
    ),
    "Finding a building or taking over a community space": (
        "Znalezienie lokalu lub przejęcie przestrzeni społecznej",
        "عمارت ڈھونڈنا یا کمیونٹی کی جگہ سنبھالنا",
    ),
    "Learning new skills, for us or our team": (
        "Nowe umiejętności dla nas lub naszego zespołu",
        "ہمارے یا ہماری ٹیم کے لیے نئی مہارتیں سیکھنا",
    ),
    "Meeting others who are doing the same": (
        "Spotkania z innymi, którzy robią to samo",
        "ایسا ہی کام کرنے والے دوسروں سے ملنا",
    ),
    "Finding customers and telling our story": (
        "Znalezienie klientów i opowiadanie o nas",
        "گاہک ڈھونڈنا اور اپنی کہانی سنانا",
    ),
    "Being a good employer as we take people on": (
        "Bycie dobrym pracodawcą przy zatrudnianiu ludzi",
        "لوگوں کو ملازم رکھتے ہوئے اچھا آجر بننا",
    ),
    "Who would own the business after the change?": (
        "Kto byłby właścicielem firmy po zmianie?",
        "تبدیلی کے بعد کاروبار کا مالک کون ہوگا؟",
    ),
    "Many owners sell to their staff or to a co-operative of customers.": (
        "Wielu właścicieli sprzedaje firmę pracownikom albo spółdzielni klientów.",
        "بہت سے مالکان اپنا کاروبار عملے کو یا گاہکوں کے کوآپریٹو کو بیچتے ہیں۔",
    ),
    "The people who work in it": ("Osoby, które w niej pracują", "اس میں کام کرنے والے لوگ"),
    "Its customers, members or the local community": (
        "Jej klienci, członkowie lub lokalna społeczność",
        "اس کے گاہک، ارکان یا مقامی کمیونٹی",
    ),
    "We have not decided yet": ("Jeszcze nie zdecydowaliśmy", "ہم نے ابھی فیصلہ نہیں کیا"),
    "Where is your business or idea based?": (
        "Gdzie działa Twoja firma lub gdzie ma powstać?",
        "آپ کا کاروبار یا خیال کہاں ہے؟",
    ),
    "We use this to find support near you. Help that covers all of Greater Manchester is "
    "included wherever you are.": (
        "Dzięki temu znajdziemy wsparcie w pobliżu. Pomoc obejmująca cały Wielki Manchester "
        "pokazujemy zawsze, niezależnie od miejsca.",
        "اس سے ہم آپ کے قریب مدد ڈھونڈتے ہیں۔ پورے گریٹر مانچسٹر کی مدد ہر جگہ کے لیے شامل "
        "ہوتی ہے۔",
    ),
    "Outside Greater Manchester, or online only": (
        "Poza Wielkim Manchesterem lub tylko online",
        "گریٹر مانچسٹر سے باہر، یا صرف آن لائن",
    ),
    # Boroughs (answers and vocabulary).
    "Bolton": ("Bolton", "بولٹن"),
    "Bury": ("Bury", "بری"),
    "Manchester": ("Manchester", "مانچسٹر"),
    "Oldham": ("Oldham", "اولڈہم"),
    "Rochdale": ("Rochdale", "روچڈیل"),
    "Salford": ("Salford", "سالفورڈ"),
    "Stockport": ("Stockport", "اسٹاک پورٹ"),
    "Tameside": ("Tameside", "ٹیم سائیڈ"),
    "Trafford": ("Trafford", "ٹریفورڈ"),
    "Wigan": ("Wigan", "وِگن"),
    # The shared vocabulary.
    "Starting a social business": (
        "Zakładanie przedsiębiorstwa społecznego",
        "سماجی کاروبار شروع کرنا",
    ),
    "Choosing a legal structure": ("Wybór formy prawnej", "قانونی ڈھانچہ چننا"),
    "Funding and social investment": (
        "Finansowanie i inwestycje społeczne",
        "فنڈنگ اور سماجی سرمایہ کاری",
    ),
    "Tendering and selling to public bodies": (
        "Przetargi i sprzedaż instytucjom publicznym",
        "ٹینڈر اور سرکاری اداروں کو فروخت",
    ),
    "Governance and boards": ("Zarządzanie i zarządy", "نظم و نسق اور بورڈ"),
    "Measuring impact and social value": (
        "Mierzenie wpływu i wartości społecznej",
        "اثر اور سماجی قدر کی پیمائش",
    ),
    "Skills and training": ("Umiejętności i szkolenia", "مہارتیں اور تربیت"),
    "Legal advice": ("Porady prawne", "قانونی مشورہ"),
    "Premises and community assets": (
        "Lokale i zasoby społeczności",
        "عمارتیں اور کمیونٹی اثاثے",
    ),
    "Peer support and networks": ("Wsparcie koleżeńskie i sieci", "باہمی مدد اور نیٹ ورک"),
    "Marketing and trading": ("Marketing i sprzedaż", "مارکیٹنگ اور تجارت"),
    "Converting to co-operative or employee ownership": (
        "Przekształcenie w spółdzielnię lub własność pracowniczą",
        "کوآپریٹو یا ملازمین کی ملکیت میں تبدیلی",
    ),
    "Good employment practice": ("Dobre praktyki zatrudnienia", "ملازمت کے اچھے طریقے"),
    "Exploring an idea": ("Badanie pomysłu", "خیال پر غور"),
    "Starting up": ("Początki działalności", "آغاز"),
    "Growing": ("Rozwój", "ترقی"),
    "Established": ("Stabilna działalność", "مستحکم"),
    "Changing ownership": ("Zmiana właściciela", "ملکیت کی تبدیلی"),
    "Co-operative": ("Spółdzielnia", "کوآپریٹو"),
    "Community benefit society": (
        "Stowarzyszenie na rzecz społeczności",
        "کمیونٹی بینیفٹ سوسائٹی",
    ),
    "Community interest company": ("Spółka interesu społecznego", "کمیونٹی انٹرسٹ کمپنی"),
    "Charity or trading charity": (
        "Organizacja charytatywna (także prowadząca sprzedaż)",
        "خیراتی ادارہ یا تجارتی خیراتی ادارہ",
    ),
    "Social enterprise (other forms)": (
        "Przedsiębiorstwo społeczne (inne formy)",
        "سماجی ادارہ (دیگر شکلیں)",
    ),
    "Community business": ("Firma społeczności lokalnej", "کمیونٹی کاروبار"),
    "Employee-owned business": ("Firma należąca do pracowników", "ملازمین کی ملکیت والا کاروبار"),
    "Mutual": ("Towarzystwo wzajemne", "باہمی ادارہ"),
    "Private business": ("Firma prywatna", "نجی کاروبار"),
    "Public sector body": ("Instytucja publiczna", "سرکاری ادارہ"),
    "All of Greater Manchester": ("Cały Wielki Manchester", "پورا گریٹر مانچسٹر"),
    "National or online": ("Ogólnokrajowo lub online", "ملک گیر یا آن لائن"),
    "Voluntary, community and social enterprise": (
        "Organizacje pozarządowe, społeczne i przedsiębiorstwa społeczne",
        "رضاکار، کمیونٹی اور سماجی ادارے",
    ),
    "Private sector": ("Sektor prywatny", "نجی شعبہ"),
    "Public sector": ("Sektor publiczny", "سرکاری شعبہ"),
    # Guide titles and headings.
    "Starting a social business: the first six steps": (
        "Zakładanie przedsiębiorstwa społecznego: pierwsze sześć kroków",
        "سماجی کاروبار شروع کرنا: پہلے چھ قدم",
    ),
    "Start with the problem, not the money": (
        "Zacznij od problemu, nie od pieniędzy",
        "پیسے سے نہیں، مسئلے سے شروع کریں",
    ),
    "Talk to ten people before you spend anything": (
        "Porozmawiaj z dziesięcioma osobami, zanim cokolwiek wydasz",
        "کچھ خرچ کرنے سے پہلے دس لوگوں سے بات کریں",
    ),
    "The six steps": ("Sześć kroków", "چھ قدم"),
    "From idea to first customer": ("Od pomysłu do pierwszego klienta", "خیال سے پہلے گاہک تک"),
    "What to have ready before you register": (
        "Co przygotować przed rejestracją",
        "رجسٹریشن سے پہلے کیا تیار رکھیں",
    ),
    "Before you register": ("Przed rejestracją", "رجسٹریشن سے پہلے"),
    "Questions people ask": ("Częste pytania", "لوگ جو سوال پوچھتے ہیں"),
    "Choosing a legal structure: CIC, co-operative, community benefit society or charity": (
        "Wybór formy prawnej: CIC, spółdzielnia, stowarzyszenie na rzecz społeczności czy "
        "organizacja charytatywna",
        "قانونی ڈھانچہ چننا: CIC، کوآپریٹو، کمیونٹی بینیفٹ سوسائٹی یا خیراتی ادارہ",
    ),
    "Four questions that narrow it down": (
        "Cztery pytania, które zawężą wybór",
        "چار سوال جو انتخاب محدود کرتے ہیں",
    ),
    "The main options compared": ("Porównanie głównych możliwości", "اہم اختیارات کا موازنہ"),
    "Changing later is possible, but slow": (
        "Późniejsza zmiana jest możliwa, ale powolna",
        "بعد میں تبدیلی ممکن ہے، مگر سست",
    ),
    "Model rules save time and money": (
        "Wzorcowe statuty oszczędzają czas i pieniądze",
        "نمونے کے قواعد وقت اور پیسہ بچاتے ہیں",
    ),
    "Raising money through community shares": (
        "Zbieranie pieniędzy przez udziały społecznościowe",
        "کمیونٹی شیئرز کے ذریعے پیسہ جمع کرنا",
    ),
    "Is a share offer right for you?": (
        "Czy oferta udziałów jest dla Ciebie?",
        "کیا شیئرز کی پیشکش آپ کے لیے مناسب ہے؟",
    ),
    "Signs a share offer could work": (
        "Znaki, że oferta udziałów może się udać",
        "اشارے کہ شیئرز کی پیشکش کامیاب ہو سکتی ہے",
    ),
    "Running the offer": ("Prowadzenie oferty", "پیشکش چلانا"),
    "A typical twelve-week share offer": (
        "Typowa dwunastotygodniowa oferta udziałów",
        "بارہ ہفتوں کی ایک عام شیئرز پیشکش",
    ),
    "Match funding can double your offer": (
        "Dofinansowanie uzupełniające może podwoić Twoją ofertę",
        "میچ فنڈنگ آپ کی پیشکش دگنی کر سکتی ہے",
    ),
}
STRINGS.update(
    _noted(
        {
            "The Community Wealth Hub connects co-operatives, social enterprises, community "
            "businesses and employee-owned firms in Greater Manchester with the guides, training "
            "and local support they need. Answer a few questions and we will point you to the "
            "right help.": (
                "Community Wealth Hub łączy spółdzielnie, przedsiębiorstwa społeczne, firmy "
                "społeczności lokalnych i firmy należące do pracowników w Wielkim Manchesterze z "
                "poradnikami, szkoleniami i lokalnym wsparciem. Odpowiedz na kilka pytań, a "
                "wskażemy Ci właściwą pomoc.",
                "کمیونٹی ویلتھ ہب گریٹر مانچسٹر کے کوآپریٹوز، سماجی اداروں، کمیونٹی کاروباروں "
                "اور ملازمین کی ملکیت والی کمپنیوں کو رہنماؤں، تربیت اور مقامی مدد سے جوڑتا ہے۔ "
                "چند سوالوں کے جواب دیں اور ہم آپ کو صحیح مدد تک پہنچائیں گے۔",
            ),
            "Organisations that help social businesses in Greater Manchester.": (
                "Organizacje, które pomagają przedsiębiorstwom społecznym w Wielkim Manchesterze.",
                "وہ ادارے جو گریٹر مانچسٹر میں سماجی کاروباروں کی مدد کرتے ہیں۔",
            ),
            "Practical, plain-English guides to starting and running a social business.": (
                "Praktyczne poradniki o zakładaniu i prowadzeniu przedsiębiorstwa społecznego.",
                "سماجی کاروبار شروع کرنے اور چلانے کے لیے آسان اور عملی رہنما۔",
            ),
            "Courses, workshops and webinars run by the hub and its partners.": (
                "Kursy, warsztaty i webinaria prowadzone przez centrum i jego partnerów.",
                "ہب اور اس کے شراکت داروں کے کورس، ورکشاپس اور ویبینار۔",
            ),
            "How social businesses across Greater Manchester started, grew and changed.": (
                "Jak przedsiębiorstwa społeczne w Wielkim Manchesterze powstawały, rosły i się "
                "zmieniały.",
                "گریٹر مانچسٹر کے سماجی کاروبار کیسے شروع ہوئے، بڑھے اور بدلے۔",
            ),
            "Answer a few short questions and get a plan: what to read, who can help near you, "
            "and stories of businesses like yours.": (
                "Odpowiedz na kilka krótkich pytań i otrzymaj plan: co przeczytać, kto pomoże w "
                "pobliżu i historie firm podobnych do Twojej.",
                "چند مختصر سوالوں کے جواب دیں اور ایک منصوبہ پائیں: کیا پڑھیں، قریب کون مدد کر "
                "سکتا ہے، اور آپ جیسے کاروباروں کی کہانیاں۔",
            ),
            "The Community Wealth Hub helps co-operatives, social enterprises, community "
            "businesses and employee-owned firms in Greater Manchester start and grow.": (
                "Community Wealth Hub pomaga spółdzielniom, przedsiębiorstwom społecznym, firmom "
                "społeczności lokalnych i firmom pracowniczym w Wielkim Manchesterze powstawać i "
                "się rozwijać.",
                "کمیونٹی ویلتھ ہب گریٹر مانچسٹر کے کوآپریٹوز، سماجی اداروں، کمیونٹی کاروباروں اور "
                "ملازمین کی ملکیت والی کمپنیوں کو شروع ہونے اور بڑھنے میں مدد دیتا ہے۔",
            ),
        }
    )
)
STRINGS.update(
    _guide_noted(
        {
            "For anyone with an idea for a business that puts people and place first: how to "
            "test it, who to talk to and what to decide before you register anything.": (
                "Dla każdego, kto ma pomysł na firmę stawiającą ludzi i miejsce na pierwszym "
                "miejscu: jak go sprawdzić, z kim rozmawiać i co ustalić przed rejestracją.",
                "ہر اس شخص کے لیے جس کے پاس لوگوں اور علاقے کو ترجیح دینے والے کاروبار کا خیال "
                "ہے: اسے کیسے آزمائیں، کس سے بات کریں اور رجسٹریشن سے پہلے کیا طے کریں۔",
            ),
            "A side-by-side look at the legal forms social businesses use, what each one allows "
            "and the questions that point to the right one for you.": (
                "Porównanie form prawnych przedsiębiorstw społecznych: na co każda pozwala i "
                "jakie pytania wskażą właściwą.",
                "سماجی کاروباروں کی قانونی شکلوں کا موازنہ: ہر ایک کیا اجازت دیتی ہے اور کون سے "
                "سوال آپ کے لیے صحیح شکل بتاتے ہیں۔",
            ),
        }
    )
)


def _source_text(page: Page, field: str) -> str:
    return getattr(page, field, "") or ""


def _normalise_streams(instance) -> None:
    """Save list blocks in the current format (with ids) so wagtail-localize can see them.

    Content written by code as plain lists (the demo questionnaire's answers) is otherwise
    skipped by the translation editor: only lists whose items carry ids are extracted.
    """
    from wagtail.fields import StreamField

    changed = False
    for field in instance._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        value = getattr(instance, field.name)
        before = list(value.raw_data)
        for _child in value:  # binding every block converts plain lists to the block format
            pass
        after = value.stream_block.get_prep_value(value)
        if after != before:
            setattr(instance, field.name, after)
            changed = True
    if changed:
        instance.save_revision().publish()


def translate(instance, language: str, strings: Mapping[str, str] | None = None) -> bool:
    """Translate ``instance`` into ``language``; False if it already was.

    ``strings`` maps English source text to its translation (by default the demo wording in
    :data:`STRINGS`). Anything not in it stays in English.
    """
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    locale = Locale.objects.get(language_code=language)
    if instance.get_translation_or_none(locale) is not None:
        return False
    if isinstance(instance, Page):
        _normalise_streams(instance)
    if strings is None:
        position = LANGUAGES.index(language)
        strings = {source: wording[position] for source, wording in STRINGS.items()}
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        wording = strings.get(segment.string.data)
        if wording is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": wording,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "Demo translation",
            },
        )
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Strings without a demo translation stay in English (fallback) until a translator adds them.
    if not isinstance(instance, Page):
        source.create_or_update_translation(locale, fallback=True)
        return True
    # Pages are saved as a draft and published here rather than when the transaction commits
    # (wagtail-localize's default), so that each is live before its children are added.
    source.create_or_update_translation(locale, publish=False, fallback=True)
    instance.get_translation(locale).get_latest_revision().publish()
    return True


def load(*, stdout, skeleton=False) -> None:
    """Translate the demo home page, sections, questionnaire, vocabulary and guides."""
    from portal.models import FooterText
    from portal.vocabulary import TERM_MODELS

    languages = [code for code in LANGUAGES if code in dict(settings.LANGUAGES)]
    if skeleton or not languages:
        return
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    home = site.root_page.specific
    sections = {page.slug: page for page in home.get_children().filter(slug__in=SECTIONS)}
    guides_index = sections.get("guides")
    guides = (
        list(guides_index.get_children().filter(slug__in=GUIDES).specific()) if guides_index else []
    )
    english = Locale.get_default()
    snippets = [
        term for model in TERM_MODELS.values() for term in model.objects.filter(locale=english)
    ] + list(FooterText.objects.filter(locale=english))
    made = 0
    for language in languages:
        with transaction.atomic():
            # Parents before children: a page's translation is created under its parent's.
            for instance in [home, *sections.values(), *guides, *snippets]:
                made += translate(
                    instance.specific if isinstance(instance, Page) else instance, language
                )
        _localise_start_page(home, language)
    if made:
        stdout.write(f"Created {made} demo translations into {', '.join(languages)}.")


def _localise_start_page(home: Page, language: str) -> None:
    """Point a translated home page's start button at the questionnaire in its language."""
    locale = Locale.objects.get(language_code=language)
    translated = home.get_translation_or_none(locale)
    start = getattr(home, "start_page", None)
    if translated is None or start is None:
        return
    translated = translated.specific
    target = start.get_translation_or_none(locale)
    if target is not None and translated.start_page_id != target.pk:
        translated.start_page = target
        translated.save_revision().publish()
