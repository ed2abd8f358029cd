"""The desk's story form: the rich-text body, and the checks made before a save."""

import re

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django_prose_editor.widgets import AdminProseEditorWidget
from reversion.models import Version

from people.models import Person
from photos.models import Photo

from . import conflicts, revisions, roles, workflow
from .body import (
    DESCRIPTION_LENGTH,
    HEADLINE_SEARCH_LENGTH,
    SOCIAL_TITLE_LENGTH,
    age_mismatches,
    photo_id,
    photo_markers,
    teaser_slugs,
)
from .models import Article, ArticlePerson, byline_name, desk_time
from .sanitize import EDITOR_EXTENSIONS
from .section_list import navigation

BODY_HELP = (
    "Bold, italics, links, subheadings, lists and quotes. Pasted text is cleaned when saved. "
    "To place a teaser for another story, search for it under the editor, or put "
    "[teaser: its-slug] (or its address) on a line of its own. To place a photo with its "
    "caption and credit line, search the library or upload one under the editor, or drop an "
    "image file on the text; [photo: its number] on a line of its own places it too. People "
    "tagged below are linked, with their age, where first named."
)


#: Fields counted as they are typed: (name, characters shown, where they are shown).
COUNTED = [
    ("headline", HEADLINE_SEARCH_LENGTH, "search results"),
    ("seo_title", HEADLINE_SEARCH_LENGTH, "search results"),
    ("social_headline", SOCIAL_TITLE_LENGTH, "shared cards"),
    ("standfirst", DESCRIPTION_LENGTH, "search results and cards (as the description)"),
]


