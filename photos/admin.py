"""The photo desk's admin: photos, their credits, and credit sources."""

import mimetypes

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Exists, IntegerField, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html, format_html_join

from common.admin_lists import ArchiveListMixin, DateDrillDown, QuickRowsMixin
from common.admin_widgets import LabelledCellsMixin
from people.models import Person

from . import pending_uploads, renditions
from .metadata import read_embedded
from .models import CreditSource, Photo, PhotoCredit
from .rights import PhotoRightsAdmin, RightsFilter
from .uploads import PhotoFileField

THUMBNAIL_WIDTH = 80
PREVIEW_WIDTH = 480


def thumbnail_of(photo, width):
    """The full-frame JPEG rendition to show ``photo`` at most ``width`` pixels wide:
    a dict of src, width and height, or None without current renditions.

    Staff see what readers see: the original is private and has no address.
    """
    items = renditions.current(photo, "full", "jpeg")
    if not items:
        return None
    item = ([item for item in items if item["width"] >= width] or items)[0]
    width = min(width, item["width"])
    return {
        "src": renditions.url_of(item),
        "width": width,
        "height": round(width * item["height"] / item["width"]),
    }


def image_tag(photo, width):
    """``photo`` at most ``width`` pixels wide, as an image tag (see ``thumbnail_of``)."""
    shown = thumbnail_of(photo, width)
    if shown is None:
        return ""
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy">',
        shown["src"],
        photo.alt_text,
        shown["width"],
        shown["height"],
    )


class OriginalFileInput(forms.ClearableFileInput):
    """The file input, naming the stored original without linking to it (it has no URL)."""

    template_name = "photos/widgets/original_file_input.html"

    def is_initial(self, value):
        return bool(value and getattr(value, "name", ""))


class PhotoCreditInline(LabelledCellsMixin, admin.TabularInline):
    model = PhotoCredit
    fields = ["role", "source", "name", "order"]
    autocomplete_fields = ["source"]
    ordering = ["order", "pk"]
    extra = 1

    def get_extra(self, request, obj=None, **kwargs):
        # Room for every credit proposed from a held upload's file.
        proposed = getattr(request, "photo_proposed_credits", None)
        return len(proposed) if proposed else self.extra


class PhotoForm(forms.ModelForm):
    """The photo form: uploads are fully checked before anything is stored.

    ``held`` is the upload waiting for confirmation (see
    ``photos.pending_uploads``), set by ``PhotoAdmin.get_form``.
    """

    held = None
    new_sources = ()

    pending = forms.CharField(required=False, widget=forms.HiddenInput)
    create_sources = forms.TypedMultipleChoiceField(
        label="New credit sources",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Names from the file that match no credit source: ticked ones are created "
        "and credited when you save.",
    )

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
            "image": OriginalFileInput,
            "focal_x": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "focal_y": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (order, f"{name} ({CreditSource.Kind(role).label}), credit {order + 1}")
            for order, role, name in self.new_sources
        ]
        self.fields["create_sources"].choices = choices
        self.fields["create_sources"].initial = [order for order, _ in choices]
        if self.held is not None and "image" in self.fields:
            self.fields["pending"].initial = self.held.token
            self.fields["image"].required = False
            self.fields[
                "image"
            ].help_text = (
                f"Kept from your upload: {self.held.filename}. Choose another file to replace it."
            )

    def clean(self):
        cleaned = super().clean()
        if self.held is not None and not cleaned.get("image"):
            cleaned["image"] = self.held.file()
        return cleaned


class UploadedFilter(DateDrillDown):
    """Upload year, then month, read off the list's own index."""

    title = "uploaded"
    parameter_name = "uploaded"
    field_name = "created_at"


#: Up to this many matches a search lists them by id; beyond, it tests photos in order.
FEW_MATCHES = 5_000


