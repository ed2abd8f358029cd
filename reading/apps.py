from django.apps import AppConfig


class ReadingConfig(AppConfig):
    """The reading layer: listings, reading querysets, page data, page cache, reader views."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reading"
    verbose_name = "Reading"

    def ready(self):
        # Imported here, not above: the receivers import the models, which
        # wait for the app registry (Django's documented place for them).
        from . import receivers  # noqa: F401 - connects them
