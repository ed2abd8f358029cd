from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How stories are found from outside: feeds, sitemaps, search, metadata, the API."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "discovery"
    verbose_name = "Discovery"
