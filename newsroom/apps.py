from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import pagecache, storage  # noqa: F401 - registers the originals check

        pagecache.connect()
