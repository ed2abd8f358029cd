from django.apps import AppConfig


class PhotosConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "photos"
    verbose_name = "Photos"

    def ready(self):
        from . import receivers  # noqa: F401 - connects the receivers
