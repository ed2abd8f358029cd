from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (as JSON) and the media files into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="A new or empty directory.")

    def handle(self, *args, output, **options):
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Backed up {rows} rows and {len(manifest['media'])} media files to {output}."
        )
