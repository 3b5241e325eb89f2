"""Inside Django, against the benchmark database: pick the URLs to measure and count queries.

Run by bench/run.py with the same environment as the server (production settings, the
benchmark database). Prints one JSON document: every URL with its kind and the number of
database queries one request makes once warm (Django's test client with
CaptureQueriesContext, in this process only; the server never records queries).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import faulthandler  # noqa: E402

import django  # noqa: E402

if os.environ.get("BENCH_TRACE"):
    faulthandler.dump_traceback_later(int(os.environ["BENCH_TRACE"]))

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from portal.models import PageFacet  # noqa: E402

HOST = "127.0.0.1"


def first_synthetic(label: str):
    model = apps.get_model(label)
    found = (
        model.objects.live()
        .filter(title__startswith="Synthetic", locale__language_code="en")
        .order_by("path")
        .first()
    )
    return found or model.objects.live().filter(locale__language_code="en").first()


def popular(param: str, *, within: str, exclude: tuple[str, ...] = ()) -> str:
    """A value of ``param`` that many pages of one kind carry, so filtered lists are not empty."""
    row = (
        PageFacet.objects.filter(param=param, page__url_path__startswith=within, implied=False)
        .exclude(value__in=exclude)
        .values("value")
        .order_by("value")
        .first()
    )
    return row["value"] if row else ""


def listing(path: str, within: str, params: tuple[str, ...]) -> str:
    pairs = [(param, popular(param, within=within)) for param in params]
    return f"{path}?{urlencode([(p, v) for p, v in pairs if v])}"


def questionnaire_steps(client: Client) -> list[tuple[str, str]]:
    """Each step of the default questionnaire, answering the first choice, then the plan."""
    steps = [("questionnaire start", "/find-support/")]
    response = client.get("/find-support/", HTTP_HOST=HOST)
    body = response.content.decode()
    marker = 'href="?step='
    if marker not in body:
        return steps
    start = body.index(marker) + len('href="')
    url = "/find-support/" + body[start : body.index('"', start)].replace("&amp;", "&")
    for number in range(1, 15):
        steps.append((f"questionnaire step {number}", url))
        key = parse_qs(urlsplit(url).query).get("step", [""])[0]
        answered = client.get(f"{url}&q={key}&answer=1", HTTP_HOST=HOST)
        if answered.status_code != 302:
            break
        url = answered["Location"].replace(f"http://{HOST}", "")
        if "/results/" in url:
            steps.append(("plan (result)", url))
            break
    return steps


def targets() -> list[dict]:
    client = Client()
    guide = first_synthetic("guides.GuidePage")
    module = first_synthetic("guides.TrainingModulePage")
    story = first_synthetic("casestudies.CaseStudyPage")
    provider = first_synthetic("directory.ProviderPage")
    service = client.get("/api/oruk/services?per_page=1", HTTP_HOST=HOST).json()["contents"][0]
    directory_q = listing("/directory/", "/home/directory/", ("need", "area", "mode"))
    urls = [
        ("home", "page", "/"),
        ("guide", "page", guide.url),
        ("module", "page", module.url),
        ("case study", "page", story.url),
        ("provider", "page", provider.url),
        ("guides listing", "listing", "/guides/"),
        ("guides, two facets", "filtered", listing("/guides/", "/home/guides/", ("need", "stage"))),
        ("training listing", "listing", "/training/"),
        (
            "training, two facets",
            "filtered",
            listing("/training/", "/home/training/", ("need", "level")),
        ),
        ("case studies listing", "listing", "/case-studies/"),
        (
            "case studies, two facets",
            "filtered",
            listing("/case-studies/", "/home/case-studies/", ("need", "area")),
        ),
        ("directory", "listing", "/directory/"),
        (
            "directory, two facets",
            "filtered",
            listing("/directory/", "/home/directory/", ("need", "area")),
        ),
        ("directory, three facets + query", "filtered", directory_q + "&q=co-operative"),
        ("search", "filtered", "/search/?q=funding"),
    ]
    urls += [
        (name, "plan" if "plan" in name else "step", url)
        for name, url in questionnaire_steps(client)
    ]
    urls += [
        ("ORUK services list", "api", "/api/oruk/services"),
        ("ORUK service item", "api", f"/api/oruk/services/{service['id']}"),
    ]
    results = []
    if os.environ.get("BENCH_SKIP_QUERIES"):
        return [{"name": name, "kind": kind, "path": url} for name, kind, url in urls]
    for name, kind, url in urls:
        client.get(url, HTTP_HOST=HOST)  # warm: vocabulary and other per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_HOST=HOST)
        results.append(
            {
                "name": name,
                "kind": kind,
                "path": url,
                "status": response.status_code,
                "queries": len(queries),
                "html_bytes": len(response.content),
            }
        )
    return results


if __name__ == "__main__":
    json.dump({"urls": targets()}, sys.stdout, indent=1)
