"""Many releases and events on top of the demo content, for the benchmark (`make bench`).

`seed_scale_data --releases 10000 --events 3000`: published releases spread over the project's
years (60 % of them translated into each partner language), and events hosted and visited by every
city. Bulk inserts keep it to seconds; they send no signals, so the shared content version is bumped
once at the end (projects.web.cache).
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from projects.models import Partner, PressRelease, Semester
from projects.web.cache import bump_content_version

TRANSLATED_SHARE = 0.6
OTHER_LANGUAGES = ("et", "hu", "it", "sv")
BATCH = 1000
BODY = (
    "## {title}\n\nThe partner cities met in {city} to compare how their services reach residents.\n\n"
    "- one-stop shop for citizens\n- open data on mobility\n- digital identity in local services\n\n"
    "| Step | When |\n|---|---|\n| Study visit | {month} |\n| Action plan | later |\n\n"
    "Read more about the *BETTER* project and its **good practices**."
)


class Command(BaseCommand):
    help = "Adds many published releases and events to the demo content (for the benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=10000)
        parser.add_argument("--events", type=int, default=3000)
        parser.add_argument("--seed", type=int, default=9)

    def handle(self, *args, releases, events, seed, **options):
        partners = list(Partner.objects.order_by("pk"))
        if not partners:
            raise CommandError("No partner cities: run load_demo_content first.")
        rng = random.Random(seed)  # noqa: S311 - made-up content, reproducible
        with transaction.atomic():
            made_releases = self.add_releases(releases, partners, rng)
            made_events = self.add_events(events, partners, rng)
        bump_content_version()
        self.stdout.write(f"Seeded {made_releases} press releases and {made_events} events.")

    def add_releases(self, count, partners, rng):
        start = timezone.make_aware(datetime.datetime(2019, 8, 1, 9))
        span = (timezone.now() - datetime.timedelta(days=1) - start).total_seconds()
        rows = []
        for number in range(count):
            partner = partners[number % len(partners)]
            published = start + datetime.timedelta(seconds=rng.random() * span)
            title = f"{partner.city} news {number}: digital services for residents"
            fields = {
                "slug": f"scale-{number}",
                "author": partner,
                "status": PressRelease.Status.PUBLISHED,
                "published_at": published,
                "title_en": title,
                "lead_en": f"What {partner.city} learnt from the partner cities.",
                "body_en": BODY.format(title=title, city=partner.city, month=published.strftime("%B %Y")),
            }
            for language in OTHER_LANGUAGES:
                if rng.random() < TRANSLATED_SHARE:
                    fields[f"title_{language}"] = f"[{language}] {title}"
                    fields[f"body_{language}"] = f"[{language}] " + fields["body_en"]
            rows.append(PressRelease(**fields))
        PressRelease.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def add_events(self, count, partners, rng):
        # projects never imports events: the model is reached through the relation's name.
        event_model = Partner._meta.get_field("hosted_events").related_model
        semesters = list(Semester.objects.all())
        first_day = datetime.date(2019, 8, 1)
        days = max((datetime.date(2023, 7, 31) - first_day).days, 1)
        kinds = [value for value, _label in event_model._meta.get_field("kind").choices]
        rows, hosts = [], []
        for number in range(count):
            host = partners[number % len(partners)]
            start = first_day + datetime.timedelta(days=rng.randrange(days))
            month = start.replace(day=1)
            semester = next((s for s in semesters if s.start_month <= month <= s.end_month), None)
            rows.append(
                event_model(
                    slug=f"scale-event-{number}",
                    kind=kinds[number % len(kinds)],
                    title_en=f"{host.city} meeting {number}",
                    theme_en="Digital services and open data",
                    start_date=start,
                    host=host,
                    location=host.city,
                    semester=semester,
                )
            )
            hosts.append(host)
        event_model.objects.bulk_create(rows, batch_size=BATCH)
        visits = [
            event_model.visitors.through(event_id=event.pk, partner_id=partner.pk)
            for event, host in zip(rows, hosts, strict=True)
            for partner in rng.sample(partners, 2)
            if partner.pk != host.pk
        ]
        event_model.visitors.through.objects.bulk_create(visits, batch_size=BATCH)
        return len(rows)
