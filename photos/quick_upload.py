"""A photo uploaded in one step from elsewhere on the desk (the story editor's picker).

The photo form's checks hold as they are (``PhotoForm``: the upload checks,
alt text required, the rights fields). Its credits are credit sources chosen in
order, each credited in the role its kind takes, and names read from the
file (``photos/photo/read/``) that match no source yet, made sources where the
uploader may create them. The photo, its credits, new sources and what the
file says are stored in one transaction with its renditions: a failure stores
nothing and leaves no file behind.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from . import renditions
from .admin import PhotoForm
from .metadata import read_embedded
from .models import CreditSource, PhotoCredit

#: The role a source is credited in, by its kind.
ROLE_OF_KIND = {
    CreditSource.Kind.AGENCY: PhotoCredit.Role.AGENCY,
    CreditSource.Kind.PHOTOGRAPHER: PhotoCredit.Role.PHOTOGRAPHER,
    CreditSource.Kind.SUPPLIER: PhotoCredit.Role.SUPPLIER,
    CreditSource.Kind.ACCOUNT: PhotoCredit.Role.SCREENSHOT,
}
#: A name read from a file becomes one of these (a platform account needs its platform).
NEW_SOURCE_KINDS = {"agency", "photographer", "supplier"}
MOST_CREDITS = 20


class ListField(forms.Field):
    """Every value posted under the field's name, in order."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [str(item) for item in value or []][: MOST_CREDITS + 1]


class QuickPhotoForm(PhotoForm):
    """The photo form's fields a quick upload asks for, and its credits.

    ``credit``: the chosen credit sources' ids, in credit order. ``new_credit``:
    "kind:name" for each name read from the file to be made a source and
    credited after them, honoured only when ``may_create_sources``.
    """

    required_css_class = "required"

    credit = ListField(required=False)
    new_credit = ListField(required=False)

    class Meta(PhotoForm.Meta):
        fields = ["image", "alt_text", "caption", "licence", "restrictions"]
        widgets = {
            **PhotoForm.Meta.widgets,
            "image": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "caption": forms.Textarea(attrs={"rows": 3}),
            "restrictions": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"image": "Photo file"}
        error_messages = {
            "image": {"required": "Choose the photo's file (JPEG, PNG or WebP)."},
            "alt_text": {"required": "Describe the photo for readers who cannot see it."},
        }

    def __init__(self, *args, may_create_sources=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_create_sources = may_create_sources
        self.credits = []
        # Nothing is held between tries: the browser keeps the chosen file.
        del self.fields["pending"], self.fields["create_sources"]

    def clean(self):
        cleaned = super().clean()
        self.credits = [*self.chosen_credits(cleaned), *self.new_credits(cleaned)]
        if len(self.credits) > MOST_CREDITS:
            self.add_error("credit", f"A photo has at most {MOST_CREDITS} credits here.")
        return cleaned

    def chosen_credits(self, cleaned):
        chosen = list(dict.fromkeys(cleaned.get("credit") or []))
        ids = [int(pk) for pk in chosen if pk.isdigit() and len(pk) < 10]
        sources = CreditSource.objects.in_bulk(ids)
        credits = []
        for pk in chosen:
            source = sources.get(int(pk)) if pk.isdigit() and len(pk) < 10 else None
            if source is None:
                self.add_error(
                    "credit", "A chosen credit source no longer exists: search for it again."
                )
                continue
            credits.append(PhotoCredit(role=ROLE_OF_KIND[source.kind], source=source))
        return credits

    def new_credits(self, cleaned):
        credits = []
        for entry in dict.fromkeys(cleaned.get("new_credit") or []):
            kind, _, name = entry.partition(":")
            name = " ".join(name.split())
            if kind not in NEW_SOURCE_KINDS or not name:
                self.add_error("new_credit", "A credit read from the file is incomplete.")
                continue
            if not self.may_create_sources:
                self.add_error(
                    "new_credit",
                    f"“{name}” is not a credit source yet, and only the photo desk may add "
                    "one: leave it out, or choose a source.",
                )
                continue
            source = CreditSource.objects.filter(kind=kind, name__iexact=name).first()
            if source is None:
                source = CreditSource(kind=kind, name=name)
                try:
                    source.full_clean()
                except ValidationError as error:
                    self.add_error("new_credit", f"“{name}”: {' '.join(error.messages)}")
                    continue
            credits.append(PhotoCredit(role=ROLE_OF_KIND[kind], source=source))
        return credits

    def save_photo(self):
        """Store the photo, its credits and new sources, what the file says, and its
        renditions, all or nothing; return the photo."""
        upload = self.cleaned_data["image"]
        embedded = read_embedded(upload)
        photo = self.instance
        try:
            with transaction.atomic():
                photo = self.save()
                for order, credit in enumerate(self.credits):
                    if credit.source.pk is None:
                        credit.source.save()
                    credit.photo, credit.source_id, credit.order = photo, credit.source.pk, order
                    credit.full_clean()
                    credit.save()
                if embedded:
                    photo.embedded_metadata = embedded.as_dict()
                    photo.save(update_fields=["embedded_metadata"])
                renditions.refresh(photo)
        except BaseException:
            # The database forgets the photo; its files must go too.
            if photo.image:
                renditions.remove(photo)
                photo.image.storage.delete(photo.image.name)
            raise
        return photo
