"""An existing site's photos, credits and renditions become the photos app's, every row kept."""

import datetime

import pytest
from django.utils import timezone

from articles.demo import SEED_SLUG

from .migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

# The last migrations before the move: photos were the articles app's.
BEFORE = [("articles", "0016_photo_originals_private"), ("photos", None)]
PHOTO_MODELS = ["photo", "photocredit", "creditsource"]
SEED_COVER = "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"
RENDITIONS = {
    "key": "1-abc",
    "items": [
        {"crop": "full", "format": "jpeg", "width": 480, "height": 270, "bytes": 900,
         "name": "renditions/1/abc-full-480.jpg"},
        {"crop": "card", "format": "webp", "width": 160, "height": 120, "bytes": 300,
         "name": "renditions/1/abc-card-160.webp"},
    ],
}  # fmt: skip


@pytest.fixture(autouse=True)
def latest_afterwards():
    """Whatever a test leaves, the next one starts from the latest migrations."""
    yield
    migrate()


def desk_before_the_move():
    """A photo desk as today's main keeps it: the seed story's cover, credited four times,
    a replacement, renditions, grants on the photo models."""
    old = migrate(BEFORE)
    Person = old.get_model("people", "Person")
    Article = old.get_model("articles", "Article")
    Photo = old.get_model("articles", "Photo")
    PhotoCredit = old.get_model("articles", "PhotoCredit")
    CreditSource = old.get_model("articles", "CreditSource")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")

    kim = Person.objects.create(name="Kim Kardashian", slug="kim-kardashian")
    kanye = Person.objects.create(name="Kanye West", slug="kanye-west")
    spare = Photo.objects.create(image="demo/spare.jpg", alt_text="Spare", width=4, height=3)
    cover = Photo.objects.create(
        image=f"demo/{SEED_SLUG}.jpg",
        alt_text="Kim Kardashian and Kanye West",
        caption="At the Met Gala",
        width=1200,
        height=675,
        focal_x=30,
        focal_y=40,
        licence="agency",
        restrictions="Editorial use only",
        expires_on=timezone.localdate() + datetime.timedelta(days=400),
        replacement=spare,
        renditions=RENDITIONS,
        embedded_metadata={"credit": "IMAGO"},
    )
    cover.people.set([kim, kanye])
    imago = CreditSource.objects.create(kind="agency", name="IMAGO", aliases="Imago Images")
    apress = CreditSource.objects.create(kind="supplier", name="APress")
    account = CreditSource.objects.create(
        kind="account", name="kimkardashian", platform="Instagram"
    )
    # Entered out of order: the line follows ``order``.
    PhotoCredit.objects.create(photo=cover, order=3, role="screenshot", source=account)
    PhotoCredit.objects.create(photo=cover, order=0, role="collage")
    PhotoCredit.objects.create(photo=cover, order=2, role="supplier", source=apress)
    PhotoCredit.objects.create(photo=cover, order=1, role="agency", source=imago)
    PhotoCredit.objects.create(photo=spare, order=0, role="agency", source=imago)
    Article.objects.create(
        headline="Kanye West 'deeply saddened'",
        slug=SEED_SLUG,
        status="published",
        published_at=timezone.now(),
        lead_photo=cover,
    )

    # The desk's grants, as main has them: on the articles app's photo models
    # (made here too, should an earlier test's flush have left the new ones).
    ContentType = old.get_model("contenttypes", "ContentType")
    for model in PHOTO_MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="articles", model=model)
        for action in ("add", "change", "delete", "view"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
    on_photos = Permission.objects.filter(
        content_type__app_label="articles", content_type__model__in=PHOTO_MODELS
    )
    assert on_photos.count() == 12
    desk, _ = Group.objects.get_or_create(name="Photo desk")
    desk.permissions.add(*on_photos)
    User.objects.create(username="photo-editor").groups.add(desk)
    by_hand = User.objects.create(username="freelancer")
    by_hand.user_permissions.add(on_photos.get(codename="change_photo"))
    return {
        "cover": cover.pk,
        "spare": spare.pk,
        "people": {kim.pk, kanye.pk},
        "sources": {imago.pk, apress.pk, account.pk},
        "credits": set(PhotoCredit.objects.values_list("pk", flat=True)),
        "content_types": {
            ct.model: ct.pk
            for ct in ContentType.objects.filter(app_label="articles", model__in=PHOTO_MODELS)
        },
    }


def test_every_photo_credit_and_rendition_is_kept_and_the_seed_credit_line_reads_the_same():
    before = desk_before_the_move()
    migrate()  # on to the latest, which the current models read
    from articles.models import Article
    from photos.credits import compose_credit_line
    from photos.models import CreditSource, Photo, PhotoCredit

    assert set(Photo.objects.values_list("pk", flat=True)) == {before["cover"], before["spare"]}
    assert set(CreditSource.objects.values_list("pk", flat=True)) == before["sources"]
    assert set(PhotoCredit.objects.values_list("pk", flat=True)) == before["credits"]

    story = Article.objects.select_related("lead_photo").get(slug=SEED_SLUG)
    cover = story.lead_photo
    assert cover.pk == before["cover"]
    assert cover.credit_line == SEED_COVER
    assert compose_credit_line(cover.credits.select_related("source")) == SEED_COVER
    assert cover.renditions == RENDITIONS
    assert cover.embedded_metadata == {"credit": "IMAGO"}
    assert (cover.focal_x, cover.focal_y, cover.restrictions) == (30, 40, "Editorial use only")
    assert cover.replacement_id == before["spare"]
    assert {person.pk for person in cover.people.all()} == before["people"]
    assert set(Photo.objects.get(pk=before["spare"]).replaces.all()) == {cover}
    assert CreditSource.objects.matching("imago images").get().name == "IMAGO"
    # A lead photo still cannot be deleted from under its story.
    assert list(cover.lead_of.all()) == [story]


def test_permissions_follow_the_photo_models_to_their_app():
    before = desk_before_the_move()
    migrate()
    from django.contrib.auth.models import User
    from django.contrib.contenttypes.models import ContentType

    from photos.models import Photo

    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Photo).pk == before["content_types"]["photo"]
    assert {ct.model: ct.pk for ct in ContentType.objects.filter(app_label="photos")} == before[
        "content_types"
    ]
    assert not ContentType.objects.filter(app_label="articles", model__in=PHOTO_MODELS).exists()

    editor = User.objects.get(username="photo-editor")
    assert editor.has_perms(["photos.add_photo", "photos.change_photo", "photos.add_creditsource"])
    assert not editor.has_perm("articles.change_photo")
    freelancer = User.objects.get(username="freelancer")
    assert freelancer.has_perm("photos.change_photo")
    assert not freelancer.has_perm("photos.delete_photo")


def test_the_move_can_be_undone():
    before = desk_before_the_move()
    migrate()
    old = migrate(BEFORE)
    Photo = old.get_model("articles", "Photo")
    Article = old.get_model("articles", "Article")
    ContentType = old.get_model("contenttypes", "ContentType")
    assert Article.objects.get(slug=SEED_SLUG).lead_photo_id == before["cover"]
    assert Photo.objects.get(pk=before["cover"]).credits.count() == 4
    assert {
        ct.model: ct.pk
        for ct in ContentType.objects.filter(app_label="articles", model__in=PHOTO_MODELS)
    } == before["content_types"]
