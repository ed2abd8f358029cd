"""What the reading layer keeps of its own: how often each story is read, by the hour."""

from django.db import models

from articles.models import Article


class StoryReads(models.Model):
    """Reader visits that opened a story within one hour, as the beacon counted them.

    "Most read" adds up the buckets of the last day (``reading.reads``); a
    bucket a day old counts no more and is deleted soon after. Deleting a
    story deletes its counts. Counts are no reader content: saving them starts
    no new page cache generation.
    """

    story = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(help_text="The start of the hour counted, in UTC.")
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "story reads"
        constraints = [
            models.UniqueConstraint(fields=["story", "hour"], name="story_reads_once_an_hour"),
        ]
        indexes = [
            # The last day's buckets, added up per story, from the index alone.
            models.Index(fields=["hour", "story", "reads"], name="story_reads_by_hour"),
        ]

    def __str__(self):
        return f"{self.story_id} at {self.hour:%Y-%m-%d %H:00}: {self.reads}"