class StoryForm(forms.ModelForm):
    """The story form as the desk uses it.

    ``request`` is set by the admin. The form refuses, with a message and
    with everything typed kept on the page:
    - a save over a version of the story the user never saw;
    - publishing, scheduling or unpublishing by someone who may not;
    - teasers for stories that do not exist;
    - photo markers naming no photo, or not on a line of their own;
    - publishing with a printed age that disagrees with the computed one,
      unless the editor says the text is right.
    """

    request = None

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    publish_despite_ages = forms.BooleanField(
        label="Publish even though the age check disagrees",
        required=False,
        help_text="Tick only when the printed ages are right (e.g. a quote from the past).",
    )

    class Meta:
        model = Article
        # Every other field of the story is the desk's to edit: a new one joins
        # the form (and the admin's fieldsets) by itself. People and tags have
        # inlines of their own. Fields the desk must never set are not
        # editable on the model (the copies, the version), so no form offers them.
        # The byline has an inline too; the authors (accounts) follow it.
        exclude = ["people", "tags", "authors"]  # noqa: DJ006
        widgets = {
            # Carries the status the form was drawn with; the buttons move it.
            "status": forms.HiddenInput,
            # The configurable preset builds the toolbar from the extensions (the
            # default one ignores them and offers h1, h5 and link targets).
            "body": AdminProseEditorWidget(
                config={"extensions": EDITOR_EXTENSIONS}, preset="configurable"
            ),
        }
        help_texts = {
            "body": BODY_HELP,
            "headline": f"Search results show about {HEADLINE_SEARCH_LENGTH} characters.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = None
        self.step_refused = None
        # Set by a refused stale save: what clashes, and the version it was shown against.
        self.conflicts = []
        self.resolve_version = None
        self.saved_by = None
        if self.is_bound and self.data.get("_step") and self.request is not None:
            self.take_step(self.data["_step"])
        if self.instance.pk is not None and "seen_version" in self.fields:
            self.fields["seen_version"].initial = self.restoring_from or self.instance.version
        # desk.js counts each against what it is shown in, in the field's help line.
        for name, limit, where in COUNTED:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"data-count-limit": limit, "data-count-where": where}
                )
        if "body" in self.fields:
            # teaser_picker.js searches stories here to place a teaser;
            # photo_picker.js the photo library, and uploads where the user may.
            attrs = self.fields["body"].widget.attrs
            attrs["data-teaser-search"] = reverse("admin:articles_article_teasers")
            attrs["data-photo-search"] = reverse("admin:articles_article_photos")
            if self.request is not None and self.user.has_perm("photos.add_photo"):
                attrs["data-photo-upload"] = reverse("admin:articles_article_photo_upload")
                attrs["data-photo-read"] = reverse("admin:photos_photo_read")
        if "headline" in self.fields:
            # Its help line is about that count alone: the live count takes its place.
            self.fields["headline"].widget.attrs["data-count-in-help"] = ""
        if "section" in self.fields:
            # The sections as the site's header lists them, kept in the cache: no
            # query to draw the form (a posted choice is still checked against the table).
            self.fields["section"].choices = [
                ("", "---------"),
                *((section.pk, section.name) for section in navigation()),
            ]

    def take_step(self, name):
        """The pressed button sets the status that the rest of the form checks."""
        story = self.instance if self.instance.pk else None
        self.step = workflow.find_step(self.user, story, name)
        if self.step is None:
            self.step_refused = name
            return
        if "status" in self.fields:
            self.data = self.data.copy()
            self.data["status"] = self.step.to or self.instance.status

    @property
    def user(self):
        return self.request.user

    @property
    def restoring_from(self):
        """On the restore page: the story's version before the old revision was laid over it."""
        return getattr(self.request, "version_before_restore", None)

    @property
    def may_publish(self):
        return self.request is not None and roles.can_publish(self.user)

    def clean_status(self):
        status = self.cleaned_data["status"]
        was = self.instance.status if self.instance.pk else Article.Status.DRAFT
        if not self.may_publish and Article.Status.PUBLISHED in (status, was) and status != was:
            raise ValidationError(
                "Only an editor can publish, schedule or unpublish a story. Submit it for "
                "review instead.",
                code="cannot_publish",
            )
        return status

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        errors = [*self.teaser_errors(body), *self.photo_errors(body)]
        if errors:
            raise ValidationError(errors)
        return body

    def teaser_errors(self, body):
        slugs = teaser_slugs(body)
        if not slugs:
            return []
        found = set(Article.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        errors = [
            f"No story has the address “{slug}”: check the teaser [teaser: {slug}]."
            for slug in slugs
            if slug not in found
        ]
        if self.instance.slug in slugs and self.instance.pk:
            errors.append("A story cannot tease itself.")
        return [ValidationError(error, code="teaser_target") for error in errors]

    def photo_errors(self, body):
        """Each photo marker names a photo, on a line of its own (where readers see it)."""
        markers = photo_markers(body)
        ids = {photo_id(target) for target, _ in markers} - {None}
        found = set(Photo.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else ()
        errors = {}
        for target, own_line in markers:
            if photo_id(target) not in found:
                errors[target] = ValidationError(
                    f"No photo has the number “{target}”: check the photo [photo: {target}].",
                    code="photo_target",
                )
            elif not own_line:
                errors.setdefault(
                    target,
                    ValidationError(
                        f"Put the photo [photo: {target}] on a line of its own: readers see it "
                        "only there.",
                        code="photo_not_alone",
                    ),
                )
        return list(errors.values())

    def clean(self):
        cleaned = super().clean()
        self.check_version()
        self.check_step(cleaned)
        status = cleaned.get("status")
        if status == Article.Status.PUBLISHED and not cleaned.get("publish_despite_ages"):
            self.check_ages(cleaned)
        return cleaned

    def check_step(self, cleaned):
        """A step the user does not have is refused; publish and schedule settle the time."""
        if self.step_refused is not None:
            raise ValidationError(
                "Not saved: that button is not yours to press on this story (it may have "
                "moved on since you opened it). Use one of the buttons below.",
                code="step_refused",
            )
        if self.step is None or "published_at" not in cleaned:
            return
        now = timezone.now()
        when = cleaned.get("published_at")
        if self.step.name == workflow.SCHEDULE and (when is None or when <= now):
            self.add_error(
                "published_at",
                ValidationError(
                    "To schedule the story, give a time still to come; to publish it "
                    "now, press “Publish”.",
                    code="schedule_needs_time",
                ),
            )
        elif self.step.name == workflow.PUBLISH and (when is None or when > now):
            # "Publish" means now; a time already past is kept (a story dated back).
            cleaned["published_at"] = now

    def check_version(self):
        """Refuse a save over a version the author never saw, laying out what clashes.

        The refusal sets ``conflicts`` (see ``articles.conflicts``) and
        ``resolve_version``: posted back with the author's choices, the save
        goes through over that version, taking the saved text where they chose.
        """
        if self.instance.pk is None:
            return
        # Locked until the save commits: two saves cannot both pass this check.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if self.restoring_from is not None:
            current = self.restoring_from
        seen = self.cleaned_data.get("seen_version")
        # The version a conflict table was shown against (never on a restore).
        resolving = (
            str(self.data.get("_resolve_version", "")) if self.restoring_from is None else ""
        )
        if resolving.isdigit():
            seen = int(resolving)
        if current is None or seen == current:
            if resolving.isdigit():
                self.take_choices()
            return
        who, when = self.last_saver()
        self.saved_by = who
        if self.restoring_from is None:
            saved = Article.objects.get(pk=self.instance.pk)
            self.conflicts = conflicts.find(self, saved, self.cleaned_data.get("seen_version"))
            self.resolve_version = current
            clash = (
                "Their changes are beside yours below: choose which to keep for each field, "
                "then press a button again."
                if self.conflicts
                else "Nothing you typed clashes with their changes: press a button again to "
                "save yours with theirs."
            )
            raise ValidationError(
                f"Not saved: {who} saved this story{when}, after you opened it. Your text is "
                f"still in the form. {clash}",
                code="stale_version",
            )
        raise ValidationError(
            f"Not saved: {who} saved this story{when}, after you opened it. Your text is "
            "still in the form below. Open the story in a new tab, bring your changes into "
            "the newer version and save it there.",
            code="stale_version",
        )

    def last_saver(self):
        """Who saved the story last, and " at <time>", from its newest revision."""
        last = (
            Version.objects.get_for_object_reference(Article, self.instance.pk)
            .select_related("revision__user")
            .first()
        )
        if last is None:
            return "someone else", ""
        who = byline_name(last.revision.user) if last.revision.user else "someone else"
        return who, f" at {desk_time(last.revision.date_created)}"

    def take_choices(self):
        """Over the version the author was shown: the saved value where they took it.

        The clashes are found again, as they were shown: a field only the
        other person changed is theirs unless "mine" was chosen; one both
        changed must be chosen.
        """
        saved = Article.objects.get(pk=self.instance.pk)
        shown = conflicts.find(self, saved, self.cleaned_data.get("seen_version"))
        chosen = {c.name: self.data.get(f"_take_{c.name}") for c in shown}
        missing = [
            c.label.lower()
            for c in shown
            if c.needs_choice and chosen[c.name] not in (conflicts.MINE, conflicts.THEIRS)
        ]
        if missing:
            self.conflicts, self.resolve_version = shown, saved.version
            self.saved_by = self.last_saver()[0]
            raise ValidationError(
                f"Not saved: choose their {revisions.and_join(missing)} or yours before saving.",
                code="conflict_unresolved",
            )
        for conflict in shown:
            if chosen[conflict.name] != conflicts.MINE:
                self.cleaned_data[conflict.name] = conflicts.as_cleaned(saved, conflict.name)

    def tagged_people(self):
        """The people the story will have: the rows of the people inline as posted."""
        ids = set()
        data = self.data
        for key, value in data.items():
            match = re.fullmatch(r"person_links-(\d+)-person", key)
            if match and value and not data.get(f"person_links-{match.group(1)}-DELETE"):
                ids.add(value)
        if "person_links-TOTAL_FORMS" not in data and self.instance.pk:
            ids = set(self.instance.person_links.values_list("person_id", flat=True))
        ids = {pk for pk in ids if str(pk).isdigit()}
        return list(Person.objects.filter(pk__in=ids))

    def check_ages(self, cleaned):
        story = Article(
            headline=cleaned.get("headline", ""),
            standfirst=cleaned.get("standfirst", ""),
            body=cleaned.get("body", ""),
            published_at=cleaned.get("published_at", self.instance.published_at),
        )
        mismatches = age_mismatches(story, self.tagged_people())
        if mismatches:
            raise ValidationError(
                format_html_join(
                    " ",
                    "{}",
                    [(f"Age check: {mismatch}",) for mismatch in mismatches],
                )
                + " Correct the text, or tick “Publish even though the age check disagrees”.",
                code="age_check",
            )


class LivePreviewForm(forms.ModelForm):
    """The story's words as typed, for the live preview; checked as the story form checks them."""

    class Meta:
        model = Article
        fields = [
            "headline",
            "standfirst",
            "dateline",
            "dateline_source",
            "body",
            "seo_title",
            "social_headline",
        ]


class BulkTagForm(forms.Form):
    tag = forms.CharField(max_length=100, label="Tag to add")

    def clean_tag(self):
        name = self.cleaned_data["tag"].strip()
        if not name:
            raise ValidationError("Give the tag's name.")
        return name


class BulkPersonForm(forms.Form):
    """The person to tag, picked by search as on the story's own page."""

    def __init__(self, *args, admin_site=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Built with its widget, so the field hands the widget its choices.
        self.fields["person"] = forms.ModelChoiceField(
            queryset=Person.objects.all(),
            label="Person to tag",
            widget=AutocompleteSelect(ArticlePerson._meta.get_field("person"), admin_site),
        )
