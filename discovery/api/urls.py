from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from .views import PersonViewSet, StoryViewSet, TagViewSet

app_name = "api"

router = DefaultRouter()
router.register("stories", StoryViewSet, basename="story")
router.register("people", PersonViewSet, basename="person")
router.register("tags", TagViewSet, basename="tag")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
