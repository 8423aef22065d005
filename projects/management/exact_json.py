"""Django's JSON serializer, with times kept to the microsecond (export_content / import_content).

DjangoJSONEncoder cuts datetimes to milliseconds, so a restored row would differ from the saved one
(and a revision's timestamp from its object's). Registered as the format "exactjson".
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "exactjson"


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder


Deserializer = django_json.Deserializer
