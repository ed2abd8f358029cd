"""How stories, people and tags read as JSON.

Lists and details read only what their querysets prefetch, so a page of
results costs the same number of queries whatever is on it.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from taggit.models import Tag

from articles.models import Article, ArticlePerson
from people.models import Person
from photos.models import Photo

from ..structured_data import modified_at, wikidata_url


class AbsoluteURL(serializers.Field):
    """The absolute address of a page, from ``get_absolute_url`` or a named route."""

    def __init__(self, route=None, **kwargs):
        self.route = route
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        path = reverse(self.route, args=[obj.slug]) if self.route else obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


AbsoluteURL = extend_schema_field(OpenApiTypes.URI)(AbsoluteURL)


class TagSerializer(serializers.ModelSerializer):
    url = AbsoluteURL(route="tag", help_text="The tag's page on the site.")
    api_url = AbsoluteURL(route="api:tag-detail")
    stories = serializers.IntegerField(read_only=True, help_text="Published stories with it.")

    class Meta:
        model = Tag
        fields = ["name", "slug", "url", "api_url", "stories"]


class TagRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["name", "slug"]


class PersonRefSerializer(serializers.ModelSerializer):
    url = AbsoluteURL(help_text="The person's page on the site.")
    api_url = AbsoluteURL(route="api:person-detail")

    class Meta:
        model = Person
        fields = ["slug", "name", "pronouns", "known_for", "url", "api_url"]


class RelationshipSerializer(serializers.Serializer):
    """A tie as it reads from the person's side: "Spouse", "Parent of", "Child of"…"""

    label = serializers.CharField()
    kind = serializers.CharField(source="relationship.kind")
    person = PersonRefSerializer(source="counterpart")
    started = serializers.DateField(source="relationship.started", allow_null=True)
    ended = serializers.DateField(source="relationship.ended", allow_null=True)
    end_reason = serializers.CharField(source="relationship.end_reason")
    dates = serializers.CharField(help_text="As printed on the site: “m. 2014, div. 2022”.")


class PersonSerializer(PersonRefSerializer):
    aliases = serializers.ListField(source="alias_list", child=serializers.CharField())
    birth_date = serializers.DateField(source="public_birth_date", allow_null=True)
    instagram_url = serializers.SerializerMethodField()
    wikidata_url = serializers.SerializerMethodField()

    class Meta(PersonRefSerializer.Meta):
        fields = [
            *PersonRefSerializer.Meta.fields,
            "aliases",
            "birth_date",
            "death_date",
            "bio",
            "instagram",
            "instagram_url",
            "wikidata_url",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_instagram_url(self, person):
        return person.instagram_url or None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_wikidata_url(self, person):
        return wikidata_url(person) or None


class PersonDetailSerializer(PersonSerializer):
    relationships = serializers.SerializerMethodField()

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "relationships"]

    @extend_schema_field(RelationshipSerializer(many=True))
    def get_relationships(self, person):
        ties = self.context.get("ties", [])
        return RelationshipSerializer(ties, many=True, context=self.context).data


class PhotoSerializer(serializers.ModelSerializer):
    """A photo as its share image (a large JPEG rendition, else the original)."""

    url = serializers.SerializerMethodField()
    width = serializers.SerializerMethodField()
    height = serializers.SerializerMethodField()
    credit_line = serializers.CharField(read_only=True)

    class Meta:
        model = Photo
        fields = ["url", "width", "height", "alt_text", "caption", "credit_line"]

    def get_url(self, photo) -> str:
        request = self.context.get("request")
        url = photo.share_image["url"]
        return request.build_absolute_uri(url) if request else url

    def get_width(self, photo) -> int | None:
        return photo.share_image["width"]

    def get_height(self, photo) -> int | None:
        return photo.share_image["height"]


class StoryPersonSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    age_at_publication = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = ArticlePerson
        fields = ["person", "is_main", "age_at_publication"]


class StorySerializer(serializers.ModelSerializer):
    url = AbsoluteURL(help_text="The story's page on the site.")
    api_url = AbsoluteURL(route="api:story-detail")
    modified_at = serializers.SerializerMethodField()
    authors = serializers.SerializerMethodField()
    people = StoryPersonSerializer(source="person_links_in_order", many=True, read_only=True)
    tags = TagRefSerializer(many=True, read_only=True)
    lead_photo = PhotoSerializer(source="lead_photo_for_readers", allow_null=True, read_only=True)
    dateline_place = serializers.StringRelatedField(
        allow_null=True,
        help_text="The dateline's place on record, as a dateline prints it; null without one.",
    )

    class Meta:
        model = Article
        fields = [
            "slug",
            "headline",
            "seo_title",
            "social_headline",
            "standfirst",
            "dateline",
            "dateline_place",
            "dateline_source",
            "published_at",
            "modified_at",
            "url",
            "api_url",
            "authors",
            "people",
            "tags",
            "lead_photo",
        ]

    def get_modified_at(self, article) -> OpenApiTypes.DATETIME:
        return serializers.DateTimeField().to_representation(modified_at(article))

    def get_authors(self, article) -> list[str]:
        return [author.name for author in article.byline_authors()]


class StoryDetailSerializer(StorySerializer):
    body = serializers.CharField(read_only=True, help_text="HTML, cleaned to the house allow-list.")

    class Meta(StorySerializer.Meta):
        fields = [*StorySerializer.Meta.fields, "body"]


class StoryFilters(serializers.Serializer):
    """The filters a story list takes, as query parameters."""

    person = serializers.SlugField(required=False, help_text="Stories about this person (slug).")
    tag = serializers.SlugField(required=False, help_text="Stories with this tag (slug).")
    since = serializers.DateField(
        required=False, help_text="Published on or after this day (YYYY-MM-DD, desk time)."
    )
    until = serializers.DateField(
        required=False, help_text="Published on or before this day (YYYY-MM-DD, desk time)."
    )

    def validate(self, attrs):
        # An empty filter is a mistake in the caller's address, not "no filter".
        for name in self.fields:
            if self.initial_data.get(name) == "":
                raise serializers.ValidationError({name: "Give a value, or leave the filter out."})
        return attrs


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