def photos_matching(queryset, term):
    """Photos whose caption or alt text contains ``term``, or credited to a source,
    or showing a person, that it names.

    Each way of being found is read from its own index (trigram indexes on
    PostgreSQL), up to ``FEW_MATCHES`` of them: a rare term's photos are then
    listed by id. A common one (an agency on a quarter of all photos) is
    instead tested photo by photo along the list's own order, newest first,
    which finds a page of them within a few hundred photos; gathering every
    match first would read tens of thousands.
    """
    # Control characters find nothing (and PostgreSQL refuses a NUL outright).
    term = " ".join("".join(ch for ch in term if ch.isprintable() or ch.isspace()).split())
    if not term:
        return queryset
    sources = CreditSource.objects.filter(
        Q(name__icontains=term) | Q(aliases__icontains=term)
    ).values("pk")
    people = Person.objects.matching(term).values("pk")
    described = Q(caption__icontains=term) | Q(alt_text__icontains=term)
    credited = PhotoCredit.objects.filter(source__in=sources).order_by()
    showing = Photo.people.through.objects.filter(person__in=people).order_by()
    few = list(
        Photo.objects.filter(described)
        .order_by()
        .values_list("pk", flat=True)
        .union(
            credited.values_list("photo", flat=True),
            showing.values_list("photo", flat=True),
            all=True,
        )[: FEW_MATCHES + 1]
    )
    if len(few) <= FEW_MATCHES:
        return queryset.filter(pk__in=set(few))
    return queryset.filter(
        described
        | Exists(credited.filter(photo=OuterRef("pk")))
        | Exists(showing.filter(photo=OuterRef("pk")))
    )


