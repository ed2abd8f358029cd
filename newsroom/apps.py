from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from taggit.apps import TaggitAppConfig

from common import storage  # noqa: F401 - registers the originals check


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"


# The desk's words for the libraries' apps on the admin's home page, where
# their own read "TAGGIT", "AXES" and "OTP_TOTP". Labels, tables and
# migrations stay theirs.


class TagsConfig(TaggitAppConfig):
    verbose_name = "Tags"


class SignInAttemptsConfig(AxesConfig):
    verbose_name = "Sign-in attempts"


class TwoFactorDevicesConfig(TOTPConfig):
    verbose_name = "Two-factor sign-in devices"
