from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Replace the database and media files with a backup made by `backup`, "
        "then check that every row and file is back."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup directory.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask before replacing the current data.",
        )

    def handle(self, *args, source, interactive, **options):
        try:
            manifest = read_manifest(source)
            if interactive:
                answer = input(
                    f"This replaces ALL data and media with the backup of "
                    f"{manifest['created_at']}. Type 'yes' to go on: "
                )
                if answer != "yes":
                    raise CommandError("Restore cancelled; nothing was changed.")
            restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Restored {rows} rows and {len(manifest['media'])} media files from {source}; "
            "counts and checksums match."
        )
