"""Whatever is typed or sent, the search page and the suggestions answer normally, never a 500."""

import json
import re

import pytest

from tests.search_content import build_relevance_site

BAD_QUERIES = [
    "",
    " ",
    "\t\n  \r",
    "co-op " * 400,  # 2,400 characters
    "x" * 2000,
    '"',
    '""',
    '"co-op',
    'co-op"',
    "'",
    "*",
    "co*",
    "* * *",
    "NEAR",
    "co NEAR/3 op",
    "NEAR(co op)",
    "AND OR",
    "AND",
    "OR NOT",
    "co-op AND OR NOT funding",
    "-",
    "--",
    "-funding",
    "co-",
    "^",
    "title:funding",
    "{}[]()",
    "\\",
    "%",
    "_",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "&amp; &lt;",
    "کوآپریٹو کیسے شروع کریں",  # Urdu
    "تعاونية تمويل",  # Arabic
    "合作社 资金",  # Chinese
    "Spółdzielnia źródła żółć",  # Polish diacritics
    "🙂",
    "co-op 🚀 funding",
    "\x00",
    "co\x00op",
    "\u200b\u200e\u202e",  # zero-width and direction marks
    "e\u0301",  # combining accent
    "ﬁnance",  # ligature
    "Ｆｕｎｄｉｎｇ",  # full-width letters
]

RAW_QUERY_STRINGS = [
    "q=%FF%FE%FD",  # invalid UTF-8
    "q=%C3%28",
    "q=%ED%A0%80",  # an encoded surrogate
    "q=%00%00",
    "q=co%00op",
    "q=\xff\xfe",  # raw bytes, not even percent-encoded
    "q=a&q=b&q=c",
    "q=%",
    "q=%%%25",
    "q=funding&page=-1",
    "q=funding&page=1e9",
    "q=funding&page=99999999999999999999",
    "q=funding&need=%FF",
    "q=funding&need=" + "x" * 500,
    "q=funding&kind=" + "&kind=".join(["guide"] * 50),
    "q=funding&" + "&".join(f"need=n{i}" for i in range(200)),
    "q[]=funding",
    "&&&",
]


@pytest.fixture
def site_pages(home):
    return build_relevance_site(home)


def assert_normal_page(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert 'class="search-box"' in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_bad_queries_give_a_normal_page(client, site_pages):
    for query in BAD_QUERIES:
        response = client.get("/search/", {"q": query})
        assert_normal_page(response)


@pytest.mark.django_db
def test_bad_queries_in_other_languages(client, site_pages):
    for query in BAD_QUERIES[::3]:
        for prefix in ("/ur", "/pl", "/zh-hans"):
            assert_normal_page(client.get(f"{prefix}/search/", {"q": query}))


@pytest.mark.django_db
def test_raw_query_strings_give_a_normal_page(client, site_pages):
    for raw in RAW_QUERY_STRINGS:
        assert_normal_page(client.get("/search/", QUERY_STRING=raw))


@pytest.mark.django_db
def test_bad_queries_give_normal_suggestions(client, site_pages):
    # Each from its own address, so the sweep stays under the per-address limit.
    for n, query in enumerate(BAD_QUERIES):
        response = client.get("/search/suggest/", {"q": query}, REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 200
        assert isinstance(json.loads(response.content)["results"], list)
    for n, raw in enumerate(RAW_QUERY_STRINGS):
        response = client.get("/search/suggest/", QUERY_STRING=raw, REMOTE_ADDR=f"198.51.100.{n}")
        assert response.status_code == 200
        assert isinstance(json.loads(response.content)["results"], list)


@pytest.mark.django_db
def test_search_syntax_is_searched_as_words(client, site_pages):
    html = client.get("/search/", {"q": '"co-op AND funding*'}).content.decode()
    assert "<mark>Funding</mark> and social investment explained" in html


@pytest.mark.django_db
def test_query_of_symbols_only_explains_itself(client, site_pages):
    html = client.get("/search/", {"q": "*** 🙂 --"}).content.decode()
    assert "Type a word or two with letters or numbers" in html


@pytest.mark.django_db
def test_very_long_query_is_cut_and_still_finds(client, site_pages):
    html = client.get("/search/", {"q": "procurement " + "x" * 3000}).content.decode()
    shown = re.search(r'id="search-q" name="q" [^>]*value="([^"]*)"', html).group(1)
    assert shown == "procurement " + "x" * 188
    assert "Selling to public bodies" in html
