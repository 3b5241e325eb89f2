"""Hostile input at every public address: never a server error, never our marker unescaped.

Hypothesis builds query strings, form posts and headers from known parameter names, random
text and a list of classic attacks. The budget is small and fixed (derandomised, a few
dozen examples per test), so this adds seconds to the suite, not minutes.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casestudies.models import CaseStudyIndexPage
from guides.models import GuideIndexPage
from tests.content_factories import make_guide
from tests.test_directory_factories import make_provider

MARKER = "<x-fuzz>"
BUDGET = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PARAMS = [
    "q", "page", "sort", "need", "stage", "type", "area", "sector", "tag", "mode", "cost",
    "lang", "level", "format", "step", "skip", "answer", "action", "changing", "notice",
    "untranslated", "postcode", "proximity", "per_page", "search", "taxonomy_id",
    "taxonomy_term_id", "email", "message", "next", "utm_source",
]  # fmt: skip
HOSTILE = [
    MARKER,
    f'"><{MARKER[1:]}',
    f"'{MARKER}",
    "javascript:alert(1)",
    "%00",
    "\x00",
    "\u202e\u0000\ud7ff",
    "../../etc/passwd",
    "' OR 1=1 --",
    "-1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "a" * 3000,
    "%",
    "{{ 7*7 }}",
    "${7*7}",
    "\r\nSet-Cookie: x=1",
]
text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60))
pairs = st.lists(st.tuples(st.sampled_from(PARAMS), text), max_size=8)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.one_of(st.sampled_from(["ur", "pl;q=0.9", "*", "zz-ZZ"]), text),
        "HTTP_REFERER": text,
        "HTTP_USER_AGENT": text,
        "HTTP_X_FORWARDED_FOR": st.sampled_from(["1.2.3.4", "not an address", "::1, 10.0.0.1"]),
        "HTTP_COOKIE": st.sampled_from(["django_language=zz", "csrftoken=" + "x" * 64, "a=b"]),
        "HTTP_ACCEPT": st.sampled_from(["application/json", "*/*", "text/html;q=0.1"]),
    },
)


@pytest.fixture
def public_urls(section):
    guide = make_guide(section(GuideIndexPage), title="Fuzz guide", need=["funding"])
    provider = make_provider("Fuzz provider", needs=("funding",), areas=("wigan",))
    return [
        "/",
        "/guides/",
        guide.url,
        "/training/",
        section(CaseStudyIndexPage).url,
        "/directory/",
        provider.url,
        provider.url + "report/",
        "/find-support/",
        "/find-support/results/",
        "/search/",
        "/search/suggest/",
        "/ur/directory/",
        "/ar/guides/",
        "/api/oruk/services",
        "/api/oruk/service_at_locations",
        "/api/oruk/taxonomy_terms",
        "/api/oruk/services/" + str(provider.uuid),
        "/healthz",
        "/no-such-page/",
    ]


def check(response, url: str) -> None:
    assert response.status_code < 500, (url, response.status_code)
    if "html" in response.get("Content-Type", "") and not response.streaming:
        assert MARKER not in response.content.decode("utf-8", "replace"), url


@BUDGET
@given(index=st.integers(min_value=0, max_value=19), query=pairs, extra=headers)
def test_hostile_query_strings_and_headers_never_break_a_page(
    client, public_urls, index, query, extra
):
    url = public_urls[index % len(public_urls)]
    check(client.get(url, dict(_grouped(query)), **extra), url)


@BUDGET
@given(index=st.integers(min_value=0, max_value=19), form=pairs)
def test_hostile_form_posts_never_break_a_page(client, public_urls, index, form):
    url = public_urls[index % len(public_urls)]
    check(client.post(url, dict(_grouped(form))), url)


@BUDGET
@given(path=text)
def test_hostile_paths_give_a_normal_not_found(client, db, path):
    url = "/" + path.replace("\x00", "").lstrip("/")
    check(client.get(url), url)


def _grouped(items):
    grouped: dict[str, list[str]] = {}
    for name, value in items:
        grouped.setdefault(name, []).append(value)
    return grouped
