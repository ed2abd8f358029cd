"""Settings for Newsroom, read from the environment.

The defaults suit a laptop: SQLite next to the code, an in-process cache and a
development key that only works with DEBUG on. Production sets DEBUG off and
supplies SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CACHE_URL; with those,
``manage.py check --deploy`` has nothing to report.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a yes/no value such as 1 or 0, not {value!r}.")


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A known key is only acceptable where nothing is at stake.
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    "django-insecure-newsroom-development-key" if DEBUG else ""
)
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment, or DEBUG=1 on a laptop.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_prose_editor",
    "rest_framework",
    "drf_spectacular",
    "newsroom",
    "people",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.routers.ReplicaReadsMiddleware",
    # 304s for pages a browser or CDN already has, cached ones included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers' pages from the shared cache, never stale (newsroom/pagecache.py).
    "newsroom.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# Read replicas, as DATABASE_REPLICA_URLS=postgres://…,postgres://…: reader
# requests read from them; writes and editors stay on the primary.
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    alias = f"replica{number}"
    DATABASES[alias] = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["newsroom.routers.PrimaryReplicaRouter"]
# How long a browser reads from the primary after it wrote: longer than replicas lag.
REPLICA_LAG_SECONDS = int(os.environ.get("REPLICA_LAG_SECONDS", "10"))
PRIMARY_ONLY_PATHS = ["/admin/"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL picks the shared cache: redis://host:port/db for several app
# servers; without it each process keeps its own small in-memory cache.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "newsroom",
        }
    }
elif CACHE_URL in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif CACHE_URL == "dummy://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    raise ImproperlyConfigured(
        f"CACHE_URL must be redis://…, locmem:// or dummy://, not {CACHE_URL!r}."
    )

# The page cache: the longest a page is kept (changes end it sooner), and paths never kept.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_SKIP_PATHS = ["/admin/", "/api/schema/"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Keeps a single upload from filling memory; larger photos stream to disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Photo uploads over these limits are refused with a form error (articles/uploads.py).
PHOTO_MAX_UPLOAD_BYTES = int(os.environ.get("PHOTO_MAX_UPLOAD_MB", "25")) * 1024 * 1024
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_MEGAPIXELS", "50")) * 1_000_000

# Uploaded media go to S3-compatible object storage when a bucket is named;
# credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
MEDIA_BUCKET = os.environ.get("MEDIA_BUCKET", "")
if MEDIA_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("MEDIA_PREFIX", ""),
            "default_acl": None,
            "querystring_auth": env_bool("MEDIA_SIGNED_URLS", False),
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and a fresh checkout run without collectstatic; serve from the finders then.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)
# Uploaded media are served by Django only where no web server or object
# store sits in front (a laptop, the demo).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")

# HTTPS is assumed in production; HTTPS=0 turns it off for plain-HTTP serving.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The read API (articles/api/): anonymous, read-only JSON with an OpenAPI schema.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "articles.api.pagination.Pages",
    "PAGE_SIZE": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} read API",
    "DESCRIPTION": "Published stories, the people they are about, and tags. Read-only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}
