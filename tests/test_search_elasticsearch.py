"""Elasticsearch: the switch by ELASTICSEARCH_URL and the index mapping are proved without a
server; the live tests run only when a server answers at ELASTICSEARCH_URL."""

import os
import runpy
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from casestudies.models import CaseStudyPage
from directory.models import ProviderPage
from guides.models import GuidePage, TrainingModulePage
from search import queries
from search.elasticsearch import LanguageSearchBackend

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "portal" / "settings" / "base.py"
FAKE_URL = "http://search.invalid:9200"


def settings_with(monkeypatch, **environment):
    """The base settings as they come out with the given environment variables."""
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


@pytest.fixture
def es_backends(monkeypatch):
    return settings_with(monkeypatch, ELASTICSEARCH_URL=FAKE_URL)["WAGTAILSEARCH_BACKENDS"]


def test_database_backend_without_elasticsearch_url(monkeypatch):
    backends = settings_with(monkeypatch)["WAGTAILSEARCH_BACKENDS"]
    assert backends == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_elasticsearch_url_switches_to_one_index_per_language(monkeypatch, es_backends):
    languages = [code for code, _name in settings_with(monkeypatch)["LANGUAGES"]]
    assert set(es_backends) == {"default", *languages}
    for config in es_backends.values():
        assert config["BACKEND"] == "search.elasticsearch"
        assert config["URLS"] == [FAKE_URL]
    assert es_backends["default"]["INDEX_PREFIX"] == "cwh_"
    assert es_backends["default"]["LANGUAGE"] is None
    assert es_backends["zh-hans"]["INDEX_PREFIX"] == "cwh_zh_hans_"
    assert es_backends["pl"]["LANGUAGE"] == "pl"


def test_index_prefix_comes_from_the_environment(monkeypatch):
    backends = settings_with(
        monkeypatch, ELASTICSEARCH_URL=FAKE_URL, ELASTICSEARCH_INDEX_PREFIX="hub2_"
    )["WAGTAILSEARCH_BACKENDS"]
    assert backends["ur"]["INDEX_PREFIX"] == "hub2_ur_"


@pytest.mark.django_db
def test_each_language_has_its_own_index_and_analyser(es_backends):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends):
        polish = get_search_backend("pl")
        english = get_search_backend("en")
        everything = get_search_backend()
    assert isinstance(polish, LanguageSearchBackend)
    assert polish.get_index_for_model(GuidePage).name == "cwh_pl_wagtailcore_page"
    assert english.get_index_for_model(ProviderPage).name == "cwh_en_wagtailcore_page"
    assert everything.get_index_for_model(GuidePage).name == "cwh_wagtailcore_page"
    assert english.settings["settings"]["analysis"]["analyzer"]["default"] == {"type": "english"}
    assert polish.settings["settings"]["analysis"]["analyzer"]["default"]["filter"] == [
        "lowercase",
        "asciifolding",
    ]
    assert "default" not in everything.settings["settings"]["analysis"]["analyzer"]
    # Wagtail's edge n-gram analyser for partial words is still there in every index.
    assert "edgengram_analyzer" in polish.settings["settings"]["analysis"]["analyzer"]


@pytest.mark.django_db
def test_mapping_of_the_portal_page_types(es_backends):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends):
        backend = get_search_backend("en")
    for model in (GuidePage, TrainingModulePage, CaseStudyPage, ProviderPage):
        properties = backend.mapping_class(model).get_mapping()["properties"]
        # The title is weighed twice as much as other text, and matched by word starts.
        assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
        assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"
        # What the search filters on is stored as exact values.
        for name in ("live_filter", "locale_id_filter", "path_filter"):
            assert properties[name]["type"] in ("keyword", "boolean", "integer", "long")
        summary = f"{model._meta.app_label}_{model._meta.model_name}__summary"
        assert properties[summary]["type"] == "text"
    provider = backend.mapping_class(ProviderPage).get_mapping()["properties"]
    assert provider["directory_providerpage__tags"]["type"] == "nested"
    case_study = backend.mapping_class(CaseStudyPage).get_mapping()["properties"]
    assert (
        "_all_text_boost_2_0"
        in case_study["casestudies_casestudypage__organisation_name"]["copy_to"]
    )


@pytest.mark.django_db
def test_a_language_index_stores_only_its_language(es_backends, home):
    from tests.search_content import add, sections

    english = add(sections(home)["guides"], GuidePage, title="Community shares")
    polish_locale = Locale.objects.get(language_code="pl")
    polish = english.copy_for_translation(polish_locale, copy_parents=True)
    polish.save_revision().publish()
    sent = []
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends):
        backend = get_search_backend("pl")
    backend.bulk = lambda es, actions, **kwargs: sent.extend(actions)
    index = backend.get_index_for_model(GuidePage)
    index.add_items(GuidePage, [english, polish])
    assert [action["_id"] for action in sent] == [str(polish.pk)]
    document = sent[0]
    assert document["title"] == polish.title
    assert "guides_guidepage__summary" in document


@pytest.mark.django_db
def test_public_search_asks_the_visitors_language_then_english(es_backends):
    english = Locale.objects.get(language_code="en")
    polish = Locale.objects.get(language_code="pl")
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends):
        assert queries.backend_scopes(active=polish, default=english) == [
            ("pl", [polish.pk]),
            ("en", [english.pk]),
        ]
        assert queries.backend_scopes(active=english, default=english) == [("en", [english.pk])]
    # With the database backend, one index holds every language.
    assert queries.backend_scopes(active=polish, default=english) == [
        ("default", sorted([english.pk, polish.pk]))
    ]


# --- live server ---------------------------------------------------------------------------


def _server_url() -> str | None:
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        return None
    try:
        from elasticsearch import Elasticsearch

        return url if Elasticsearch(url, request_timeout=2).ping() else None
    except Exception:  # noqa: BLE001 - any failure means there is no usable server
        return None


live = pytest.mark.skipif(
    _server_url() is None,
    reason="no Elasticsearch server: set ELASTICSEARCH_URL to a reachable Elasticsearch 8 server",
)


@pytest.fixture
def live_backends(monkeypatch):
    backends = settings_with(monkeypatch, ELASTICSEARCH_URL=os.environ["ELASTICSEARCH_URL"])[
        "WAGTAILSEARCH_BACKENDS"
    ]
    for config in backends.values():
        config["INDEX_PREFIX"] = "test_" + config["INDEX_PREFIX"]
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield backends


@pytest.mark.elasticsearch
@live
@pytest.mark.django_db
def test_live_update_index_then_search_finds_pages(client, home, live_backends):
    from django.core.management import call_command

    from tests.search_content import build_relevance_site

    pages = build_relevance_site(home)
    call_command("update_index", verbosity=0)
    for name in live_backends:
        get_search_backend(name).refresh_indexes()
    html = client.get("/search/", {"q": "coop"}).content.decode()
    assert "Setting up a <mark>co-operative</mark>" in html
    html = client.get("/search/", {"q": "procure"}).content.decode()
    assert pages["procurement_guide"].url in html


@pytest.mark.elasticsearch
@live
@pytest.mark.django_db
def test_live_saving_and_deleting_keep_the_index_in_step(client, home, live_backends):
    from tests.search_content import add, sections

    page = add(sections(home)["guides"], GuidePage, title="Allotment co-operatives")
    get_search_backend("en").refresh_indexes()
    assert "Allotment" in client.get("/search/", {"q": "allotment"}).content.decode()
    page.delete()
    get_search_backend("en").refresh_indexes()
    assert "Nothing found" in client.get("/search/", {"q": "allotment"}).content.decode()
