"""Shared fixtures. Every database test starts from the site skeleton: languages, the shared
vocabulary, the home page and the section pages, as `load_demo_content --skeleton` builds them."""

import io
import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", skeleton=True, stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def section(home):
    """The section index page of a given type under the English home page."""

    def find(model):
        return model.objects.child_of(home).get()

    return find
