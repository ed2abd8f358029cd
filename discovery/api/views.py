"""Read-only endpoints. Only what readers may see is served, newest first, in pages."""

import re

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from taggit.models import Tag

from articles.models import Article, ArticlePerson
from articles.querysets import bylines_prefetch
from people.models import Person, Relationship
from photos.models import PhotoCredit

from . import serializers as s

SLUG = re.compile(r"[-\w]+")

#: How long clients and shared caches may keep an answer without asking again.
CACHE_SECONDS = 60

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)

NOT_FOUND = OpenApiResponse(s.ErrorSerializer, description="No such item, or no such page.")
BAD_FILTER = OpenApiResponse(
    OpenApiTypes.OBJECT, description="A filter or page size is not valid; the message names it."
)

# Credits print their source's name: fetched with them.
CREDITS = PhotoCredit.objects.select_related("source")


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Anonymous GETs, cacheable for a minute, with an ETag for cheap revalidation."""

    lookup_field = "slug"
    # Any segment reaches the view, so even a malformed slug gets a JSON 404.
    lookup_value_regex = "[^/]+"

    def get_object(self):
        # A segment no slug could be (control characters, say) is simply not there.
        if not SLUG.fullmatch(self.kwargs[self.lookup_field]):
            raise NotFound()
        return super().get_object()

    @classmethod
    def as_view(cls, *args, **kwargs):
        return conditional_get(super().as_view(*args, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


@extend_schema_view(
    list=extend_schema(
        summary="Published stories, newest first",
        parameters=[s.StoryFilters],
        responses={200: s.StorySerializer(many=True), 400: BAD_FILTER, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary="One published story, with its body",
        responses={200: s.StoryDetailSerializer, 404: NOT_FOUND},
    ),
)
class StoryViewSet(ReadOnlyViewSet):
    def get_queryset(self):
        stories = (
            Article.objects.published()
            .select_related("lead_photo", "lead_photo__replacement", "dateline_place")
            .prefetch_related(
                Prefetch("person_links", queryset=ArticlePerson.objects.select_related("person")),
                "tags",
                bylines_prefetch(Article),
                Prefetch("lead_photo__credits", queryset=CREDITS),
                Prefetch("lead_photo__replacement__credits", queryset=CREDITS),
            )
            .newest_first()
        )
        if self.action == "list":
            stories = self.filtered(stories.defer("body"))
        return stories

    def filtered(self, stories):
        filters = s.StoryFilters(data=self.request.query_params)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        given = filters.validated_data
        if "person" in given:
            stories = stories.filter(person_links__person__slug=given["person"])
        if "tag" in given:
            stories = stories.filter(tagged_items__tag__slug=given["tag"])
        if "since" in given:
            stories = stories.filter(published_at__date__gte=given["since"])
        if "until" in given:
            stories = stories.filter(published_at__date__lte=given["until"])
        return stories

    def get_serializer_class(self):
        return s.StoryDetailSerializer if self.action == "retrieve" else s.StorySerializer


@extend_schema_view(
    list=extend_schema(
        summary="People, by name",
        responses={200: s.PersonSerializer(many=True), 400: BAD_FILTER, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary="One person, with their relationships",
        responses={200: s.PersonDetailSerializer, 404: NOT_FOUND},
    ),
)
class PersonViewSet(ReadOnlyViewSet):
    queryset = Person.objects.order_by("name", "pk")

    def get_serializer_class(self):
        return s.PersonDetailSerializer if self.action == "retrieve" else s.PersonSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve" and self.kwargs.get("slug"):
            person = self.get_object_cached()
            context["ties"] = Relationship.objects.ties_of(person)
        return context

    def get_object_cached(self):
        if not hasattr(self, "_person"):
            self._person = super().get_object()
        return self._person

    def get_object(self):
        return self.get_object_cached()


@extend_schema_view(
    list=extend_schema(
        summary="Tags with published stories, by name",
        responses={200: s.TagSerializer(many=True), 400: BAD_FILTER, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(summary="One tag", responses={200: s.TagSerializer, 404: NOT_FOUND}),
)
class TagViewSet(ReadOnlyViewSet):
    serializer_class = s.TagSerializer

    def get_queryset(self):
        live = Q(
            articles_taggedarticle_items__content_object__status="published",
            articles_taggedarticle_items__content_object__published_at__lte=timezone.now(),
        )
        return (
            Tag.objects.annotate(stories=Count("articles_taggedarticle_items", filter=live))
            .filter(stories__gt=0)
            .order_by(Lower("name"), "pk")
        )
