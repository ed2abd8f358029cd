"""Settings for the test suite: production settings, less HTTPS, with fast hashing."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-secret")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="newsroom-test-media-"))
os.environ.setdefault("ORIGINALS_ROOT", tempfile.mkdtemp(prefix="newsroom-test-originals-"))
os.environ.setdefault("WHITENOISE_USE_FINDERS", "1")

from newsroom.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Renditions are encoded with the fastest WebP effort: the files differ, not the behaviour.
PHOTO_WEBP_EFFORT = 0
# Tests serve static files from the finders; there is no collected tree.
STATIC_ROOT = None

# A replica that mirrors the primary, for the routing tests; unused until a
# test lists it in DATABASE_REPLICAS.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
