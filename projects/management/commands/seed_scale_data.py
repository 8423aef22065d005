"""Many releases and events quickly, to measure the site at size (`make bench`, the scale figures).

    manage.py seed_scale_data --releases 10000 --events 3000

Bulk inserts in batches, so 10,000 releases take seconds. Every release is published (a few are
drafts or scheduled for later, as in real life) with an English text of a few paragraphs; each other
language is written for about 60 % of them, chosen independently. Events spread over the project's
years, hosted and visited by the partner cities. Run it after load_demo_content (it needs the
partner cities); run again, it adds more (the slugs carry a run number).
"""

import datetime
import random

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from projects import translation_status
from projects.models import LANGUAGE_CODES, Partner, PressRelease
from projects.web.cache import bump_content_version

# Sample words of each language, with the accented ones search must find without accents.
WORDS = {
    "en": "city digital services citizens partners meeting phase summary project data open council".split(),  # noqa: SIM905
    "et": "linn digitaalne teenus kodanik partner kohtumine faas kokkuvõte projekt andmed avatud".split(),  # noqa: SIM905
    "hu": "város digitális szolgáltatás polgár partner találkozó fázis összefoglaló projekt adat nyílt".split(),  # noqa: SIM905
    "it": "città digitale servizi cittadini partner incontro fase sintesi progetto dati aperti".split(),  # noqa: SIM905
    "sv": "stad digitala tjänster medborgare partner möte fas sammanfattning projekt data öppna".split(),  # noqa: SIM905
}
CITIES = ["Genoa", "Gävle", "Birmingham", "Tartu", "Nyíregyháza"]
TRANSLATED_SHARE = 0.6
BATCH = 1000


def _sentence(rng, language, length):
    words = rng.choices(WORDS[language], k=length)
    words.insert(rng.randrange(length), rng.choice(CITIES))
    return " ".join(words).capitalize() + "."


def _body(rng, language):
    paragraphs = [" ".join(_sentence(rng, language, 12) for _ in range(4)) for _ in range(3)]
    return "\n\n".join(paragraphs)


class Command(BaseCommand):
    help = "Adds many published releases (60 % translated into each language) and events, in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=10000)
        parser.add_argument("--events", type=int, default=3000)
        parser.add_argument("--seed", type=int, default=9, help="Random seed: the same data for the same seed.")

    def handle(self, *args, releases, events, seed, **options):
        if releases < 0 or events < 0:
            raise CommandError("--releases and --events must be 0 or more.")
        partners = list(Partner.objects.order_by("pk"))
        if not partners:
            raise CommandError("No partner cities: run load_demo_content first.")
        rng = random.Random(seed)  # noqa: S311 (made-up content, not secrets)
        run = PressRelease.objects.filter(slug__startswith="scale-", slug__endswith="-release-0").count() + 1
        with transaction.atomic():
            self._releases(rng, partners, releases, run)
            self._events(rng, partners, events, run)
        # Bulk inserts send no signal: retire the cached pages and fragments by hand.
        bump_content_version()
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would soon have them: without them PostgreSQL
            # plans for the tables' size before the seed and the first measures are of bad plans.
            tables = [
                model._meta.db_table
                for app in ("projects", "events", "practices")
                for model in apps.get_app_config(app).get_models()
            ]
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))
        self.stdout.write(f"Added {releases} releases and {events} events (run {run}).")

    def _releases(self, rng, partners, count, run):
        now = timezone.now()
        rows = []
        for n in range(count):
            values = {}
            for language in LANGUAGE_CODES:
                if language != "en" and rng.random() >= TRANSLATED_SHARE:
                    continue
                values[f"title_{language}"] = _sentence(rng, language, 6)[:-1]
                values[f"lead_{language}"] = _sentence(rng, language, 20)
                values[f"body_{language}"] = _body(rng, language)
            # English fingerprints as save() would record them: the translations are up to date.
            fingerprint = translation_status.fingerprint(values["title_en"], values["lead_en"], values["body_en"])
            values["source_fingerprint"] = fingerprint
            for language in translation_status.TARGET_LANGUAGES:
                if f"title_{language}" in values:
                    values[f"{language}_source_fingerprint"] = fingerprint
            # Mostly published in the past; one in 50 a draft, one in 100 scheduled for later.
            status = PressRelease.Status.DRAFT if n % 50 == 49 else PressRelease.Status.PUBLISHED
            published_at = now - datetime.timedelta(minutes=rng.randrange(1, 60 * 24 * 365 * 6))
            if n % 100 == 99:
                published_at = now + datetime.timedelta(days=rng.randrange(1, 60))
            rows.append(
                PressRelease(
                    author=partners[n % len(partners)],
                    slug=f"scale-{run}-release-{n}",
                    status=status,
                    published_at=published_at,
                    **values,
                )
            )
            if len(rows) == BATCH:
                PressRelease.objects.bulk_create(rows)
                rows = []
        PressRelease.objects.bulk_create(rows)

    def _events(self, rng, partners, count, run):
        # Imported here: projects never imports the events app at module level.
        from events.models import Event
        from projects.models import Semester

        semesters = list(Semester.objects.order_by("start_month"))
        start = datetime.date(2019, 8, 1)
        kinds = list(Event.Kind.values)
        for offset in range(0, count, BATCH):
            created = Event.objects.bulk_create(
                [
                    _event(Event, rng, partners, semesters, kinds, start, n, run)
                    for n in range(offset, min(offset + BATCH, count))
                ]
            )
            Event.visitors.through.objects.bulk_create(
                Event.visitors.through(event_id=event.pk, partner_id=partners[(offset + i + 1) % len(partners)].pk)
                for i, event in enumerate(created)
            )


def _event(model, rng, partners, semesters, kinds, start, n, run):
    day = start + datetime.timedelta(days=rng.randrange(0, 365 * 6))
    semester = next((s for s in semesters if s.start_month <= day.replace(day=1) <= s.end_month), None)
    host = partners[n % len(partners)]
    return model(
        kind=kinds[n % len(kinds)],
        slug=f"scale-{run}-event-{n}",
        title_en=f"{_sentence(rng, 'en', 5)[:-1]} in {host.city}",
        theme_en=_sentence(rng, "en", 8),
        description_en=_body(rng, "en"),
        start_date=day,
        end_date=day + datetime.timedelta(days=n % 3),
        location=host.city,
        host=host,
        semester=semester,
    )
