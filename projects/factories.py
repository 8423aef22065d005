import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Coordinator, Partner, Phase, PressRelease, Project, Semester, SitePage


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        django_get_or_create = ("acronym",)

    name = "BETTER"
    acronym = "BETTER"
    programme = "Interreg Europe"
    summary_en = "An interregional cooperation of five city governments."
    mission_en = "Better e-government for stronger regional innovation chains."


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    city_en = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "EE"
    language = "et"
    organisation = factory.LazyAttribute(lambda o: f"{o.city_en} City Government")
    order = factory.Sequence(lambda n: n)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    number = factory.Sequence(lambda n: n + 1)
    name_en = factory.LazyAttribute(lambda o: f"Phase {o.number}")
    start_month = datetime.date(2019, 8, 1)
    end_month = datetime.date(2022, 7, 1)


class SemesterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Semester

    phase = factory.SubFactory(PhaseFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_month = factory.LazyAttribute(lambda o: o.phase.start_month)
    end_month = factory.LazyAttribute(lambda o: o.phase.end_month)


class PressReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressRelease

    author = factory.SubFactory(PartnerFactory)
    slug = factory.Sequence(lambda n: f"release-{n}")
    title_en = factory.Sequence(lambda n: f"Release number {n}")
    lead_en = "A short lead paragraph."
    body_en = "The body of the release, in **Markdown**."
    status = PressRelease.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "better-test")
    is_staff = True

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class CoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coordinator

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)


class SitePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SitePage
        django_get_or_create = ("key",)

    key = SitePage.Key.ACCESSIBILITY
    title_en = "Accessibility statement"
    body_en = "The site is **partially conformant** with WCAG 2.1 AA."
