"""Signing in to the admin: guessing is stopped, passwords are strong, two factors where needed."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, username, password="password"):
    return client.post(LOGIN, {"username": username, "password": password})


def code_for(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=drift):06d}"


@pytest.fixture
def staff():
    return make_user("reporter", is_staff=True)


@pytest.fixture
def require_2fa(settings):
    settings.REQUIRE_2FA = True
    settings.REQUIRE_2FA_GROUPS = ["Editor"]


class TestGuessing:
    def test_right_password_signs_in(self, client, staff):
        response = sign_in(client, "reporter")
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200

    def test_wrong_passwords_lock_the_account_out_with_a_clear_page(self, client, staff, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            response = sign_in(client, "reporter", "guess")
            assert response.status_code == 200
            assert "Please enter the correct username and password" in response.content.decode()
        response = sign_in(client, "reporter", "guess")
        assert response.status_code == 429
        html = response.content.decode()
        assert "Too many failed sign-ins" in html
        assert "reporter" in html
        # Even the right password is refused while locked out.
        response = sign_in(client, "reporter")
        assert response.status_code == 429
        assert client.get("/admin/").status_code == 302

    def test_a_right_password_resets_the_count(self, client, staff, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "reporter", "guess")
        assert sign_in(client, "reporter").status_code == 302
        client.logout()
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, "reporter", "guess").status_code == 200
        assert sign_in(client, "reporter").status_code == 302

    def test_lockout_of_one_account_leaves_others_alone(self, client, staff, settings):
        make_user("colleague", is_staff=True)
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "reporter", "guess")
        assert sign_in(client, "colleague").status_code == 302


class TestPasswordsAndSessions:
    @pytest.mark.parametrize("password", ["short1", "password123", "12345678901234", "reporter1"])
    def test_weak_passwords_are_refused(self, staff, password):
        with pytest.raises(ValidationError):
            validate_password(password, staff)

    def test_a_long_unusual_password_is_accepted(self, staff):
        validate_password("tangerine-orbit-ladder-47", staff)

    def test_admin_password_change_applies_the_rules(self, client, staff):
        client.force_login(staff)
        response = client.post(
            reverse("admin:password_change"),
            {"old_password": "password", "new_password1": "abc", "new_password2": "abc"},
        )
        assert response.status_code == 200
        assert "This password is too short" in response.content.decode()

    def test_sessions_expire(self, client, staff, settings):
        sign_in(client, "reporter")
        session = client.session
        assert 0 < session.get_expiry_age() <= settings.SESSION_COOKIE_AGE
        assert settings.SESSION_COOKIE_AGE <= 60 * 60 * 12


class TestTwoFactor:
    def test_staff_without_a_device_sign_in_with_a_password_by_default(self, client, staff):
        sign_in(client, "reporter")
        assert client.get("/admin/").status_code == 200

    def test_staff_with_a_device_must_give_the_code(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
        response = sign_in(client, "reporter")
        assert response.status_code == 302
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor_verify"))
        assert client.get(reverse("admin:articles_article_changelist")).status_code == 302
        page = client.get(response.url)
        assert "Code from your authenticator app" in page.content.decode()

        wrong = client.post(reverse("two_factor_verify"), {"code": "000000", "next": "/admin/"})
        assert wrong.status_code == 200
        assert "wrong or has expired" in wrong.content.decode()
        assert client.get("/admin/").status_code == 302

        device.refresh_from_db()
        device.throttling_failure_count = 0
        device.throttling_failure_timestamp = None
        device.save()
        right = client.post(
            reverse("two_factor_verify"), {"code": code_for(device), "next": "/admin/"}
        )
        assert right.status_code == 302
        assert right.url == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_verify_refuses_to_send_users_off_site(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
        sign_in(client, "reporter")
        response = client.post(
            reverse("two_factor_verify"),
            {"code": code_for(device), "next": "https://evil.example/"},
        )
        assert response.status_code == 302
        assert response.url == reverse("admin:index")

    def test_staff_turn_it_on_for_themselves_with_a_qr_code(self, client, staff):
        client.force_login(staff)
        page = client.get(reverse("two_factor_setup"))
        html = page.content.decode()
        assert page.status_code == 200
        assert 'src="data:image/svg+xml;base64,' in html and "Secret:" in html
        device = TOTPDevice.objects.get(user=staff)
        assert not device.confirmed
        response = client.post(
            reverse("two_factor_setup"), {"code": code_for(device), "next": "/admin/"}
        )
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        assert client.get("/admin/").status_code == 200
        # A later sign-in asks for the code.
        client.logout()
        sign_in(client, "reporter")
        assert client.get("/admin/").url.startswith(reverse("two_factor_verify"))

    def test_a_wrong_code_does_not_turn_it_on(self, client, staff):
        client.force_login(staff)
        client.get(reverse("two_factor_setup"))
        response = client.post(reverse("two_factor_setup"), {"code": "123456"})
        assert response.status_code == 200
        assert "does not match" in response.content.decode()
        assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()

    def test_editor_without_a_device_is_sent_to_enrol(self, client, require_2fa):
        editor = make_user("editor", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editor"))
        sign_in(client, "editor")
        for url in ("/admin/", reverse("admin:articles_article_changelist"), "/admin/auth/user/"):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("two_factor_setup")), url
        assert (
            "Your role requires two-factor sign-in"
            in client.get(reverse("two_factor_setup")).content.decode()
        )
        # Posting to the admin is refused the same way: nothing is saved.
        response = client.post(reverse("admin:articles_article_add"), {"headline": "x"})
        assert response.status_code == 302

    def test_superusers_must_enrol_too(self, client, require_2fa):
        make_user("chief", is_staff=True, is_superuser=True)
        sign_in(client, "chief")
        assert client.get("/admin/").url.startswith(reverse("two_factor_setup"))

    def test_required_users_cannot_turn_it_off(self, client, require_2fa):
        chief = make_user("chief", is_staff=True, is_superuser=True)
        device = TOTPDevice.objects.create(user=chief, name="phone", confirmed=True)
        sign_in(client, "chief")
        client.post(reverse("two_factor_verify"), {"code": code_for(device)})
        response = client.post(reverse("two_factor_setup"), {"turn_off": "1"})
        assert response.status_code == 200
        assert "cannot be turned off" in response.content.decode()
        assert TOTPDevice.objects.filter(user=chief, confirmed=True).exists()

    def test_reporters_are_not_forced(self, client, staff, require_2fa):
        staff.groups.add(Group.objects.get(name="Reporter"))
        sign_in(client, "reporter")
        assert client.get("/admin/").status_code == 200

    def test_optional_users_can_turn_it_off(self, client, staff):
        device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
        sign_in(client, "reporter")
        client.post(reverse("two_factor_verify"), {"code": code_for(device)})
        response = client.post(reverse("two_factor_setup"), {"turn_off": "1"})
        assert response.status_code == 302
        assert not TOTPDevice.objects.filter(user=staff).exists()

    def test_logging_out_needs_no_code(self, client, staff):
        TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
        sign_in(client, "reporter")
        response = client.post(reverse("admin:logout"))
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
