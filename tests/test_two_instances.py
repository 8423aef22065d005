"""Two gunicorn instances with production settings, one PostgreSQL and one real redis-server: what
one instance's admin publishes, unpublishes or schedules, the other serves on its next request.

`make test` starts the Redis (scripts/with-redis.sh, REDIS_URL); run alone, this module starts its
own redis-server when REDIS_URL is not set.
"""

import datetime
import html.parser
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.cookies import SimpleCookie

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone

from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from tests.helpers.servers import free_port, wait_for_port

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "two-instances-password"  # noqa: S105 - a throwaway test account


@pytest.fixture(scope="module")
def redis_url():
    named = os.environ.get("REDIS_URL")
    if named:
        yield named
        return
    server = shutil.which("redis-server")
    assert server, "this test needs Debian's redis-server (make test installs it) or REDIS_URL"
    port = free_port()
    work = tempfile.mkdtemp(prefix="better-redis-")
    process = subprocess.Popen(  # noqa: S603 - our own server binary
        [server, "--port", str(port), "--bind", "127.0.0.1", "--dir", work, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def static_root():
    """Production settings serve collectstatic's manifest: built once for the module."""
    folder = tempfile.mkdtemp(prefix="better-static-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def production_env(redis_url, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "better_site.settings.prod",
        "DJANGO_SECRET_KEY": "two-instances-test-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": static_root,
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
    }


@pytest.fixture
def shared_cache(settings, redis_url):
    """This process writes to the database too (the fixtures): it shares the instances' cache, as
    every process of a deployment does."""
    settings.CACHES = {"default": {"BACKEND": "projects.web.redis_cache.RedisCache", "LOCATION": redis_url}}


@pytest.fixture
def instances(shared_cache, redis_url, static_root):
    env = production_env(redis_url, static_root)
    if not os.path.exists(os.path.join(static_root, "staticfiles.json")):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=django_settings.BASE_DIR,
            env=env,
            check=True,
        )
    processes = []
    ports = [free_port(), free_port()]
    try:
        for port in ports:
            processes.append(
                subprocess.Popen(  # noqa: S603
                    [sys.executable, "-m", "gunicorn", "better_site.wsgi:application", "-b", f"127.0.0.1:{port}"]
                    + ["-w", "1", "--timeout", "60", "--log-level", "warning", "--no-control-socket"],
                    cwd=django_settings.BASE_DIR,
                    env=env,
                )
            )
        for port, process in zip(ports, processes, strict=True):
            wait_for_port(port, process)
        yield [Instance(port) for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


class Instance:
    """A browser of one instance: keeps its cookies itself (production marks them Secure, which a
    cookie jar would not send over plain HTTP)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, content, response

    def get(self, path):
        status, content, _response = self.request("GET", path)
        return status, content

    def anonymous_get(self, path):
        """A visitor without cookies: the one the page cache serves."""
        status, content, response = Instance(self.port).request("GET", path)
        return status, content, response.getheader("X-Page-Cache")

    def log_in(self, username):
        status, page, _response = self.request("GET", "/en/admin/login/")
        assert status == 200
        form = FormReader.read(page, form_id="login-form")
        form.update(username=username, password=PASSWORD)
        status, _content, response = self.request("POST", "/en/admin/login/?next=/en/admin/", form)
        assert status == 302, "the admin login failed"

    def submit_change_form(self, path, **changes):
        status, page, _response = self.request("GET", path)
        assert status == 200, status
        form = FormReader.read(page, form_id="pressrelease_form")
        form.update(changes)
        form["_save"] = "Save"
        status, content, _response = self.request("POST", path, form)
        errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>|<p class="errornote">.*?</p>', content, re.S)
        assert status == 302, f"the admin did not save: {errors}"


class FormReader(html.parser.HTMLParser):
    """The fields of a page's POST form (by its id), as a browser would submit them unchanged."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.fields = {}
        self.inside = False
        self.done = False
        self.textarea = None
        self.select = None

    @classmethod
    def read(cls, page, form_id):
        reader = cls(form_id)
        reader.feed(page)
        return reader.fields

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and (attrs.get("method") or "").lower() == "post":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside or not attrs.get("name"):
            if tag == "option" and self.select is not None and "selected" in attrs:
                self.fields[self.select] = attrs.get("value", "")
            return
        name = attrs["name"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self.textarea = name
            self.fields[name] = ""
        elif tag == "select":
            self.select = name
            self.fields.setdefault(name, "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self.textarea is not None:
                # The parser has already unescaped the entities; browsers drop one leading newline.
                self.fields[self.textarea] = self.fields[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside = False
            self.done = True


def local_parts(moment):
    local = timezone.localtime(moment)
    return {"published_at_0": local.strftime("%Y-%m-%d"), "published_at_1": local.strftime("%H:%M:%S")}


@pytest.fixture
def admin_user(shared_cache):
    user = get_user_model().objects.create(
        username="two-instances-admin",
        is_staff=True,
        is_superuser=True,
        # The instances run production settings, whose hashers are not the tests' fast one.
        password=PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt()),
    )
    return user


def test_release_published_on_one_instance_is_served_by_the_other_at_once(instances, admin_user):
    first, second = instances
    release = PressReleaseFactory(
        author=PartnerFactory(), title_en="Gävle hosts the study visit", status="draft", published_at=None
    )
    for instance in (first, second):
        for _visit in range(2):
            status, content, _state = instance.anonymous_get("/en/news/")
            assert status == 200 and "Gävle hosts the study visit" not in content
    assert second.anonymous_get("/en/news/")[2] == "hit"

    first.log_in(admin_user.username)
    published = timezone.now() - datetime.timedelta(minutes=1)
    first.submit_change_form(
        f"/en/admin/projects/pressrelease/{release.pk}/change/", status="published", **local_parts(published)
    )

    assert PressRelease.objects.get(pk=release.pk).is_public
    for instance in (second, first):
        status, content, _state = instance.anonymous_get("/en/news/")
        assert "Gävle hosts the study visit" in content
        assert instance.anonymous_get(f"/en/news/{release.slug}/")[0] == 200

    # Taken back to draft on the first instance: gone from both at once.
    first.submit_change_form(f"/en/admin/projects/pressrelease/{release.pk}/change/", status="draft")

    for instance in (second, first):
        status, content, _state = instance.anonymous_get("/en/news/")
        assert status == 200 and "Gävle hosts the study visit" not in content
        assert instance.anonymous_get(f"/en/news/{release.slug}/")[0] == 404


def test_release_scheduled_on_one_instance_appears_on_both_when_due(instances, admin_user):
    first, second = instances
    release = PressReleaseFactory(author=PartnerFactory(), title_en="Tartu action plan adopted", status="draft")
    first.log_in(admin_user.username)
    due = (timezone.now() + datetime.timedelta(seconds=6)).replace(microsecond=0)
    first.submit_change_form(
        f"/en/admin/projects/pressrelease/{release.pk}/change/", status="published", **local_parts(due)
    )

    for instance in (first, second):
        for _visit in range(2):
            status, content, _state = instance.anonymous_get("/en/news/")
            assert status == 200 and "Tartu action plan adopted" not in content
    assert first.anonymous_get("/en/news/")[2] == "hit"

    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.5)

    for instance in (second, first):
        status, content, _state = instance.anonymous_get("/en/news/")
        assert "Tartu action plan adopted" in content