@admin.register(Photo)
class PhotoAdmin(ArchiveListMixin, PhotoRightsAdmin, admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption", "credit_line", "licence", "expires_on"]
    list_display_links = ["thumbnail", "caption"]
    list_filter = [RightsFilter, UploadedFilter, "licence", "is_portrait"]
    # photos_matching decides what is searched; the box shows because this is set.
    search_fields = ["caption"]
    search_help_text = "Caption or alt text, a credit source, or a person shown."
    autocomplete_fields = ["people", "replacement"]
    fieldsets = [
        (
            None,
            {"fields": ["image", "alt_text", "caption", "people", "is_portrait", "credit_line"]},
        ),
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
        css = {"all": ["photos/focal-point.css"]}
        js = ["photos/focal-point.js", "photos/photo-form.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("credits", queryset=PhotoCredit.objects.select_related("source")),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        return photos_matching(queryset, search_term), False

    @admin.display(description="photo")
    def thumbnail(self, photo):
        return image_tag(photo, THUMBNAIL_WIDTH)

    @admin.display(description="preview")
    def preview(self, photo):
        if not photo.pk:
            # photo-form.js puts the chosen (or held) file here: the point is set before saving.
            return format_html(
                '<span class="focal-point" data-x="{}" data-y="{}" data-read-url="{}" '
                'data-pending-url="{}"><span class="focal-point__marker" aria-hidden="true">'
                '</span></span><span id="focal-point-hint" class="help">Choose a file: it shows '
                "here, to click where it must stay in frame.</span>",
                photo.focal_x,
                photo.focal_y,
                reverse("admin:photos_photo_read"),
                reverse("admin:photos_photo_pending_file", args=["TOKEN"]),
            )
        shown = image_tag(photo, PREVIEW_WIDTH)
        if not shown:
            return (
                "No renditions to show: the licence has expired (renew it to make them "
                "again), or they are not made yet."
            )
        return format_html(
            '<span class="focal-point" data-x="{}" data-y="{}">{}'
            '<span class="focal-point__marker" aria-hidden="true"></span></span>',
            photo.focal_x,
            photo.focal_y,
            shown,
        )

    @admin.display(description="credit line")
    def credit_line(self, photo):
        # Composed from the saved credits: an unsaved photo has none yet.
        return photo.credit_line if photo.pk else ""

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

    # Confirming what the file says -------------------------------------------
    #
    # A new photo whose file carries IPTC/XMP data is held, not stored: the add
    # form comes back with the caption and credits read from the file, and
    # only saving that form stores the photo, credits and new sources.

    def held_upload(self, request):
        """The upload this request confirms (a signed token in the form or address), or None."""
        if not hasattr(request, "photo_held"):
            token = request.POST.get("pending") or request.GET.get("pending")
            request.photo_held = pending_uploads.load(token, request.user)
            request.photo_proposed_credits = []
            request.photo_new_sources = []
            held = request.photo_held
            if held is not None and not held.typed_credits():
                may_create = request.user.has_perm("photos.add_creditsource")
                for order, role, name, source in held.suggestions():
                    if source is None:
                        if may_create:
                            request.photo_new_sources.append((order, role, name))
                    else:
                        request.photo_proposed_credits.append(
                            {"role": role, "source": source.pk, "name": "", "order": order}
                        )
            elif held is not None and request.method == "GET":
                request.photo_proposed_credits = held.typed_credits()
        return request.photo_held

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        held = None if change else self.held_upload(request)
        if held is None:
            return form
        attrs = {"held": held, "new_sources": request.photo_new_sources}
        return type(form.__name__, (form,), attrs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None or self.held_upload(request) is None:
            return fieldsets
        first, *rest = fieldsets
        main = (first[0], {**first[1], "fields": [*first[1]["fields"], "pending"]})
        extra = []
        if request.photo_new_sources:
            extra = [("Credits read from the file", {"fields": ["create_sources"]})]
        return [main, *extra, *rest]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        held = self.held_upload(request)
        if held is None:
            return initial
        for name, values in held.post.items():
            if name in PhotoForm.Meta.fields:
                initial[name] = values if name == "people" else values[-1]
        if not (initial.get("caption") or "").strip():
            initial["caption"] = held.embedded.caption or held.embedded.headline
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        proposed = getattr(request, "photo_proposed_credits", None)
        if request.method == "GET" and proposed and isinstance(inline, PhotoCreditInline):
            kwargs["initial"] = proposed
        return kwargs

    def add_view(self, request, form_url="", extra_context=None):
        gone = request.GET.get("pending") and self.held_upload(request) is None
        if request.method == "GET" and gone:
            messages.error(
                request,
                "That upload is no longer waiting (it was saved, or is over a day old): "
                "upload the file again.",
            )
            return HttpResponseRedirect(request.path)
        if (
            request.method == "POST"
            and "image" in request.FILES
            and self.held_upload(request) is None
        ):
            if not self.has_add_permission(request):
                raise PermissionDenied
            form = self.get_form(request)(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["image"]
                embedded = read_embedded(upload)
                if pending_uploads.worth_confirming(embedded, dict(request.POST.lists())):
                    token = pending_uploads.hold(upload, request.POST, request.user)
                    self.tell_what_was_read(request, token)
                    query = request.GET.copy()
                    query["pending"] = token
                    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
            if "image" not in form.errors and form.cleaned_data.get("image"):
                # Should another field or a credit row fail, the file is kept,
                # not chosen again; a save that goes through discards the copy.
                self.hold_for_another_try(request, form.cleaned_data["image"])
        return super().add_view(request, form_url, extra_context)

    def hold_for_another_try(self, request, upload):
        """Hold a sound upload whose form failed elsewhere; the form comes back with it."""
        token = pending_uploads.hold(upload, request.POST, request.user)
        post = request.POST.copy()
        post["pending"] = token
        # The file stays in this request's upload too; the next post names the held copy.
        request.POST = post
        request.photo_kept_for_retry = True
        for cached in ("photo_held", "photo_proposed_credits", "photo_new_sources"):
            if hasattr(request, cached):
                delattr(request, cached)

    # Before the first save: the chosen file read and shown -------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if add:
            # The chosen file is shown from the browser's own copy (a blob: address)
            # before anything is sent; images stay our own everywhere else.
            response._csp_update = {"img-src": ["blob:"]}
        return response

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("read/", view(self.read_view), name="photos_photo_read"),
            path(
                "pending/<str:token>/file/",
                view(self.pending_file_view),
                name="photos_photo_pending_file",
            ),
            *super().get_urls(),
        ]

    def read_view(self, request):
        """What the chosen file says (caption, credits matched to sources), before any save."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method != "POST" or "image" not in request.FILES:
            return JsonResponse({"error": "Send the file as “image” in a POST."}, status=400)
        try:
            upload = PhotoFileField().clean(request.FILES["image"])
        except forms.ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        embedded = read_embedded(upload)
        return JsonResponse(
            {
                "caption": embedded.caption or embedded.headline,
                "credits": [
                    {
                        "role": role,
                        "source": source.pk if source else None,
                        "label": source.name if source else name,
                    }
                    for role, name, source in pending_uploads.suggest_credits(embedded)
                ],
            }
        )

    def pending_file_view(self, request, token):
        """A held upload's picture, for the one who holds it: the focal point is set on it."""
        held = pending_uploads.load(token, request.user)
        if held is None or not self.has_add_permission(request):
            raise Http404("No such upload is waiting.")
        # Its type follows from its name, which carries the format it was stored in.
        kind, _ = mimetypes.guess_type(held.filename)
        response = HttpResponse(held.file().read(), content_type=kind)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def tell_what_was_read(self, request, token):
        held = pending_uploads.load(token, request.user)
        notes = []
        if not (request.POST.get("caption") or "").strip() and (
            held.embedded.caption or held.embedded.headline
        ):
            notes.append("the caption")
        if not held.typed_credits():
            suggestions = held.suggestions()
            known = [str(source) for _, _, _, source in suggestions if source is not None]
            new = [name for _, _, name, source in suggestions if source is None]
            if known:
                notes.append("credits from known sources: " + ", ".join(known))
            if new:
                notes.append("new credit sources: " + ", ".join(new))
        read = "; ".join(notes) or "nothing the form was missing"
        messages.warning(
            request,
            f"Read from the file's embedded IPTC/XMP data: {read}. Nothing is stored yet: "
            "check them and save to confirm.",
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        photo = form.instance
        held = None if change else form.held
        if held is not None and getattr(request, "photo_kept_for_retry", False):
            # Held only in case this save failed: the file came with it, nothing was read.
            transaction.on_commit(lambda: pending_uploads.discard(held))
        elif held is not None:
            self.credit_new_sources(request, form, photo)
            photo.embedded_metadata = held.embedded.as_dict()
            photo.save(update_fields=["embedded_metadata"])
            transaction.on_commit(lambda: pending_uploads.discard(held))
        renditions.refresh(photo)

    def credit_new_sources(self, request, form, photo):
        """Create the new credit sources the staffer kept ticked, each credited in its place."""
        wanted = set(form.cleaned_data.get("create_sources") or [])
        created = []
        for order, role, name in form.new_sources:
            if order not in wanted:
                continue
            source = CreditSource.objects.filter(kind=role, name__iexact=name).first()
            if source is None:
                source = CreditSource(kind=role, name=name)
                source.full_clean()
                source.save()
                created.append(str(source))
            credit = PhotoCredit(photo=photo, role=role, source=source, order=order)
            credit.full_clean()
            credit.save()
        if created:
            messages.info(request, "New credit sources: " + ", ".join(created) + ".")


#: A source's credits are counted up to this many: an agency has tens of thousands.
CREDITS_COUNTED = 1_000


def credits_counted():
    """Each source's credits, counted to ``CREDITS_COUNTED`` + 1 and no further.

    Every credit counted is an entry read from the index: counting an
    agency's 60,000 credits on each visit to the list cost more than the
    rest of the page.
    """
    credits = PhotoCredit._meta
    name = connection.ops.quote_name
    # Safe: names from the models, quoted; the cap is a parameter.
    sql = (
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {name(credits.db_table)} c"  # noqa: S608  # nosec
        f" WHERE c.{name(credits.get_field('source').column)}"
        f" = {name(CreditSource._meta.db_table)}.{name(CreditSource._meta.pk.column)}"
        " LIMIT %s) capped"
    )
    return RawSQL(sql, [CREDITS_COUNTED + 1], output_field=IntegerField())  # noqa: S611  # nosec


@admin.register(CreditSource)
class CreditSourceAdmin(QuickRowsMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "platform", "credit_count"]
    list_filter = ["kind", "platform"]
    search_fields = ["name", "platform", "aliases"]
    fields = ["kind", "name", "platform", "aliases"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(credit_count=credits_counted())

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, source):
        if source.credit_count > CREDITS_COUNTED:
            return f"more than {CREDITS_COUNTED:,}"
        return f"{source.credit_count:,}"


def moved_admin_page(request, page):
    """A photo desk address from before photos had an app of their own (bookmarks, links
    in old messages): the same page under /admin/photos/, with its query."""
    target = reverse("admin:app_list", args=["photos"]) + page
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
