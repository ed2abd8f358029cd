"""Backups of the whole site: the database as portable JSON, plus the media files.

A backup is a directory::

    data.json       every row, from ``dumpdata`` with natural foreign keys
    media/          a copy of MEDIA_ROOT (renditions: what readers load)
    originals/      a copy of ORIGINALS_ROOT (the private photo originals)
    manifest.json   row counts per model and a SHA-256 for data.json and each file

The JSON works on SQLite and PostgreSQL alike, so a backup taken from one can
be restored into the other. Sessions, content types and permissions are left
out: Django recreates the last two on migrate, and sessions only sign people out.
django-axes' records of failed sign-ins are left out too.
"""

import hashlib
import json
import shutil
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]


class BackupError(Exception):
    """A backup that is incomplete, damaged, or does not match what was restored."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backed_up_models():
    excluded_apps = {name for name in EXCLUDED if "." not in name}
    excluded_models = {name for name in EXCLUDED if "." in name}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in excluded_apps or label in excluded_models:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


def row_counts():
    return {model._meta.label_lower: model._default_manager.count() for model in backed_up_models()}


def media_files(root):
    root = Path(root)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def trees():
    """Each directory a backup copies, by its name in the backup."""
    return {"media": Path(settings.MEDIA_ROOT), "originals": Path(settings.ORIGINALS_ROOT)}


def backup(output):
    """Write a backup of the database and media into the new directory ``output``."""
    output = Path(output)
    if output.exists() and any(output.iterdir()):
        raise BackupError(f"{output} is not empty; give a new directory for the backup.")
    output.mkdir(parents=True, exist_ok=True)
    data = output / "data.json"
    call_command(
        "dumpdata",
        *[f"--exclude={name}" for name in EXCLUDED],
        natural_foreign=True,
        indent=1,
        output=str(data),
        verbosity=0,
    )
    for name, root in trees().items():
        if root.exists():
            shutil.copytree(root, output / name)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "rows": row_counts(),
        "data_sha256": sha256(data),
        **{name: media_files(output / name) for name in trees()},
    }
    (output / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def read_manifest(source):
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{source} has no manifest.json: it is not a Newsroom backup.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{source} is a backup in format {manifest.get('format')!r}, not {FORMAT}."
        )
    if sha256(source / "data.json") != manifest["data_sha256"]:
        raise BackupError(f"{source}/data.json does not match its checksum: it is damaged.")
    for tree in trees():
        found = media_files(source / tree)
        # Backups from before originals were kept apart have no "originals".
        for name, digest in manifest.get(tree, {}).items():
            if found.get(name) != digest:
                raise BackupError(f"File {name} is missing or damaged in {source}/{tree}.")
    return manifest


def restore(source):
    """Replace the database and media with the backup in ``source``; check the result.

    The backup is checked before anything is touched; the database is then
    emptied and loaded in one transaction, so a load that fails changes nothing.
    """
    source = Path(source)
    manifest = read_manifest(source)
    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", str(source / "data.json"), verbosity=0)
    for tree, root in trees().items():
        if root.exists():
            shutil.rmtree(root)
        if (source / tree).exists():
            shutil.copytree(source / tree, root)
        else:
            root.mkdir(parents=True)
    check(manifest)
    return manifest


def check(manifest):
    """Raise BackupError unless the database and media are what ``manifest`` describes."""
    counts = row_counts()
    wrong = {
        label: (rows, counts.get(label))
        for label, rows in manifest["rows"].items()
        if counts.get(label) != rows
    }
    if wrong:
        details = ", ".join(
            f"{label}: {want} expected, {got} found" for label, (want, got) in wrong.items()
        )
        raise BackupError(f"The restored rows differ from the backup: {details}.")
    for tree, root in trees().items():
        if media_files(root) != manifest.get(tree, {}):
            raise BackupError(f"The restored {tree} files differ from the backup.")
