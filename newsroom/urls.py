from django.conf import settings
from django.contrib import admin
from django.urls import path, re_path
from django.views.static import serve

from articles import views
from newsroom import twofactor

admin.site.site_header = f"{settings.SITE_NAME} desk"
admin.site.site_title = f"{settings.SITE_NAME} desk"
admin.site.index_title = "Stories, people and photos"

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/<slug:slug>/", views.story, name="story"),
    path("people/<slug:slug>/", views.person, name="person"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("admin/two-factor/", twofactor.setup, name="two_factor_setup"),
    path("admin/two-factor/code/", twofactor.verify, name="two_factor_verify"),
    path("admin/", admin.site.urls),
]

# 503 with Retry-After while the database is down; the static 500 page otherwise.
handler500 = "newsroom.errors.server_error"

if settings.SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
