"""Two-factor login for staff: a TOTP code from an authenticator app after the password (django-otp).

Who is asked: staff with a confirmed device, always; superusers and project editors without one are
sent to enrol (scan a QR code, type the first code) when settings.REQUIRE_2FA is on. Until then
every admin page but logout answers with a redirect to the code or the enrolment page. A new device
can only be enrolled by someone who has none yet or who has already given a code in this session:
a stolen password alone must not be enough to add the thief's phone.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .permissions import is_project_editor

# Admin pages reachable before the code: leaving, and the admin's own static translations.
EXEMPT_ADMIN_VIEWS = {"logout", "jsi18n", "login"}


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def requires_two_factor(user):
    """Whether `user` must have a second factor before using the admin."""
    return settings.REQUIRE_2FA and user.is_staff and is_project_editor(user)


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def _redirect_with_next(name, next_url):
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


class TwoFactorMiddleware:
    """Keeps a staff member without the second factor out of the admin (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or match.namespace != "admin" or match.url_name in EXEMPT_ADMIN_VIEWS:
            return None
        if user is None or not user.is_authenticated or not user.is_staff or user.is_verified():
            return None
        if confirmed_device(user) is not None:
            return _redirect_with_next("two-factor-verify", request.get_full_path())
        if requires_two_factor(user):
            return _redirect_with_next("two-factor-setup", request.get_full_path())
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "")
        allowed, _info = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a little, then try the newest code."))
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("This code is not right. Type the code your app shows now."))
        return token


@method_decorator(staff_member_required, name="dispatch")
class VerifyView(View):
    """The second step of the login: the current code from the enrolled device."""

    template_name = "admin/two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None:
            return _redirect_with_next("two-factor-setup", _next_url(request))
        if request.user.is_verified():
            return HttpResponseRedirect(_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(TokenForm(self.device))

    def post(self, request):
        form = TokenForm(self.device, request.POST)
        if not form.is_valid():
            return self.render(form)
        otp_login(request, self.device)
        return HttpResponseRedirect(_next_url(request))

    def render(self, form):
        context = {
            **admin.site.each_context(self.request),
            # The admin's pages are out of reach until the code is given: no sidebar listing them.
            "is_nav_sidebar_enabled": False,
            "form": form,
            "next": _next_url(self.request),
            "title": _("Two-factor login"),
        }
        return render(self.request, self.template_name, context)


@method_decorator(staff_member_required, name="dispatch")
class SetupView(View):
    """Enrolment: a new secret as a QR code (and as text), confirmed by the first code the app shows."""

    template_name = "admin/two_factor/setup.html"

    def dispatch(self, request, *args, **kwargs):
        if confirmed_device(request.user) is not None and not request.user.is_verified():
            # Adding a device needs the one already enrolled.
            return _redirect_with_next("two-factor-verify", reverse("two-factor-setup"))
        self.device = pending_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(TokenForm(self.device))

    def post(self, request):
        form = TokenForm(self.device, request.POST)
        if not form.is_valid():
            return self.render(form)
        TOTPDevice.objects.filter(user=request.user).exclude(pk=self.device.pk).delete()
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        otp_login(request, self.device)
        messages.success(request, _("Two-factor login is set up. From now on you will be asked for a code."))
        return HttpResponseRedirect(_next_url(request))

    def render(self, form):
        secret = base64.b32encode(self.device.bin_key).decode()
        context = {
            **admin.site.each_context(self.request),
            # The admin's pages are out of reach until the code is given: no sidebar listing them.
            "is_nav_sidebar_enabled": False,
            "form": form,
            "next": _next_url(self.request),
            "title": _("Set up two-factor login"),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_url": reverse("two-factor-qr"),
        }
        return render(self.request, self.template_name, context)


def pending_device(user):
    """The device being enrolled: unconfirmed until its first code is typed, one per user."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="BETTER", confirmed=False)
    return device


@method_decorator(staff_member_required, name="dispatch")
class QrCodeView(View):
    """The enrolment QR code as SVG, made here: the secret never goes to another host."""

    def get(self, request):
        if confirmed_device(request.user) is not None and not request.user.is_verified():
            return HttpResponse(status=403)
        buffer = io.BytesIO()
        # One path for all modules: crisp at any size, unlike a rectangle per module.
        qrcode.make(pending_device(request.user).config_url, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
        response["Cache-Control"] = "no-store"
        return response
