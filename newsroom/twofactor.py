"""Two-factor sign-in to the admin: a TOTP code after the password.

Staff turn it on for themselves on the "Two-factor sign-in" page (a QR code
for an authenticator app, or the secret to type in). From then on, after the
password, the admin asks for the app's six-digit code. With ``REQUIRE_2FA`` on,
superusers and members of ``REQUIRE_2FA_GROUPS`` (editors) must set it up:
until they do, every admin page sends them to the set-up page.

Devices are django-otp's TOTP devices; a superuser can remove a lost phone's
device in the admin ("TOTP devices"), after which its owner enrols again.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice


def two_factor_required(user):
    """Whether ``user`` must sign in with a second factor (``REQUIRE_2FA``)."""
    if not getattr(settings, "REQUIRE_2FA", False) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.REQUIRE_2FA_GROUPS).exists()


def _admin_prefix():
    return reverse("admin:index")


def _own_paths():
    return {reverse("two_factor_verify"), reverse("two_factor_setup"), reverse("admin:logout")}


class TwoFactorMiddleware:
    """Keeps signed-in staff out of the admin until the second factor is settled.

    Staff with a device who have not typed a code this session go to the code
    page; staff who must have a device and have none go to the set-up page.
    Must come after django-otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = request.user
        if (
            path.startswith(_admin_prefix())
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
            and path not in _own_paths()
        ):
            if user_has_device(user):
                return redirect_to_login(path, reverse("two_factor_verify"))
            if two_factor_required(user):
                return redirect_to_login(path, reverse("two_factor_setup"))
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError("The code is the six digits your app shows.")
        return code


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("admin:index")


def _context(request, **extra):
    from django.contrib import admin

    return {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "next": _next_url(request),
        **extra,
    }


staff_only = user_passes_test(lambda user: user.is_active and user.is_staff, "admin:login")


@never_cache
@sensitive_post_parameters("code")
@staff_only
def verify(request):
    """The second step of signing in: the code from the staff member's app."""
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", "That code is wrong or has expired. Type the code the app shows.")
    return render(
        request,
        "admin/twofactor/verify.html",
        _context(request, form=form, title="Two-factor sign-in"),
    )


def _qr_data_url(url):
    """The QR code of ``url`` as an SVG ``data:`` URL, for an <img> (CSP allows data: images)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _grouped(secret):
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
@staff_only
def setup(request):
    """Turn two-factor sign-in on (scan, then confirm with a code), or off."""
    user = request.user
    required = two_factor_required(user)
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True)
    if confirmed.exists():
        # The middleware has already asked this session for a code.
        if request.method == "POST" and "turn_off" in request.POST and not required:
            confirmed.delete()
            messages.success(request, "Two-factor sign-in is off.")
            return redirect("admin:index")
        return render(
            request,
            "admin/twofactor/setup.html",
            _context(request, enabled=True, required=required, title="Two-factor sign-in"),
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(
                request, "Two-factor sign-in is on: from now on the admin asks for a code."
            )
            return redirect(_next_url(request))
        form.add_error("code", "That code does not match. Type the code the app shows now.")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "admin/twofactor/setup.html",
        _context(
            request,
            form=form,
            enabled=False,
            required=required,
            qr_url=_qr_data_url(device.config_url),
            secret=_grouped(secret),
            title="Turn on two-factor sign-in",
        ),
    )
