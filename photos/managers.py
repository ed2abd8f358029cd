"""What readers may see of photos, and how the desk finds credit sources."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone


class CreditSourceQuerySet(models.QuerySet):
    def matching(self, name, kinds=None):
        """Sources called ``name`` (any case), by their name or one of their aliases."""
        name = " ".join(name.split())
        if not name:
            return self.none()
        sources = self if kinds is None else self.filter(kind__in=kinds)
        by_name = sources.filter(name__iexact=name)
        if by_name.exists():
            return by_name
        wanted = name.casefold()
        ids = [
            source.pk
            for source in sources.exclude(aliases="").filter(aliases__icontains=name)
            if wanted in {alias.casefold() for alias in source.alias_list()}
        ]
        return sources.filter(pk__in=ids)


class PhotoQuerySet(models.QuerySet):
    def portraits_of(self, person):
        """Photos of ``person`` the photo desk marked as portraits, newest (last added) first."""
        return self.shown().filter(people=person, is_portrait=True).order_by("-pk")

    def shown(self, day=None):
        """Photos readers may see on ``day`` (today): the licence has not run out."""
        day = day or timezone.localdate()
        return self.filter(Q(expires_on__isnull=True) | Q(expires_on__gt=day))

    def expiring_within(self, days, day=None):
        """Photos whose licence runs out in the next ``days`` days, soonest first."""
        day = day or timezone.localdate()
        return self.filter(
            expires_on__gt=day, expires_on__lte=day + datetime.timedelta(days=days)
        ).order_by("expires_on", "pk")

    def of_person_in_stories(self, person, stories, day=None):
        """Photos showing ``person`` that lead one of ``stories``, newest photo first.

        Each photo comes annotated with ``story_slug`` and ``story_headline``
        (its newest story among ``stories``), so a gallery can link to it in
        the same query. Sliced, it is one walk of the person's photos, newest
        first, that stops once enough lead a story: a star in thousands of
        photos costs what a newcomer in three does.
        """
        newest = stories.filter(lead_photo=OuterRef("pk")).order_by("-published_at", "-pk")
        return (
            self.shown(day)
            .filter(Exists(newest), people=person)
            .annotate(
                story_slug=Subquery(newest.values("slug")[:1]),
                story_headline=Subquery(newest.values("headline")[:1]),
            )
            .order_by("-pk")
        )
