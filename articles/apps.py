from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        # Imported here, not above, as reading.receivers: they import the models.
        from . import bylines

        # The account model is the project's setting: connected once it is loaded.
        post_save.connect(bylines.account_saved, sender=get_user_model())
