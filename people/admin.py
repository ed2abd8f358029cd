"""The desk's admin for people and the ties between them."""

from urllib.parse import urlsplit

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from common.admin_fields import with_the_rest
from common.admin_lists import ArchiveListMixin, QuickRowsMixin
from common.admin_rows import RowsFormSet

from .merging import merge_people
from .models import Person, PersonRedirect, Relationship


def warn_about_ties(request, relationships):
    """Show the researcher each tie that looks wrong but may be true."""
    for relationship in relationships:
        for warning in relationship.warnings():
            messages.warning(request, warning)


class TieFormSet(RowsFormSet):
    """Relationship rows on a person's page, from either side.

    A tie is stored once, so both relationship inlines on the page share
    ``page`` (see ``PersonAdmin.get_formsets_with_inlines``): the same tie
    entered on both sides, or twice on one, is found before saving.
    """

    page = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.page is not None:
            self.page.append(self)

    def clean(self):
        super().clean()
        formsets = self.page or [self]
        # Of two equal ties the later one on the page is the duplicate.
        seen = {
            self.tie(form)
            for formset in formsets[: formsets.index(self)]
            for form in formset.kept_forms()
        }
        on_page = set().union(*(formset.pks_on_page() for formset in formsets))
        for form in self.kept_forms():
            tie = self.tie(form)
            if form.instance.person_id == form.instance.other_id:
                self.refuse(form, "relationship_not_with_self")
            elif tie in seen or self.recorded_off_page(form.instance, on_page):
                self.refuse(form, "relationship_unique")
            seen.add(tie)

    @staticmethod
    def tie(form):
        """What makes a tie unique: the pair either way round, the kind, the start.

        The page's own person is None on an add page, on both inlines alike.
        """
        r = form.instance
        return frozenset((r.person_id, r.other_id)), r.kind, r.started

    def recorded_off_page(self, relationship, on_page):
        """Whether the tie is saved in a row the page does not show."""
        if self.instance.pk is None:
            return False
        a, b = relationship.person_id, relationship.other_id
        return (
            Relationship.objects.exclude(pk__in=on_page)
            .filter(Q(person_id=a, other_id=b) | Q(person_id=b, other_id=a))
            .filter(kind=relationship.kind, started=relationship.started)
            .exists()
        )


def tie_fieldsets(*first):
    """A tie's fields in pairs, stacked: ten fields in a row of a table are wider
    than a laptop's screen, and would hide the Delete box behind a scroll."""
    return [
        (
            None,
            {
                "fields": [
                    first,
                    ("status", "kinship"),
                    ("started", "started_precision"),
                    ("ended", "ended_precision"),
                    ("end_reason", "place"),
                ]
            },
        )
    ]


class RelationshipInline(admin.StackedInline):
    """Ties with this person as ``person``; a tie reads: this person, kind, other."""

    model = Relationship
    fk_name = "person"
    formset = TieFormSet
    fieldsets = tie_fieldsets("kind", "other")
    autocomplete_fields = ["other"]
    show_change_link = True
    extra = 1
    verbose_name_plural = "relationships, this person first"


class ReverseRelationshipInline(admin.StackedInline):
    """Ties with this person as ``other``; a tie reads: person, kind, this person."""

    model = Relationship
    fk_name = "other"
    formset = TieFormSet
    fieldsets = tie_fieldsets("person", "kind")
    autocomplete_fields = ["person"]
    show_change_link = True
    extra = 0
    verbose_name_plural = "relationships, this person second"


def tie_ends_on_page(request):
    """The people a tie's person search must not offer: those already at its other end.

    The search is asked for the page it was opened from (its referrer): on a
    person's page that person, on a saved tie's page the person at the other end.
    """
    if request.GET.get("app_label") != "people" or request.GET.get("model_name") != "relationship":
        return []
    field = request.GET.get("field_name")
    referer = request.META.get("HTTP_REFERER", "")
    if field not in ("person", "other") or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}
    ):
        return []
    try:
        match = resolve(urlsplit(referer).path)
    except Resolver404:
        return []
    object_id = match.kwargs.get("object_id", "")
    if not str(object_id).isdigit():
        return []
    if match.url_name == "people_person_change":
        return [int(object_id)]
    if match.url_name == "people_relationship_change":
        tie = Relationship.objects.filter(pk=object_id).values("person", "other").first()
        if tie:
            return [tie["other" if field == "person" else "person"]]
    return []


class KnownForFilter(admin.SimpleListFilter):
    """The roles in use; unlike the stock filter, no blank entry for people without one."""

    title = "known for"
    parameter_name = "known_for"

    def lookups(self, request, model_admin):
        roles = (
            Person.objects.exclude(known_for="")
            .order_by("known_for")
            .values_list("known_for", flat=True)
            .distinct()
        )
        return [(role, role) for role in roles]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(known_for=self.value())
        return queryset


