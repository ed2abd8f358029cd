"""Settings for Newsroom, read from the environment.

The defaults suit a laptop: SQLite next to the code, an in-process cache and a
development key that only works with DEBUG on. Production sets DEBUG off and
supplies SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CACHE_URL; with those,
``manage.py check --deploy`` has nothing to report.
"""

import datetime
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
    "newsroom.apps.TagsConfig",
    "reversion",
    "django_prose_editor",
    "rest_framework",
    "drf_spectacular",
    "newsroom.apps.SignInAttemptsConfig",
    "django_otp",
    "newsroom.apps.TwoFactorDevicesConfig",
    "newsroom",
    "people",
    "photos",
    "articles",
    "reading",
    "discovery",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.routers.ReplicaReadsMiddleware",
    # The designed 404 page with DEBUG on, for the demo (newsroom/not_found.py).
    "newsroom.not_found.DesignedNotFoundMiddleware",
    # 304s for pages a browser or CDN already has, cached ones included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers' pages from the shared cache, never stale (newsroom/middleware.py).
    "newsroom.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsroom.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that a locked-out login never reaches the view.
    "axes.middleware.AxesMiddleware",
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
                "newsroom.context_processors.sections",
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


def prepared_statements(database):
    """On PostgreSQL, bind parameters on the server and keep the plans of repeated queries.

    A reading page's few queries are the same text for every story or person,
    only the parameters differ; planned once per connection, they then cost
    their execution alone (a story's own query: 3 ms planned, 0.5 ms
    prepared). DATABASE_PREPARE_THRESHOLD=off turns it off, e.g. behind a
    pooler in transaction mode.
    """
    threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "5")
    if database["ENGINE"] != "django.db.backends.postgresql" or threshold == "off":
        return database
    if not threshold.isdigit():
        raise ImproperlyConfigured(
            f"DATABASE_PREPARE_THRESHOLD must be a whole number or off, not {threshold!r}."
        )
    options = database.setdefault("OPTIONS", {})
    options.update(server_side_binding=True, prepare_threshold=int(threshold))
    # A prepared query is planned once, for any values: left to choose, the
    # server kept planning the story sidebars afresh (2.5 ms of their 7 ms).
    # Their plans are index walks whatever the story; search, whose plan does
    # depend on its words, runs unprepared (common.planning).
    # A generic plan guesses a desk list's status matches half the table, and
    # a plan that costly is compiled to machine code first: 18 ms for an empty
    # "waiting for review" list. Queries here are short; JIT never pays (the
    # desk's home page at a million stories: 75 -> 30 ms).
    options["options"] = "-c plan_cache_mode=force_generic_plan -c jit=off"
    return database


prepared_statements(DATABASES["default"])

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
    prepared_statements(DATABASES[alias])
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["newsroom.routers.PrimaryReplicaRouter"]
# How long a browser reads from the primary after it wrote: longer than replicas lag.
REPLICA_LAG_SECONDS = int(os.environ.get("REPLICA_LAG_SECONDS", "10"))
PRIMARY_ONLY_PATHS = ["/admin/"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL picks the shared cache: redis://host:port/db for several app
# servers; without it each process keeps its own small in-memory cache.
# A Redis that is down or slow is treated as an empty cache (see newsroom/cache.py):
# pages are then built afresh, never refused.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.ForgivingRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
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

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and refuses further tries once the limit is hit.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The page cache: the longest a page is kept (changes end it sooner), and paths never kept.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_SKIP_PATHS = ["/admin/", "/api/schema/"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
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
# Photo uploads over these limits are refused with a form error (photos/uploads.py).
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

# Originals (photos as uploaded, cleaned of private metadata) are never served:
# only their renditions are public. On disk they live outside MEDIA_ROOT; in
# object storage under their own prefix (or bucket), private, with signed URLs.
ORIGINALS_ROOT = Path(os.environ.get("ORIGINALS_ROOT", BASE_DIR / "private"))
if MEDIA_BUCKET:
    ORIGINALS_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **MEDIA_STORAGE["OPTIONS"],
            "bucket_name": os.environ.get("ORIGINALS_BUCKET") or MEDIA_BUCKET,
            "location": os.environ.get("ORIGINALS_PREFIX", "originals"),
            "custom_domain": None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
else:
    ORIGINALS_STORAGE = {
        "BACKEND": "common.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(ORIGINALS_ROOT)},
    }

STORAGES = {
    "default": MEDIA_STORAGE,
    "originals": ORIGINALS_STORAGE,
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
# With DEBUG on, show readers' 404 page rather than Django's debug page (make run turns it on).
DESIGNED_404 = env_bool("DESIGNED_404", False)

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
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Only staff have sessions: a sign-in lasts a working day, then the admin asks again.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 60 * 60 * 10))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", False)

# Content Security Policy: no inline script or style anywhere, nothing from
# other sites. The admin's stock templates need no exception.
from csp.constants import NONCE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # A nonce is sent only on pages that ask for one: the story editor's import map.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Powerful browser features the site never uses, refused for it and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Sign-in guessing: five wrong passwords for one account from one address
# lock that pair out for 15 minutes; a right password resets the count.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

# Two-factor sign-in (TOTP). Any staff member may turn it on; with
# REQUIRE_2FA on, superusers and the groups below must, and are sent to set it
# up before they reach the admin. On by default in production (DEBUG off and
# HTTPS on); off on a laptop, in the demo and in the tests.
REQUIRE_2FA = env_bool("REQUIRE_2FA", HTTPS and not DEBUG)
REQUIRE_2FA_GROUPS = env_list("REQUIRE_2FA_GROUPS", ["Editor"])
OTP_TOTP_ISSUER = SITE_NAME

# While the database is down, pages answer 503 with this Retry-After (newsroom/errors.py).
RETRY_AFTER_SECONDS = int(os.environ.get("RETRY_AFTER_SECONDS", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The read API (discovery/api/): anonymous, read-only JSON with an OpenAPI schema.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "discovery.api.pagination.Pages",
    "PAGE_SIZE": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} read API",
    "DESCRIPTION": "Published stories, the people they are about, and tags. Read-only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}
