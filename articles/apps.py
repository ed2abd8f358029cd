from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Stories"


class DeskAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the desk's site (``articles.admin_site``)."""

    default = False  # named in INSTALLED_APPS; ArticlesConfig stays this app's own
    default_site = "articles.admin_site.DeskAdminSite"
