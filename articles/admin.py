"""The desk's admin for stories and their photos."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from newsroom.admin_rows import RowsFormSet

from . import renditions
from .metadata import apply_to_photo, read_embedded
from .models import Article, ArticlePerson, CreditSource, Photo, PhotoCredit, TaggedArticle
from .photo_rights import PhotoRightsAdmin, RightsFilter, warn_about_lead_photo
from .uploads import PhotoFileField

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


class PhotoCreditInline(admin.TabularInline):
    model = PhotoCredit
    fields = ["role", "source", "name", "order"]
    autocomplete_fields = ["source"]
    ordering = ["order", "pk"]
    extra = 1


class PhotoForm(forms.ModelForm):
    """The photo form: uploads are fully checked before anything is stored."""

    class Meta:
        model = Photo
        fields = [
            "image",
            "alt_text",
            "caption",
            "people",
            "focal_x",
            "focal_y",
            "licence",
            "restrictions",
            "expires_on",
            "replacement",
        ]
        field_classes = {"image": PhotoFileField}
        widgets = {
            "focal_x": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "focal_y": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }


@admin.register(Photo)
class PhotoAdmin(PhotoRightsAdmin, admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption", "credit_line", "licence", "expires_on", "used_in"]
    list_display_links = ["thumbnail", "caption"]
    list_filter = [RightsFilter, "licence"]
    search_fields = [
        "caption",
        "alt_text",
        "credits__source__name",
        "credits__source__aliases",
        "people__name",
    ]
    date_hierarchy = "created_at"
    autocomplete_fields = ["people", "replacement"]
    fieldsets = [
        (None, {"fields": ["image", "alt_text", "caption", "people", "credit_line"]}),
        (
            "Focal point",
            {
                "fields": ["preview", ("focal_x", "focal_y")],
                "description": "Click the photo where it must stay in frame (a face, say); "
                "or type the point in per cent. Crops for cards keep it in view.",
            },
        ),
        ("Rights", {"fields": ["licence", "restrictions", "expires_on", "replacement"]}),
        ("From the file", {"fields": ["embedded", "rendition_summary"]}),
    ]
    readonly_fields = ["preview", "credit_line", "embedded", "rendition_summary"]
    inlines = [PhotoCreditInline]

    class Media:
        css = {"all": ["articles/focal-point.css"]}
        js = ["articles/focal-point.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("credits", queryset=PhotoCredit.objects.select_related("source")),
                Prefetch("lead_of", queryset=Article.objects.only("pk", "headline", "lead_photo")),
            )
        )

    @admin.display(description="photo")
    def thumbnail(self, photo):
        return image_tag(photo, THUMBNAIL_WIDTH)

    @admin.display(description="preview")
    def preview(self, photo):
        if not photo.image:
            return "Save the photo first; then click it here to set the focal point."
        return format_html(
            '<span class="focal-point" data-x="{}" data-y="{}">{}'
            '<span class="focal-point__marker" aria-hidden="true"></span></span>',
            photo.focal_x,
            photo.focal_y,
            image_tag(photo, PREVIEW_WIDTH),
        )

    @admin.display(description="credit line")
    def credit_line(self, photo):
        # Composed from the saved credits: an unsaved photo has none yet.
        return photo.credit_line if photo.pk else ""

    @admin.display(description="used in")
    def used_in(self, photo):
        return ", ".join(story.headline for story in photo.lead_of.all()) or "–"

    @admin.display(description="embedded IPTC/XMP")
    def embedded(self, photo):
        fields = photo.embedded_metadata or {}
        if not fields:
            return "–"
        return format_html_join(
            "",
            "<div><strong>{}:</strong> {}</div>",
            ((label.replace("_", " "), value) for label, value in fields.items()),
        )

    @admin.display(description="renditions")
    def rendition_summary(self, photo):
        items = (photo.renditions or {}).get("items", [])
        if not photo.pk or not items:
            return "None yet: they are made when the photo is saved."
        state = "current" if renditions.is_current(photo) else "out of date"
        widths = sorted({item["width"] for item in items})
        return f"{len(items)} files ({state}), {', '.join(map(str, widths))} pixels wide"

    def save_model(self, request, obj, form, change):
        request.photo_caption_left_empty = not change and not obj.caption.strip()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        photo = form.instance
        if not change:
            self.prefill_from_file(request, photo)
        renditions.refresh(photo)

    def prefill_from_file(self, request, photo):
        """Read the upload's IPTC/XMP data into the caption and credits the staffer left empty."""
        embedded = read_embedded(photo.image.open("rb"))
        photo.image.close()
        if not embedded:
            return
        fill_credits = not photo.credits.exists()
        caption_empty = getattr(request, "photo_caption_left_empty", False)
        done = apply_to_photo(photo, embedded) if (caption_empty or fill_credits) else None
        if done and (done["caption"] or done["matched"] or done["created"]):
            request.photo_prefilled = True
            notes = []
            if done["caption"]:
                notes.append("the caption")
            if done["matched"]:
                notes.append("credits from known sources: " + ", ".join(done["matched"]))
            if done["created"]:
                notes.append("new credit sources: " + ", ".join(done["created"]))
            messages.warning(
                request,
                "Read from the file's embedded IPTC/XMP data: "
                + "; ".join(notes)
                + ". Check them and save to confirm.",
            )

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "photo_prefilled", False):
            # The staffer confirms what was read from the file on the change page.
            return HttpResponseRedirect(reverse("admin:articles_photo_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)


@admin.register(CreditSource)
class CreditSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "platform", "credit_count"]
    list_filter = ["kind", "platform"]
    search_fields = ["name", "platform", "aliases"]
    fields = ["kind", "name", "platform", "aliases"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(credit_count=Count("credits"))

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, source):
        return source.credit_count


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


class PersonInStoryInline(admin.TabularInline):
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


class TagInline(admin.TabularInline):
    """Tags, picked by search; replaces the plain comma-separated ``tags`` field."""

    model = TaggedArticle
    formset = StoryTagsFormSet
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "lead_photo" in form.changed_data:
            warn_about_lead_photo(request, obj)

    @admin.display(description="main person")
    def main_person(self, article):
        return article.main_person

    @admin.display(description="tags")
    def tag_list(self, article):
        return ", ".join(sorted(tag.name for tag in article.tags.all()))
