"""Fill a benchmark database with a large, clearly synthetic data set, in minutes.

Publishing ten thousand pages one by one (revisions, signals, search indexing per page) would
take hours, so pages are written in bulk: tree paths are worked out directly, the specific
rows and many-to-many rows are inserted in batches, and the facet table is filled from each
page's own ``facet_values``. Then the search index is rebuilt once for the new pages.

Only ever run it against a benchmark database (the default is refused unless the
``--database`` URL is given): every title starts with "Synthetic" so nothing can be
mistaken for real content.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from portal.models import Area, AudienceSector, OrganisationType, PageFacet, Stage, SupportNeed

MARK = "Synthetic"
BATCH = 500
#: Share of each kind of page written in a language other than English.
TRANSLATED_SHARE = 0.15
_WORDS_TEXT = (
    "co-operative community share offer members board governance funding grant loan tender "
    "social value procurement local supply chain volunteers impact trading surplus "
    "ownership employee buyout succession plan budget cash flow bookkeeping marketing "
    "premises lease asset transfer network training mentoring legal structure constitution "
    "rules democracy wellbeing food energy housing retail care childcare transport digital "
    "skills"
)
WORDS = _WORDS_TEXT.split()
TOPICS = [f"synthetic topic {n}" for n in range(40)]
LANGUAGE_CODES = ["en", "ur", "pl", "ar", "bn", "zh", "so", "pa", "gu", "ro", "fa", "ku"]
POSTCODES = ["M1 1AE", "M4 5JD", "OL1 1AA", "BL1 1AA", "WN1 1AA", "SK1 1AA", "M33 7AA", "OL16 1AA"]


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(words(rng, rng.randint(8, 16)).capitalize() + "." for _ in range(sentences))


def body(rng: random.Random, sections: int = 3) -> list[dict]:
    stream = []
    for n in range(sections):
        heading = f"{words(rng, 3).capitalize()} {n + 1}"
        stream.append({"type": "heading", "value": {"text": heading, "level": "h2", "anchor": ""}})
        stream.append({"type": "paragraph", "value": f"<p>{paragraph(rng, 4)}</p>"})
    for block in stream:
        block["id"] = str(uuid.uuid4())
    return stream


class Command(BaseCommand):
    help = (
        "Generate a synthetic data set (titles start with 'Synthetic') into a benchmark "
        "database: migrates it, loads the demo content, then adds the pages in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database",
            required=True,
            help="A database URL (sqlite:///bench/scale.sqlite3, postgres://.../cwh_bench), or "
            "'default' to use DATABASE_URL as it is set.",
        )
        parser.add_argument("--providers", type=int, default=10_000)
        parser.add_argument("--guides", type=int, default=2_000)
        parser.add_argument("--modules", type=int, default=500)
        parser.add_argument("--case-studies", type=int, default=1_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--skip-index", action="store_true", help="Leave the search index as it is."
        )

    def handle(self, *args, database: str, **options):
        if database != "default":
            # Django's connection is set up from DATABASE_URL at start-up; the simplest honest
            # way to target another database is to run the whole job with that URL.
            self._run_elsewhere(database, options)
            return
        if not connection.settings_dict["NAME"] or "bench" not in str(
            connection.settings_dict["NAME"]
        ):
            raise CommandError(
                "Refusing to write synthetic data into a database whose name does not contain "
                "'bench'. Point --database at a benchmark database."
            )
        sizes = {
            "directory.ProviderPage": options["providers"],
            "guides.GuidePage": options["guides"],
            "guides.TrainingModulePage": options["modules"],
            "casestudies.CaseStudyPage": options["case_studies"],
        }
        existing = self._existing(sizes)
        if existing == sizes:
            self.stdout.write(f"Synthetic data of these sizes is already in place: {sizes}")
            self._analyze()
            return
        if any(existing.values()):
            raise CommandError(
                f"The database holds a synthetic data set of other sizes ({existing}); "
                "delete the benchmark database and run again."
            )
        started = time.monotonic()
        Generator(seed=options["seed"], stdout=self.stdout).run(sizes)
        self.stdout.write(f"Pages written in {time.monotonic() - started:.0f} s.")
        if not options["skip_index"]:
            started = time.monotonic()
            call_command("update_index", verbosity=0)
            self.stdout.write(f"Search index rebuilt in {time.monotonic() - started:.0f} s.")
        self._analyze()
        self.stdout.write(self.style.SUCCESS("Synthetic data set ready."))

    def _analyze(self) -> None:
        # Bulk-loaded tables have no planner statistics until autovacuum gets round to them;
        # without them PostgreSQL picked plans that took seconds for a filtered listing.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _existing(self, sizes: dict[str, int]) -> dict[str, int]:
        return {
            label: apps.get_model(label).objects.filter(title__startswith=MARK).count()
            for label in sizes
        }

    def _run_elsewhere(self, url: str, options: dict) -> None:
        env = {**os.environ, "DATABASE_URL": url}
        manage = [sys.executable, "manage.py"]
        steps = [
            [*manage, "migrate", "--no-input", "-v", "0"],
            [*manage, "load_demo_content"],
            [
                *manage,
                "generate_scale_data",
                "--database",
                "default",
                "--providers",
                str(options["providers"]),
                "--guides",
                str(options["guides"]),
                "--modules",
                str(options["modules"]),
                "--case-studies",
                str(options["case_studies"]),
                "--seed",
                str(options["seed"]),
                *(["--skip-index"] if options["skip_index"] else []),
            ],
        ]
        for step in steps:
            self.stdout.write("$ " + " ".join(step[1:]))
            self.stdout.flush()
            result = subprocess.run(step, env=env, check=False)
            if result.returncode:
                raise CommandError(f"{' '.join(step[1:3])} failed ({result.returncode}).")


class Generator:
    """Writes the synthetic pages; one instance per run."""

    def __init__(self, *, seed: int, stdout):
        self.rng = random.Random(seed)
        self.stdout = stdout
        self.now = timezone.now()
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Locale = apps.get_model("wagtailcore", "Locale")
        self.Tag = apps.get_model("taggit", "Tag")
        self.terms = {
            "needs": list(SupportNeed.objects.filter(locale__language_code="en")),
            "stages": list(Stage.objects.filter(locale__language_code="en")),
            "types": list(OrganisationType.objects.filter(locale__language_code="en")),
            "areas": list(Area.objects.filter(locale__language_code="en")),
            "sectors": list(AudienceSector.objects.filter(locale__language_code="en")),
        }
        if not all(self.terms.values()):
            raise CommandError("Load the vocabulary first (manage.py load_demo_content).")
        self.boroughs = [a for a in self.terms["areas"] if a.coverage == Area.Coverage.BOROUGH]

    # -- The tree -------------------------------------------------------------------------------

    def section(self, model_label: str, locale) -> object:
        """The live section index for a page type in ``locale``, translating it if needed."""
        Model = apps.get_model(model_label)
        en = Model.objects.filter(locale__language_code="en").first()
        if en is None:
            raise CommandError(f"No {model_label} in English: load the demo content first.")
        if locale.language_code == "en":
            return en
        found = Model.objects.filter(translation_key=en.translation_key, locale=locale).first()
        if found is None:
            # An alias keeps the section's English text but gives the language its own tree.
            found = en.copy_for_translation(locale, copy_parents=True, alias=True)
        return found

    def pages(self, parent, model, rows: list[dict]) -> list:
        """Insert ``rows`` as live children of ``parent`` in bulk; returns the specific pages."""
        Page = self.Page
        content_type = ContentType.objects.get_for_model(model)
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        base_rows, specific = [], []
        for offset, row in enumerate(rows, start=1):
            fields = dict(row)
            slug = fields.pop("slug")
            title = fields.pop("title")
            translation_key = fields.pop("translation_key", None) or uuid.uuid4()
            published = fields.pop("published")
            base_rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(parent.path, parent.depth + 1, step + offset),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    content_type=content_type,
                    locale_id=parent.locale_id,
                    translation_key=translation_key,
                    search_description="",
                )
            )
            specific.append(fields)
        with transaction.atomic():
            created = []
            for start in range(0, len(base_rows), BATCH):
                created += Page.objects.bulk_create(base_rows[start : start + BATCH])
            instances = []
            for page, fields in zip(created, specific, strict=True):
                obj = model(page_ptr_id=page.pk, **fields)
                obj.__dict__.update(
                    {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
                )
                instances.append(obj)
            local = [f for f in model._meta.local_concrete_fields]
            for start in range(0, len(instances), BATCH):
                model._base_manager._insert(instances[start : start + BATCH], fields=local)
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
        return instances

    # -- Relations and facets -------------------------------------------------------------------

    def tags(self) -> list:
        existing = {t.name: t for t in self.Tag.objects.filter(name__in=TOPICS)}
        missing = [
            self.Tag(name=name, slug=name.replace(" ", "-"))
            for name in TOPICS
            if name not in existing
        ]
        self.Tag.objects.bulk_create(missing)
        return list(self.Tag.objects.filter(name__in=TOPICS))

    def relate(self, model, instances: list, choices: dict[str, dict[int, list]]) -> None:
        """Bulk-insert many-to-many rows: ``choices[field][page_pk]`` lists the related objects."""
        for name, by_page in choices.items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            rows = [
                through(**{f"{source}_id": pk, f"{target}_id": obj.pk})
                for pk, objs in by_page.items()
                for obj in objs
            ]
            through.objects.bulk_create(rows, batch_size=BATCH)

    def tag(self, model, instances: list, by_page: dict[int, list]) -> None:
        through = model.tags.through
        through.objects.bulk_create(
            [
                through(content_object_id=pk, tag_id=tag.pk)
                for pk, tags in by_page.items()
                for tag in tags
            ],
            batch_size=BATCH,
        )

    def facets(self, model, instances: list, m2m: dict[str, dict[int, list]], tags) -> None:
        """PageFacet rows exactly as the page's own ``facet_values`` would give them."""
        rows = []
        for obj in instances:
            for name, by_page in m2m.items():
                # The in-memory relation of an unsaved cluster; facet_values only reads .all().
                setattr(obj, name, by_page.get(obj.pk, []))
            if tags is not None:
                obj.tags.set(tags.get(obj.pk, []))
            merged: dict[tuple[str, str], bool] = {}
            for param, value, implied in obj.facet_values():
                key = (param, value[:100])
                merged[key] = merged.get(key, True) and implied
            rows += [
                PageFacet(page_id=obj.pk, param=p, value=v, implied=i)
                for (p, v), i in merged.items()
            ]
        PageFacet.objects.bulk_create(rows, batch_size=BATCH)

    def pick(self, key: str, low: int, high: int) -> list:
        pool = self.terms[key]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    # -- Each kind of page ----------------------------------------------------------------------

    def run(self, sizes: dict[str, int]) -> None:
        self.topic_tags = self.tags()
        locales = list(self.Locale.objects.order_by("pk"))
        english = next(loc for loc in locales if loc.language_code == "en")
        others = [loc for loc in locales if loc.language_code != "en"]
        makers = {
            "directory.ProviderPage": ("directory.DirectoryIndexPage", self.provider_fields),
            "guides.GuidePage": ("guides.GuideIndexPage", self.guide_fields),
            "guides.TrainingModulePage": ("guides.TrainingIndexPage", self.module_fields),
            "casestudies.CaseStudyPage": ("casestudies.CaseStudyIndexPage", self.story_fields),
        }
        for label, total in sizes.items():
            started = time.monotonic()
            model = apps.get_model(label)
            index_label, make = makers[label]
            translated = int(total * TRANSLATED_SHARE) if others else 0
            plan = [(english, total - translated)]
            per = translated // len(others) if others else 0
            plan += [(loc, per) for loc in others]
            plan[0] = (english, plan[0][1] + translated - per * len(others))
            sources: list = []
            for locale, count in plan:
                if not count:
                    continue
                parent = self.section(index_label, locale)
                rows = []
                for n in range(count):
                    fields = make(n, locale.language_code)
                    if locale.language_code != "en" and sources:
                        # A translation of an English page: same translation key.
                        fields["translation_key"] = sources[n % len(sources)].translation_key
                    rows.append(fields)
                instances = self._write(model, parent, rows)
                if locale.language_code == "en":
                    sources = instances
            self.stdout.write(f"  {label}: {total} pages in {time.monotonic() - started:.0f} s")

    def _write(self, model, parent, rows: list[dict]) -> list:
        m2m_names = [
            name
            for name in ("needs", "stages", "organisation_types", "areas", "sectors")
            if any(f.name == name for f in model._meta.get_fields())
        ]
        instances = []
        for start in range(0, len(rows), 2_000):
            chunk = rows[start : start + 2_000]
            with transaction.atomic():
                created = self.pages(parent, model, chunk)
                m2m = {name: {} for name in m2m_names}
                keys = {
                    "needs": ("needs", 1, 3),
                    "stages": ("stages", 1, 2),
                    "organisation_types": ("types", 1, 2),
                    "areas": ("areas", 1, 2),
                    "sectors": ("sectors", 1, 2),
                }
                for obj in created:
                    for name in m2m_names:
                        key, low, high = keys[name]
                        m2m[name][obj.pk] = self.pick(key, low, high)
                self.relate(model, created, m2m)
                tags = {obj.pk: self.rng.sample(self.topic_tags, 2) for obj in created}
                self.tag(model, created, tags)
                self.facets(model, created, m2m, tags)
            instances += created
        return instances

    def _common(self, n: int, lang: str, kind: str) -> dict:
        prefix = "" if lang == "en" else f"[{lang}] "
        days = self.rng.randint(0, 900)
        title = f"{MARK} {prefix}{kind} {n + 1}: {words(self.rng, 3)}"
        return {
            "title": title[:255],
            "slug": f"synthetic-{kind.lower().replace(' ', '-')}-{n + 1:05d}",
            "published": self.now - timedelta(days=days, minutes=n),
            "summary": paragraph(self.rng, 2)[:300],
            "last_reviewed": date.today() - timedelta(days=self.rng.randint(0, 500)),
        }

    def provider_fields(self, n: int, lang: str) -> dict:
        rng = self.rng
        fields = self._common(n, lang, "provider")
        spoken = ["en", *rng.sample(LANGUAGE_CODES[1:], rng.randint(0, 3))]
        fields.update(
            {
                "uuid": uuid.uuid4(),
                "external_id": f"synthetic-{lang}-{n + 1}",
                "description": f"<p>{paragraph(rng, 4)}</p>",
                "in_person": rng.random() < 0.6,
                "online": rng.random() < 0.5,
                "phone_support": rng.random() < 0.3,
                "cost": rng.choice(["free", "subsidised", "paid", "membership", ""]),
                "languages": ", ".join(spoken),
                "eligibility": paragraph(rng, 1),
                "accessibility": "Step-free access.",
                "website": f"https://provider-{n + 1}.example.org/",
                "email": f"hello{n + 1}@example.org",
                "phone": f"0161 496 0{rng.randint(0, 999):03d}",
                "opening_hours": "Monday to Friday 9am to 5pm",
            }
        )
        return fields

    def guide_fields(self, n: int, lang: str) -> dict:
        fields = self._common(n, lang, "guide")
        fields.update({"body": body(self.rng), "reading_minutes": self.rng.randint(2, 12)})
        return fields

    def module_fields(self, n: int, lang: str) -> dict:
        rng = self.rng
        fields = self._common(n, lang, "module")
        fields.update(
            {
                "duration_minutes": rng.choice([60, 90, 180, 360]),
                "level": rng.choice(["introductory", "intermediate", "advanced"]),
                "format": rng.choice(["self-paced", "workshop", "webinar", "course"]),
                "prerequisites": "",
            }
        )
        return fields

    def story_fields(self, n: int, lang: str) -> dict:
        rng = self.rng
        fields = self._common(n, lang, "case study")
        fields.update(
            {
                "organisation_name": f"Synthetic Example Co-op {n + 1}",
                "organisation_type_id": rng.choice(self.terms["types"]).pk,
                "borough_id": rng.choice(self.boroughs).pk,
                "stage_id": rng.choice(self.terms["stages"]).pk,
                "sector_id": rng.choice(self.terms["sectors"]).pk,
                "challenge": f"<p>{paragraph(rng, 3)}</p>",
                "approach": body(rng, 2),
                "results": f"<p>{paragraph(rng, 3)}</p>",
                "reading_minutes": rng.randint(2, 8),
            }
        )
        return fields
