"""`manage.py load_demo_content`: builds BETTER from the data in practices/demo_content.py.

It lives in `practices`, the highest app, because it creates rows of all three apps. Every row is
keyed on a natural key (slug, number, acronym, pair), so running it again duplicates nothing; rows
that exist are left as editors left them unless --reset is given. Demo accounts are made only
where settings.DEMO_ACCOUNTS is on.
"""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from events.models import Event
from practices import demo_content as data
from practices import demo_site_pages
from practices.models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer
from projects.backoffice.permissions import COORDINATOR_GROUP, MissingPermissionsError, ensure_groups
from projects.models import (
    PLACEHOLDER_LOGO_PREFIX,
    Coordinator,
    Partner,
    Phase,
    PressRelease,
    Project,
    Semester,
    SitePage,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Shared by every demo account and printed by `make run`; only ever set in the local demo database.
DEMO_PASSWORD = "better-demo"  # noqa: S105


def translated(field, texts):
    """Every language column of a translated field; languages without a text are emptied, so a
    re-run also removes a translation the data no longer has."""
    return {f"{field}_{code}": texts.get(code, "") for code in LANGUAGE_CODES}


# Muted colours with white text at more than 4.5:1 contrast, one per city in the site's order.
PLACEHOLDER_COLOURS = ["#1d4f91", "#6b3fa0", "#0f6b5c", "#8a3b12", "#5a5a5a"]


def placeholder_mark(partner):
    """A 192 px PNG: the city's initials on a coloured square, with the word PLACEHOLDER under them."""
    size = 192
    colour = PLACEHOLDER_COLOURS[(partner.order - 1) % len(PLACEHOLDER_COLOURS)]
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    initials = partner.slug[:2].capitalize()  # ASCII: the default font has no accents
    draw.text((size / 2, size * 0.44), initials, fill="white", anchor="mm", font=ImageFont.load_default(size=84))
    draw.text((size / 2, size * 0.82), "PLACEHOLDER", fill="white", anchor="mm", font=ImageFont.load_default(size=20))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


class Command(BaseCommand):
    help = "Load BETTER's demo content (partners, phases, events, practices, releases); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Overwrite demo rows with the demo data, discarding edits made to them.",
        )

    def upsert(self, model, *, defaults, **lookup):
        """Create a missing row. An existing one stays as its editors left it (`make run` loads the
        demo content every time and must not lose their work), unless --reset asks otherwise."""
        if self.reset:
            return model.objects.update_or_create(defaults=defaults, **lookup)
        return model.objects.get_or_create(defaults=defaults, **lookup)

    def handle(self, *args, **options):
        self.reset = options["reset"]
        with transaction.atomic():
            self.load_project()
            partners = self.load_partners()
            self.load_phases()
            themes = self.load_themes()
            events = self.load_events(partners, themes)
            practices = self.load_practices(partners, themes, events)
            self.load_transfers(partners, practices, events)
            self.load_action_plans(partners, practices)
            self.load_releases(partners, events, practices)
            self.load_site_pages()
            self.load_placeholder_logos(partners)
            created_accounts = self.load_accounts(partners) if settings.DEMO_ACCOUNTS else None
        self.print_summary(created_accounts)

    # The project and its calendar

    def load_project(self):
        project = data.PROJECT
        self.upsert(
            Project,
            acronym=project["acronym"],
            defaults={
                "name": project["name"],
                "programme": project["programme"],
                "website": project["website"],
                "second_website": project["second_website"],
                "facebook_url": project["facebook_url"],
                "twitter_url": project["twitter_url"],
                **translated("summary", project["summary"]),
                **translated("mission", project["mission"]),
            },
        )

    def load_partners(self):
        partners = {}
        for order, partner in enumerate(data.PARTNERS, start=1):
            partners[partner["slug"]], _created = self.upsert(
                Partner,
                slug=partner["slug"],
                defaults={
                    "country": partner["country"],
                    "language": partner["language"],
                    "organisation": partner["organisation"],
                    "contact_name": partner.get("contact_name", ""),
                    "contact_email": partner.get("contact_email", ""),
                    "order": order,
                    **translated("city", partner["city"]),
                },
            )
        return partners

    def load_phases(self):
        phases = {}
        for phase in data.PHASES:
            phases[phase["number"]], _created = self.upsert(
                Phase,
                number=phase["number"],
                defaults={
                    "start_month": phase["start_month"],
                    "end_month": phase["end_month"],
                    **translated("name", phase["name"]),
                    **translated("description", phase["description"]),
                },
            )
        # Semesters before events: an event's semester is derived from its date when it is saved.
        for semester in data.SEMESTERS:
            self.upsert(
                Semester,
                number=semester["number"],
                defaults={
                    "phase": phases[semester["phase"]],
                    "start_month": semester["start_month"],
                    "end_month": semester["end_month"],
                },
            )

    def load_themes(self):
        themes = {}
        for theme in data.THEMES:
            themes[theme["slug"]], _created = self.upsert(
                Theme, slug=theme["slug"], defaults=translated("name", theme["name"])
            )
        return themes

    # Events and what was examined at them

    def load_events(self, partners, themes):
        events = {}
        for event in data.THEMATIC_EVENTS:
            events[event["slug"]] = self.save_event(
                event,
                kind=Event.Kind.THEMATIC_EVENT,
                precision=Event.Precision.MONTH,
                host=partners[event["host"]],
                # "The five cities met four times at these thematic events" (the release of early
                # 2021): every partner but the host attended, so the city filter finds them.
                visitors=[partner for slug, partner in partners.items() if slug != event["host"]],
            )
        for visit in data.STUDY_VISITS:
            events[visit["slug"]] = self.save_event(
                visit,
                kind=Event.Kind.STUDY_VISIT,
                precision=Event.Precision.DAY,
                host=partners[visit["host"]],
                visitors=[partners[slug] for slug in visit["visitors"]],
            )
        practices_by_slug = {practice["slug"]: practice for practice in data.PRACTICES}
        for workshop in data.DEMO_IMPORT_WORKSHOPS:
            practice = practices_by_slug[workshop["practice"]]
            theme_name = next(theme["name"] for theme in data.THEMES if theme["slug"] == practice["theme"])
            description = {
                code: f"{notice}\n\n{workshop['pairing']}" if code == "en" else notice
                for code, notice in data.DEMO_NOTICE.items()
            }
            events[workshop["slug"]] = self.save_event(
                {**workshop, "theme": theme_name, "description": description, "format": "virtual", "location": ""},
                kind=Event.Kind.IMPORT_WORKSHOP,
                precision=Event.Precision.MONTH,
                # The practice is applied in the importer's city, with its owner taking part.
                host=partners[workshop["importer"]],
                visitors=[partners[practice["owner"]]],
            )
        # No Recording rows: no real recording link is known, so the descriptions only say the
        # recordings are public rather than point at a made-up address.
        return events

    def save_event(self, event, *, kind, precision, host, visitors):
        obj, created = self.upsert(
            Event,
            slug=event["slug"],
            defaults={
                "kind": kind,
                "date_precision": precision,
                "start_date": event["start_date"],
                "end_date": None,
                "format": event["format"],
                "location": event.get("location", ""),
                "host": host,
                **translated("title", event["title"]),
                **translated("theme", event["theme"]),
                **translated("description", event["description"]),
            },
        )
        if created or self.reset:
            # The m2m signal refuses a host among the visitors, so the data cannot slip one in.
            obj.visitors.set(visitors)
        return obj

    def load_practices(self, partners, themes, events):
        workshops_by_practice = {}
        for workshop in data.DEMO_IMPORT_WORKSHOPS:
            workshops_by_practice.setdefault(workshop["practice"], []).append(events[workshop["slug"]])
        practices = {}
        for practice in data.PRACTICES:
            obj, created = self.upsert(
                GoodPractice,
                slug=practice["slug"],
                defaults={
                    "owner": partners[practice["owner"]],
                    "theme": themes[practice["theme"]],
                    **translated("title", practice["title"]),
                    **translated("summary", practice["summary"]),
                },
            )
            if created or self.reset:
                obj.events.set([events[practice["study_visit"]], *workshops_by_practice.get(practice["slug"], [])])
            practices[practice["slug"]] = obj
        return practices

    def load_transfers(self, partners, practices, events):
        """Every visitor of a study visit studied each practice shown there; the demo import
        workshops then move their pair one stage further."""
        transfers = {}
        for practice in data.PRACTICES:
            visit = next(visit for visit in data.STUDY_VISITS if visit["slug"] == practice["study_visit"])
            for importer in visit["visitors"]:
                transfers[(practice["slug"], importer)] = {
                    "stage": Transfer.Stage.STUDIED,
                    "study_visit": events[visit["slug"]],
                    "import_workshop": None,
                    **translated("notes", {}),
                }
        for workshop in data.DEMO_IMPORT_WORKSHOPS:
            key = (workshop["practice"], workshop["importer"])
            transfers.setdefault(key, {"study_visit": None})
            transfers[key].update(
                {
                    "stage": Transfer.Stage.IMPORT_WORKSHOP,
                    "import_workshop": events[workshop["slug"]],
                    **translated("notes", data.DEMO_TRANSFER_NOTE),
                }
            )
        for (practice_slug, importer_slug), defaults in transfers.items():
            self.upsert(
                Transfer, practice=practices[practice_slug], importer=partners[importer_slug], defaults=defaults
            )

    def load_action_plans(self, partners, practices):
        for plan in data.ACTION_PLANS:
            plan_obj, _created = self.upsert(
                RegionalActionPlan,
                partner=partners[plan["partner"]],
                defaults={
                    **translated("title", plan["title"]),
                    **translated("policy_instrument", plan["policy_instrument"]),
                    **translated("summary", plan["summary"]),
                },
            )
            for action in plan["actions"]:
                action_obj, created = self.upsert(
                    Action,
                    plan=plan_obj,
                    number=action["number"],
                    defaults={
                        "status": action["status"],
                        **translated("title", action["title"]),
                        **translated("description", data.DEMO_ACTION_DESCRIPTION),
                    },
                )
                if created or self.reset:
                    action_obj.practices.set([practices[slug] for slug in action["practices"]])

    def load_releases(self, partners, events, practices):
        for release in data.RELEASES:
            obj, created = self.upsert(
                PressRelease,
                slug=release["slug"],
                defaults={
                    "author": partners[release["author"]],
                    "status": PressRelease.Status.PUBLISHED,
                    "published_at": release["published_at"],
                    **translated("title", release["title"]),
                    **translated("lead", release["lead"]),
                    **translated("body", release["body"]),
                },
            )
            if created or self.reset:
                # Declared on Event and GoodPractice, so set from their side.
                obj.events.set([events[slug] for slug in release["events"]])
                obj.practices.set([practices[slug] for slug in release["practices"]])

    # The footer's pages and the partners' marks

    def load_site_pages(self):
        for page in demo_site_pages.SITE_PAGES:
            self.upsert(
                SitePage,
                key=page["key"],
                defaults={**translated("title", page["title"]), **translated("body", page["body"])},
            )

    def load_placeholder_logos(self, partners):
        """A monogram per city that has no logo: clearly a stand-in (it says so, and its file name makes
        the pages say so too), never a copy of a real logo. A logo an editor uploaded is kept."""
        for partner in partners.values():
            if partner.logo and not (self.reset and partner.logo_is_placeholder):
                continue
            partner.logo.save(f"{PLACEHOLDER_LOGO_PREFIX}{partner.slug}.png", placeholder_mark(partner), save=True)

    # Accounts for trying the admin locally

    def load_accounts(self, partners):
        """Returns the usernames created now. A password is set only on creation, so a re-run
        never undoes a password someone changed."""
        user_model = get_user_model()
        created_names = []

        admin, created = user_model.objects.get_or_create(username="admin")
        admin.is_staff = True
        admin.is_superuser = True
        if created:
            admin.set_password(DEMO_PASSWORD)
            created_names.append("admin (superuser)")
        admin.save()

        try:
            group = ensure_groups()[COORDINATOR_GROUP]
        except MissingPermissionsError as error:
            raise CommandError(f"{error}: run migrate first.") from error
        for slug, partner in partners.items():
            user, created = user_model.objects.get_or_create(username=slug)
            user.is_staff = True
            if created:
                user.set_password(DEMO_PASSWORD)
                created_names.append(f"{slug} (coordinator for {partner.city_en})")
            user.save()
            user.groups.add(group)
            self.upsert(Coordinator, user=user, defaults={"partner": partner})
        return created_names

    def print_summary(self, created_accounts):
        counts = [
            ("partners", Partner.objects.count()),
            ("phases", Phase.objects.count()),
            ("semesters", Semester.objects.count()),
            ("events", Event.objects.count()),
            ("good practices", GoodPractice.objects.count()),
            ("transfers", Transfer.objects.count()),
            ("action plans", RegionalActionPlan.objects.count()),
            ("actions", Action.objects.count()),
            ("press releases", PressRelease.objects.count()),
        ]
        self.stdout.write(
            self.style.SUCCESS("BETTER demo content loaded: " + ", ".join(f"{n} {label}" for label, n in counts))
        )
        if created_accounts is None:
            self.stdout.write("Demo accounts: none (settings.DEMO_ACCOUNTS is off).")
        elif created_accounts:
            self.stdout.write(f"Demo accounts created, password '{DEMO_PASSWORD}':")
            for name in created_accounts:
                self.stdout.write(f"  {name}")
        else:
            self.stdout.write("Demo accounts already exist; their passwords were left as they are.")
