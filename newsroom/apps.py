from django.apps import AppConfig

from common import storage  # noqa: F401 - registers the originals check


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"
