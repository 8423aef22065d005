import factory

from events.factories import EventFactory
from projects.factories import PartnerFactory

from .models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice
        skip_postgeneration_save = True

    owner = factory.SubFactory(PartnerFactory)
    slug = factory.Sequence(lambda n: f"practice-{n}")
    title_en = factory.Sequence(lambda n: f"Practice number {n}")
    theme = factory.SubFactory(ThemeFactory)
    summary_en = "What the practice does."

    @factory.post_generation
    def events(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.events.set(extracted)


class TransferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transfer

    practice = factory.SubFactory(GoodPracticeFactory)
    importer = factory.SubFactory(PartnerFactory)
    stage = Transfer.Stage.STUDIED
    study_visit = factory.SubFactory(EventFactory, host=factory.SelfAttribute("..practice.owner"))


class RegionalActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionalActionPlan

    partner = factory.SubFactory(PartnerFactory)
    title_en = factory.LazyAttribute(lambda o: f"Regional Action Plan of {o.partner.city_en}")
    policy_instrument_en = "City development plan"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(RegionalActionPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Action {n}")
