"""The desk's admin for stories and their photos."""

from django.contrib import admin
from django.db.models import Prefetch
from django.utils.html import format_html

from newsroom.admin_rows import RowsFormSet
from newsroom.admin_widgets import LabelledCellsMixin, LabelledDateTimeMixin

from .models import Article, ArticlePerson, Photo, PhotoCredit, TaggedArticle

THUMBNAIL_WIDTH = 80
PREVIEW_WIDTH = 480


def image_tag(photo, width):
    """``photo`` at most ``width`` pixels wide, its height in proportion."""
    if not photo.image:
        return ""
    if photo.width and photo.height:
        width = min(width, photo.width)
        size = format_html(
            'width="{}" height="{}"', width, round(width * photo.height / photo.width)
        )
    else:
        size = format_html('width="{}"', width)
    return format_html(
        '<img src="{}" alt="{}" {} loading="lazy">', photo.image.url, photo.alt_text, size
    )


class PhotoCreditInline(LabelledCellsMixin, admin.TabularInline):
    model = PhotoCredit
    fields = ["role", "name", "platform", "account", "order"]
    ordering = ["order", "pk"]
    extra = 1


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "caption", "credit_line", "created_at"]
    list_display_links = ["thumbnail", "caption"]
    search_fields = ["caption", "alt_text", "credits__name", "credits__account", "people__name"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["people"]
    fields = ["image", "preview", "alt_text", "caption", "people", "credit_line"]
    readonly_fields = ["preview", "credit_line"]
    inlines = [PhotoCreditInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("credits")

    @admin.display(description="photo")
    def thumbnail(self, photo):
        return image_tag(photo, THUMBNAIL_WIDTH)

    @admin.display(description="preview")
    def preview(self, photo):
        return image_tag(photo, PREVIEW_WIDTH)

    @admin.display(description="credit line")
    def credit_line(self, photo):
        # Composed from the saved credits: an unsaved photo has none yet.
        return photo.credit_line if photo.pk else ""


class PeopleInStoryFormSet(RowsFormSet):
    """A person once per story, and at most one of them the main person."""

    def clean(self):
        super().clean()
        elsewhere = self.saved_elsewhere()
        tagged = set(elsewhere.values_list("person_id", flat=True))
        has_main = elsewhere.filter(is_main=True).exists()
        for form in self.kept_forms():
            link = form.instance
            if link.person_id in tagged:
                self.refuse(form, "article_person_unique")
            tagged.add(link.person_id)
            if link.is_main:
                if has_main:
                    self.refuse(form, "article_one_main_person")
                has_main = True

    def save_existing_objects(self, commit=True):
        # Rows are saved in page order: handing "main" to a row above the old
        # main person would briefly make two, which the database refuses.
        if commit:
            staying_main = [form.instance.pk for form in self.kept_forms() if form.instance.is_main]
            self.model.objects.filter(pk__in=self.pks_on_page(), is_main=True).exclude(
                pk__in=[pk for pk in staying_main if pk is not None]
            ).update(is_main=False)
        return super().save_existing_objects(commit)


class PersonInStoryInline(LabelledCellsMixin, admin.TabularInline):
    model = ArticlePerson
    formset = PeopleInStoryFormSet
    fields = ["person", "is_main", "order"]
    autocomplete_fields = ["person"]
    extra = 1


class StoryTagsFormSet(RowsFormSet):
    """A tag once per story."""

    def clean(self):
        super().clean()
        tags = set(self.saved_elsewhere().values_list("tag_id", flat=True))
        for form in self.kept_forms():
            if form.instance.tag_id in tags:
                self.refuse(form, "tagged_article_unique")
            tags.add(form.instance.tag_id)


class TagInline(LabelledCellsMixin, admin.TabularInline):
    """Tags, picked by search; replaces the plain comma-separated ``tags`` field."""

    model = TaggedArticle
    formset = StoryTagsFormSet
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(LabelledDateTimeMixin, admin.ModelAdmin):
    list_display = ["headline", "status", "published_at", "main_person", "tag_list"]
    list_filter = ["status", "tags"]
    date_hierarchy = "published_at"
    search_fields = ["headline", "standfirst", "people__name", "people__aliases"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_photo", "authors", "related"]
    # ``tags`` is left out: the tag inline edits it.
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "dateline", "body"]}),
        ("Publishing", {"fields": ["status", "published_at", "authors"]}),
        ("Around the story", {"fields": ["lead_photo", "related"]}),
    ]
    inlines = [PersonInStoryInline, TagInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("person_links", queryset=ArticlePerson.objects.select_related("person")),
                "tags",
            )
        )

    @admin.display(description="main person")
    def main_person(self, article):
        return article.main_person

    @admin.display(description="tags")
    def tag_list(self, article):
        return ", ".join(sorted(tag.name for tag in article.tags.all()))