@admin.register(Person)
class PersonAdmin(ArchiveListMixin, admin.ModelAdmin):
    list_display = ["name", "known_for", "birth_date", "age"]
    list_filter = [KnownForFilter]
    search_fields = ["search_key__folded"]  # name and aliases, any case or accents
    prepopulated_fields = {"slug": ["name"]}
    # The groups with a place of their own; any other field of the person
    # comes last, under "More".
    fieldsets = with_the_rest(
        Person,
        [
            (None, {"fields": ["name", "slug", "aliases", "known_for", "gender"]}),
            (
                "Life",
                {
                    "fields": [
                        ("birth_date", "birth_date_precision"),
                        "birth_place",
                        "death_date",
                        "birth_details_private",
                    ]
                },
            ),
            ("Profile", {"fields": ["bio", "instagram", "wikidata_id", "old_addresses"]}),
        ],
    )
    readonly_fields = ["old_addresses"]
    inlines = [RelationshipInline, ReverseRelationshipInline]
    actions = ["merge"]

    def get_search_results(self, request, queryset, search_term):
        queryset = queryset.exclude(pk__in=tie_ends_on_page(request))
        # The whole term against names and aliases, as the site's search reads it.
        if not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        return queryset.matching(search_term), False

    @admin.display(description="old addresses")
    def old_addresses(self, person):
        """Addresses that redirect here: merged duplicates and earlier slugs."""
        if person.pk is None:
            return ""
        return ", ".join(f"/people/{r.old_slug}/" for r in person.redirects.all()) or "none"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        warn_about_ties(request, Relationship.objects.involving(form.instance))

    @admin.action(
        description="Merge the selected people into one…",
        permissions=["change", "delete"],
    )
    def merge(self, request, queryset):
        """Keep one of the selected people; the others' stories, photos and ties move to it."""
        people = list(queryset.order_by("name", "pk"))
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.ERROR)
            return None
        if request.POST.get("confirm") == "yes":
            kept = next((p for p in people if str(p.pk) == request.POST.get("keep")), None)
            if kept is None:
                self.message_user(request, "Choose the person to keep.", messages.ERROR)
                return None
            try:
                for duplicate in people:
                    if duplicate.pk != kept.pk:
                        merge_people(duplicate, kept)
            except ValidationError as error:
                self.message_user(
                    request, "Nothing was merged: " + " ".join(error.messages), messages.ERROR
                )
                return None
            merged = len(people) - 1
            self.message_user(
                request,
                ngettext(
                    "Merged %(n)d record into %(name)s; its old address now redirects to "
                    "the page of %(name)s.",
                    "Merged %(n)d records into %(name)s; their old addresses now redirect to "
                    "the page of %(name)s.",
                    merged,
                )
                % {"n": merged, "name": kept.name},
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/people/person/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge people",
                "people": people,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.display(description="age", ordering="-birth_date")
    def age(self, person):
        if person.death_date and person.death_date <= timezone.localdate():
            if person.age_at_death is None:
                return "died"
            return f"died aged {person.age_at_death}"
        return person.age_today

    def get_formsets_with_inlines(self, request, obj=None):
        # One shared list per page, so its relationship formsets can see each other.
        page = []
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if issubclass(formset, TieFormSet):
                formset = type(formset.__name__, (formset,), {"page": page})
            yield formset, inline


@admin.register(Relationship)
class RelationshipAdmin(QuickRowsMixin, admin.ModelAdmin):
    list_display = ["person", "kind", "other", "status", "started", "ended", "end_reason"]
    list_filter = ["kind", "status", "kinship", "started", "ended", "end_reason"]
    list_select_related = ["person", "other"]
    search_fields = ["person__search_key__folded", "other__search_key__folded"]
    autocomplete_fields = ["person", "other"]
    fields = [
        "person",
        "kind",
        "other",
        ("status", "kinship"),
        ("started", "started_precision"),
        ("ended", "ended_precision"),
        "end_reason",
        "place",
        ("ordinal", "other_ordinal"),
        "note",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warn_about_ties(request, [obj])


@admin.register(PersonRedirect)
class PersonRedirectAdmin(QuickRowsMixin, admin.ModelAdmin):
    """Old addresses of people's pages; made by merges and slug changes, editable here."""

    list_display = ["old_slug", "person", "created_at"]
    search_fields = ["old_slug", "person__search_key__folded"]
    autocomplete_fields = ["person"]
    fields = ["old_slug", "person"]
