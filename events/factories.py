import datetime

import factory

from projects.factories import PartnerFactory

from .models import Event, Recording


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = Event.Kind.STUDY_VISIT
    slug = factory.Sequence(lambda n: f"event-{n}")
    title_en = factory.Sequence(lambda n: f"Event number {n}")
    start_date = datetime.date(2021, 9, 13)
    host = factory.SubFactory(PartnerFactory)

    @factory.post_generation
    def visitors(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.visitors.set(extracted)


class RecordingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recording

    event = factory.SubFactory(EventFactory)
    title_en = "Recording"
    url = factory.Sequence(lambda n: f"https://video.example.org/{n}")
