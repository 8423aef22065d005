"""The admin as a browser uses it: its addresses, its forms read from the page and posted back, its users."""

from html.parser import HTMLParser

from django.db import models
from django.urls import reverse
from reversion.models import Version

from projects.backoffice.permissions import COORDINATOR_GROUP, ensure_groups
from projects.factories import CoordinatorFactory


def admin_url(model_or_obj, view, *args):
    """`admin_url(Event, "add")`, `admin_url(Event, "change", pk)`, or for an object `admin_url(event, "change")`."""
    if isinstance(model_or_obj, models.Model):
        args = (model_or_obj.pk, *args)
    meta = model_or_obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def coordinator_user(partner, username):
    """A user in the coordinator group, coordinating `partner`."""
    coordinator = CoordinatorFactory(partner=partner, user__username=username)
    coordinator.user.groups.add(ensure_groups()[COORDINATOR_GROUP])
    return coordinator.user


class FormReader(HTMLParser):
    """The values a browser would submit from one form: the one with id `form_id`, by default the
    admin's change form (its id ends in "_form"). Disabled fields send nothing."""

    SKIPPED_TYPES = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self.textarea = None
        self.select = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            found = attrs.get("id") or ""
            self.inside = found == self.form_id if self.form_id else found.endswith("_form")
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in self.SKIPPED_TYPES or (kind in {"checkbox", "radio"} and "checked" not in attrs):
                return
            self.add(name, attrs.get("value", "on" if kind in {"checkbox", "radio"} else ""))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "first": None, "chosen": []}
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.select["chosen"].append(value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # Browsers drop the newline that follows <textarea>.
            self.add(name, text.removeprefix("\r\n").removeprefix("\n"))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = self.select["chosen"]
            if not chosen and not self.select["multiple"] and self.select["first"] is not None:
                chosen = [self.select["first"]]
            # A multiple select with nothing chosen is listed with no values: the browser sends nothing for it.
            self.data.setdefault(self.select["name"], [])
            for value in chosen:
                self.add(self.select["name"], value)
            self.select = None


def form_values(response, model=None):
    """{name: [values]} of the admin form on the page: `model`'s form, by default the change form there is."""
    assert response.status_code == 200, response.status_code
    reader = FormReader(f"{model._meta.model_name}_form" if model else None)
    reader.feed(response.content.decode())
    assert reader.data, "no change form on the page"
    return reader.data


def form_fields(response, model=None):
    """As form_values, with a field's only value in place of a list of one."""
    return {name: values[0] if len(values) == 1 else values for name, values in form_values(response, model).items()}


def edit_in_admin(client, obj, **changes):
    """GET the change form, change some fields, POST it back; returns the POST's response."""
    url = admin_url(obj, "change")
    data = form_values(client.get(url), type(obj))
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(url, data)


def versions(obj):
    """The object's revisions (django-reversion), oldest first."""
    return list(Version.objects.get_for_object(obj).select_related("revision__user").order_by("pk"))


def restore_url(obj, version):
    return admin_url(obj, "restore", version.pk)
