from django.apps import AppConfig

from . import pagecache


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        # Imported here, not above: the receivers import the models, which
        # wait for the app registry (Django's documented place for them).
        from . import signals  # noqa: F401 - connects its receivers

        pagecache.connect()
