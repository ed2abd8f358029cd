"""The reading logic for stories: what readers may see, and in what order."""

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber, TruncMonth
from django.utils import timezone

# In the related-stories score a shared person counts for more than a relative
# of one (a spouse, a child), who counts for more than a shared tag.
PERSON_WEIGHT = 5
RELATIVE_WEIGHT = 2
TAG_WEIGHT = 1


def _count_of(queryset, group_by):
    """A correlated subquery counting ``queryset``'s rows (0 when none)."""
    counted = queryset.values(group_by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), Value(0))


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Stories readers may see: published, and not scheduled for later."""
        return self.filter(status="published", published_at__lte=now or timezone.now())

    def about(self, person):
        return self.filter(person_links__person=person)

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """What a story card needs, in one query: no body, the photo joined."""
        return self.select_related("lead_photo").defer("body")

    def for_story_page(self):
        """Everything a story page shows about the story itself, prefetched."""
        from .models import ArticlePerson

        return self.select_related("lead_photo").prefetch_related(
            Prefetch(
                "person_links",
                queryset=ArticlePerson.objects.select_related("person"),
            ),
            "tags",
            "authors",
            "lead_photo__credits",
        )

    def teased_in(self, story):
        """The stories readers may see that ``story``'s body teases, in one query.

        Empty, without a query, when the body has no teaser markers.
        """
        from .body import teaser_slugs

        slugs = teaser_slugs(story.body)
        if not slugs:
            return self.none()
        return self.published().for_listing().exclude(pk=story.pk).filter(slug__in=slugs)

    def more_on(self, person, story=None):
        """Published stories about ``person``, newest first, less ``story``."""
        stories = self.published().about(person).newest_first()
        if story is not None:
            stories = stories.exclude(pk=story.pk)
        return stories

    def with_main_flag(self, person):
        """Each story marked ``is_main_person``: whether ``person`` is its main person."""
        from .models import ArticlePerson

        main = ArticlePerson.objects.filter(article=OuterRef("pk"), person=person, is_main=True)
        return self.annotate(is_main_person=Exists(main))

    def per_month(self):
        """(first day of the month, number of stories), oldest month first, in the desk's time."""
        rows = (
            self.annotate(month=TruncMonth("published_at"))
            .order_by()
            .values("month")
            .annotate(n=Count("pk"))
            .order_by("month")
        )
        return [(timezone.localtime(row["month"]).date(), row["n"]) for row in rows]

    def people_alongside(self, person):
        """The people who share these stories with ``person``, most shared first.

        Each person carries ``shared``, the number of stories; one query.
        """
        from people.models import Person

        return (
            Person.objects.filter(article_links__article__in=self.values("pk"))
            .exclude(pk=person.pk)
            .annotate(shared=Count("article_links"))
            .order_by("-shared", "name", "pk")
        )

    def more_on_each(self, people, story=None, limit=5):
        """{person pk: their newest ``limit`` published stories, less ``story``}, in one query."""
        from .models import ArticlePerson

        stories = self.published()
        if story is not None:
            stories = stories.exclude(pk=story.pk)
        links = (
            ArticlePerson.objects.filter(person__in=people, article__in=stories.values("pk"))
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("person_id")],
                    order_by=[F("article__published_at").desc(), F("article__pk").desc()],
                )
            )
            .filter(rank__lte=limit)
            .select_related("article__lead_photo")
            .defer("article__body")
            .order_by("person_id", "rank")
        )
        found = {getattr(person, "pk", person): [] for person in people}
        for link in links:
            found[link.person_id].append(link.article)
        return found

    def related_to(self, story):
        """Published stories related to ``story``, best first, in one query.

        Stories the editor pinned come first; then the rest by a score in
        which each shared person weighs ``PERSON_WEIGHT``, each person tied to
        one of the story's people (a spouse, a parent, a child: not a rumour)
        ``RELATIVE_WEIGHT`` and each shared tag ``TAG_WEIGHT``; ties go to
        the newest. Only stories sharing something are candidates, so the
        database never scores the whole archive.
        """
        from people.models import Relationship

        from .models import ArticlePerson, TaggedArticle

        Pin = self.model.related.through
        people = ArticlePerson.objects.filter(article=story).values("person")
        tags = TaggedArticle.objects.filter(content_object=story).values("tag")
        sharing_people = ArticlePerson.objects.filter(person__in=people)
        ties = Relationship.objects.exclude(status=Relationship.Status.RUMOURED)
        sharing_relatives = ArticlePerson.objects.filter(
            Q(person__in=ties.filter(other__in=people).values("person"))
            | Q(person__in=ties.filter(person__in=people).values("other"))
        ).exclude(person__in=people)
        sharing_tags = TaggedArticle.objects.filter(tag__in=tags)
        pinned = Pin.objects.filter(from_article=story)
        score = (
            PERSON_WEIGHT * _count_of(sharing_people.filter(article=OuterRef("pk")), "article")
            + RELATIVE_WEIGHT
            * _count_of(sharing_relatives.filter(article=OuterRef("pk")), "article")
            + TAG_WEIGHT
            * _count_of(sharing_tags.filter(content_object=OuterRef("pk")), "content_object")
        )
        return (
            self.published()
            .exclude(pk=story.pk)
            .filter(
                Q(pk__in=sharing_people.values("article"))
                | Q(pk__in=sharing_relatives.values("article"))
                | Q(pk__in=sharing_tags.values("content_object"))
                | Q(pk__in=pinned.values("to_article"))
            )
            .annotate(
                is_pinned=Exists(pinned.filter(to_article=OuterRef("pk"))),
                score=score,
            )
            .order_by("-is_pinned", "-score", "-published_at", "-pk")
        )


class PhotoQuerySet(models.QuerySet):
    def portraits_of(self, person):
        """Photos of ``person`` the photo desk marked as portraits, newest first."""
        return self.filter(people=person, is_portrait=True).order_by("-created_at", "-pk")
