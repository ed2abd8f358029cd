"""The desk's admin for people and the ties between them."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone

from newsroom.admin_rows import RowsFormSet

from .models import Person, Relationship


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


class RelationshipInline(admin.TabularInline):
    """Ties with this person as ``person``; a row reads: this person, kind, other."""

    model = Relationship
    fk_name = "person"
    formset = TieFormSet
    fields = ["kind", "other", "started", "ended", "end_reason"]
    autocomplete_fields = ["other"]
    extra = 1
    verbose_name_plural = "relationships, this person first"


class ReverseRelationshipInline(admin.TabularInline):
    """Ties with this person as ``other``; a row reads: person, kind, this person."""

    model = Relationship
    fk_name = "other"
    formset = TieFormSet
    fields = ["person", "kind", "started", "ended", "end_reason"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name_plural = "relationships, this person second"


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
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "known_for", "birth_date", "age"]
    list_filter = [KnownForFilter]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "known_for"]}),
        ("Life", {"fields": [("birth_date", "death_date")]}),
        ("Profile", {"fields": ["bio", "instagram"]}),
    ]
    inlines = [RelationshipInline, ReverseRelationshipInline]

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
class RelationshipAdmin(admin.ModelAdmin):
    list_display = ["person", "kind", "other", "started", "ended", "end_reason"]
    list_filter = ["kind", "started", "ended", "end_reason"]
    list_select_related = ["person", "other"]
    search_fields = ["person__name", "person__aliases", "other__name", "other__aliases"]
    autocomplete_fields = ["person", "other"]
    fields = ["person", "kind", "other", ("started", "ended"), "end_reason"]
