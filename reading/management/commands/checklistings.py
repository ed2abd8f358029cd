"""Recompute every derived listing row from the source tables and report what drifted.

Derived, and compared here: each person and tag link's copy of its story's
status and publication time, each story's ``person_ids`` and ``tag_ids``,
every person's and tag's monthly counts and every person's stories in all
(see ``reading.listings.check``), and where each story is counted among its
section's months and those counts (``reading.sections``).
Each drift is printed on its own line, naming the story (slug and id), or
the person or tag of a count, and what kind of row it is. Exits with status
1 when anything had drifted, repaired or not, so a scheduled run can alert;
``--repair`` rewrites what drifted and starts a new page cache generation.

Stories, people and tags are read in batches by id: memory stays flat at any
size. Progress goes to stderr when it is a terminal, or with ``--progress``.
"""

import sys
from collections import Counter
from itertools import chain

from django.core.management.base import BaseCommand, CommandError

from reading import listings
from reading.sections import SECTIONS


class Command(BaseCommand):
    help = (
        "Check the listings' derived rows (link copies, story ids, monthly counts, totals) "
        "against the stories; --repair rewrites what drifted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="rewrite what drifted")
        parser.add_argument(
            "--progress", action="store_true", help="show progress on stderr even if not a TTY"
        )
        parser.add_argument(
            "--batch", type=int, default=listings.BATCH, help="rows per batch (default %(default)s)"
        )

    def handle(self, *args, repair, progress, batch, **options):
        if batch < 1:
            raise CommandError("--batch takes a number of rows, 1 or more.")
        tty = sys.stderr.isatty()
        show = progress or tty

        def report(done, total, what):
            share = f" ({100 * done // total}%)" if total else ""
            line = f"checklistings: {what} {done:,}/{total:,}{share}"
            if tty:
                self.stderr.write(f"\r{line}\033[K", ending="")
                if done >= total:
                    self.stderr.write("")
            else:
                self.stderr.write(line)

        kinds = Counter()
        shown = report if show else None
        drifts = chain(
            listings.check(repair=repair, batch=batch, progress=shown),
            SECTIONS.check(repair=repair, batch=batch, progress=shown),
        )
        for drift in drifts:
            kinds[drift.kind] += 1
            self.stdout.write(str(drift))
        if not kinds:
            self.stdout.write("No drift: every derived listing row matches the stories.")
            return
        summary = ", ".join(f"{n:,} {kind}" for kind, n in sorted(kinds.items()))
        total = sum(kinds.values())
        if repair:
            self.stdout.write(f"Repaired {total:,} drifted rows ({summary}).")
            raise CommandError(
                f"{total:,} derived rows had drifted and were repaired.", returncode=1
            )
        raise CommandError(
            f"{total:,} derived rows drifted ({summary}); run with --repair to rewrite them.",
            returncode=1,
        )
