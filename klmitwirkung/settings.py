"""Settings for KLmitWirkung, read from the environment (see README, "Konfiguration")."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def mailer_from_url(url):
    """Turn smtp://user:password@host:587/?tls=1 (or smtps://...) into a MAILERS entry."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options = {
        "host": parts.hostname,
        "use_ssl": parts.scheme == "smtps" or query.get("ssl") == "1",
        "use_tls": query.get("tls") == "1",
        "timeout": int(query.get("timeout", "10")),
    }
    if parts.port:
        options["port"] = parts.port
    if parts.username:
        options["username"] = unquote(parts.username)
        options["password"] = unquote(parts.password or "")
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "For local development use `make run`, which sets DJANGO_DEBUG=1."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin: editors write German and English side by side (translation.py in
    # the apps names the fields).
    "modeltranslation",
    "klmitwirkung.admin_site.KLmitWirkungAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tasks_db",
    # Renditions of uploaded images (core/renditions.py); its table lists what it made.
    "sorl.thumbnail",
    "core",
    "outbox",
    "accounts",
    "pages",
    "maps",
    "events",
    "progress",
    "projects",
    "polls",
    "moderation",
    "proposals",
    "mapconsultations",
    "plans",
    "documents",
    "comments",
    "newsletter",
    # The top comes last: its admin module refines what the apps registered.
    "klmitwirkung",
    "demo",
]

MIDDLEWARE = [
    # A diagnostic for the load benchmark, off unless DJANGO_SERVER_TIMING is set.
    "klmitwirkung.middleware.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the session or the database with what the request carries.
    "klmitwirkung.middleware.RejectNullCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "klmitwirkung.middleware.StaffSecondFactorMiddleware",
    # Last, so that it is the first to see what a view raises: the 503 page when the
    # database is gone. Errors of the middleware above reach handler500, which does the same.
    "klmitwirkung.middleware.DatabaseUnavailableMiddleware",
]

# Each response tells in `Server-Timing` how much CPU and wall time the app spent on it
# (klmitwirkung.middleware.ServerTimingMiddleware); `make bench` turns it on.
SERVER_TIMING = env_bool("DJANGO_SERVER_TIMING")

ROOT_URLCONF = "klmitwirkung.urls"
WSGI_APPLICATION = "klmitwirkung.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "klmitwirkung.context_processors.site",
            ],
        },
    },
]

# Database: a SQLite file for zero set-up, PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The zero-set-up file takes bursts of writers (twenty ballots at once gave „database
    # is locked“): each transaction takes the write lock when it begins rather than when it
    # first writes, so none fails halfway; a writer waits up to 20 s for the lock; and with
    # the write-ahead log, readers never wait for a writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches, so that rendered pages can never push out what must hold, and so that Redis
# may fail without harm:
# - "default", in PostgreSQL (table klmitwirkung_cache, `manage.py createcachetable`): rate
#   limits, allauth's and ours. Never evicted to make room (core/cache.py): a login
#   lock holds under any flood, and signing in and writing work while Redis is down.
# - "pages": rendered public pages, counted figures and their content versions
#   (core/page_cache.py). With REDIS_URL a Redis shared by all app servers, run with
#   `maxmemory-policy volatile-lru`: pages expire and go first, the versions have no expiry.
#   If it is down, pages are rendered as if there were no cache. Without REDIS_URL each app
#   process keeps pages in its own memory, and the versions live in "default", shared.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "core.cache.DurableDatabaseCache",
        "LOCATION": "klmitwirkung_cache",
        # Expired entries are deleted whenever the table grows past this; live ones never.
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "klmitwirkung",
        # A Redis that hangs must not hang the pages: give up within a second.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "klmitwirkung-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "500"))},
    },
}
# Map tiles fetched from MAP_TILES_URL are kept on disk (maps/tiles.py): a cache that may be
# emptied at any time, and that no other cache's entries can push out.
CACHES["tiles"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": os.environ.get("MAP_TILES_CACHE_DIR", str(BASE_DIR / "var" / "tile-cache")),
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("MAP_TILES_CACHE_ENTRIES", "20000"))},
}

# Maps (maps/): where the tiles come from ("" = schematic tiles drawn by the app, offline;
# or an address with {z}, {x}, {y}, fetched by the app: browsers only ever ask our origin),
# what the map must credit, the area (south, west, north, east in degrees; Kaiserslautern)
# and the zoom levels it offers.
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "")
MAP_ATTRIBUTION = os.environ.get("MAP_ATTRIBUTION", "")
MAP_TILES_TIMEOUT = float(os.environ.get("MAP_TILES_TIMEOUT", "5"))
MAP_TILES_CACHE_SECONDS = int(os.environ.get("MAP_TILES_CACHE_SECONDS", str(30 * 24 * 3600)))
MAP_BOUNDS = tuple(float(edge) for edge in env_list("MAP_BOUNDS", "49.38,7.64,49.51,7.88"))
MAP_MIN_ZOOM = int(os.environ.get("MAP_MIN_ZOOM", "11"))
MAP_MAX_ZOOM = int(os.environ.get("MAP_MAX_ZOOM", "18"))

# Where the content versions live: beside the pages when those are shared, otherwise in the
# shared "default", so that every process sees a change at once.
PAGE_CACHE_VERSIONS = "pages" if REDIS_URL else "default"

# Public pages for visitors who are not signed in are served from the cache for up to
# this many seconds; a change through the services shows at once (core/page_cache.py).
# 0 switches it off, the default while developing.
PAGE_CACHE_SECONDS = int(os.environ.get("KLMITWIRKUNG_PAGE_CACHE_SECONDS", "0" if DEBUG else "30"))

# Sessions live in PostgreSQL; with a shared Redis they are read through it, kept there for
# a few minutes at most (core/sessions.py). A Redis of each process's own could hold a stale
# copy of a session another process changed, so without REDIS_URL: the database alone.
SESSION_ENGINE = "core.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
SESSION_CACHE_ALIAS = "pages"
SESSION_CACHE_SECONDS = int(os.environ.get("SESSION_CACHE_SECONDS", "300"))
# Notices live in the session, so that no cookie beyond sessionid and csrftoken is set.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# django-allauth: login by e-mail, mandatory confirmation, no account enumeration.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "request_login_code": "accounts.forms.RequestLoginCodeForm",
    "confirm_login_code": "accounts.forms.ConfirmLoginCodeForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
# Citizens may sign in with a one-time code mailed to them instead of the password.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_PRESERVE_USERNAME_CASING = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[KLmitWirkung] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's defaults, stated so that an operator sees them; they count on the shared cache.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}

# Second factor: an authenticator app (TOTP) with recovery codes. Staff must have it
# before the admin opens (klmitwirkung.middleware.StaffSecondFactorMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "KLmitWirkung"
# A code typed as the authenticator app moves on to the next one still counts (one step
# of 30 s either way, as RFC 6238 recommends for the delay of typing); each code counts once.
MFA_TOTP_TOLERANCE = 1

# Background work (mails) on Django's tasks framework. Production queues tasks in the
# database for `manage.py db_worker`; development and tests run them at once, after the
# transaction that enqueued them has committed.
TASK_QUEUE = os.environ.get("TASK_QUEUE", "immediate" if DEBUG else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        }[TASK_QUEUE]
    }
}

# Web addresses in citizens' text ("www.example.org") become https links.
URLIZE_ASSUME_HTTPS = True

# What can be commented on (see comments/models.py for what such a model offers).
COMMENT_TARGETS = [
    "projects.Project",
    "polls.Poll",
    "proposals.Proposal",
    "mapconsultations.Entry",
    "documents.Document",
    "documents.Chapter",
    "documents.Paragraph",
]

# New contributions per person and window (see core/ratelimit.py): enough for
# anyone taking part in earnest, too few for a flood.
CONTRIBUTION_RATE_LIMITS = {
    "proposal": os.environ.get("RATE_LIMIT_PROPOSALS", "5/d"),
    "comment": os.environ.get("RATE_LIMIT_COMMENTS", "30/h"),
    "report": os.environ.get("RATE_LIMIT_REPORTS", "20/h"),
    "map_entry": os.environ.get("RATE_LIMIT_MAP_ENTRIES", "20/h"),
    "participation_request": os.environ.get("RATE_LIMIT_PARTICIPATION_REQUESTS", "10/d"),
}
# Newsletter confirmation mails (see newsletter/services.py): per address, so that nobody
# can flood someone's inbox, and per client IP address, so that nobody can try many.
NEWSLETTER_RATE_LIMITS = {
    "address": os.environ.get("RATE_LIMIT_NEWSLETTER_ADDRESS", "3/d"),
    "client": os.environ.get("RATE_LIMIT_NEWSLETTER_CLIENT", "20/h"),
}

# Mail: Django 6.1's MAILERS. The console in development (readable, not quoted-printable:
# core/console_mail.py), SMTP from EMAIL_URL otherwise.
if os.environ.get("EMAIL_URL"):
    MAILERS = {"default": mailer_from_url(os.environ["EMAIL_URL"])}
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "core.console_mail.EmailBackend"}}
else:
    raise ImproperlyConfigured(
        "EMAIL_URL must be set when DJANGO_DEBUG is off, "
        "for example smtp://user:password@mail.example.org:587/?tls=1"
    )
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "KLmitWirkung <noreply@klmitwirkung.de>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation: English message ids, German for the people.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# Our own strings first; then German "Sie" overrides of allauth's messages, whose own
# German mixes "du" and "Sie"; then German for strings of Django's admin (and its JavaScript
# calendar and filters) that Django's own German catalogues lack.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "locale" / "overrides",
    BASE_DIR / "locale" / "django",
]
# Content in both languages (django-modeltranslation): `title_de` and `title_en` beside
# `title`; German is required, and where the English is missing the German is shown (the
# templates say so and mark it `lang="de"`).
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = ("de", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

# Dates in each language's own order ("5. Dezember 2026" / "December 5, 2026").
FORMAT_MODULE_PATH = ["klmitwirkung.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files, self-hosted through whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Renditions of images (core/renditions.py): made by the worker after the commit, stored
# under media/renditions/, without the originals' metadata and never enlarged.
THUMBNAIL_PREFIX = "renditions/"
THUMBNAIL_UPSCALE = False
THUMBNAIL_PRESERVE_FORMAT = False

# Media on an S3-compatible object store instead of local files (MEDIA_STORAGE=s3), so that
# several app servers and the worker share uploads and renditions without a shared volume.
# The bucket (or a CDN in front of it, S3_PUBLIC_URL) serves renditions/ to visitors; the
# originals are linked from the admin only and may stay private.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
MEDIA_ORIGIN = None  # where images come from, if not from our own origin
if MEDIA_STORAGE == "s3":
    if not os.environ.get("S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT_URL etc.)")
    _public = urlsplit(os.environ.get("S3_PUBLIC_URL", ""))
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("S3_SECRET_KEY") or None,
            # Plain addresses that pages and the page cache can keep; never overwrite.
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
            **(
                {"custom_domain": _public.netloc + _public.path.rstrip("/")}
                if _public.netloc
                else {}
            ),
            **({"url_protocol": f"{_public.scheme}:"} if _public.scheme else {}),
        },
    }
    _origin = _public if _public.netloc else urlsplit(os.environ.get("S3_ENDPOINT_URL", ""))
    if _origin.netloc:
        MEDIA_ORIGIN = f"{_origin.scheme}://{_origin.netloc}"
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be local (the default) or s3.")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. Scripts only from our own origin or with the per-response nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
# Load balancers probe /healthz, monitors /readyz, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto, the redirect can stay on;
    # where the proxy already redirects, DJANGO_SECURE_SSL_REDIRECT=0 switches it off.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    if env_bool("DJANGO_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        # allauth's per-client rate limits (and the newsletter's) take the visitor's address
        # from X-Forwarded-For, as set by the one proxy in front; otherwise every visitor
        # would count as the proxy.
        ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "1"))
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is the operator's decision (DJANGO_HSTS_PRELOAD); it cannot be undone.
    "security.W021",
]

# One line per record on stdout: a JSON object for the log collector (core/log_format.py),
# plain text for a developer's terminal when DEBUG is on.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.log_format.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line" if DEBUG else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default logging gives "django" a console handler of its own for DEBUG,
        # which printed every record twice in development (a task's start and end, the
        # autoreloader); its records reach the root's handler above, once.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "INFO"},
    },
}

SITE_NAME = "KLmitWirkung"
# The address in links of mails sent outside a request (background tasks). In development
# the port that `make run` serves on (it passes DJANGO_PORT), unless SITE_URL says otherwise.
SITE_URL = os.environ.get(
    "SITE_URL",
    f"http://127.0.0.1:{os.environ.get('DJANGO_PORT') or 8000}"
    if DEBUG
    else "https://klmitwirkung.de",
).rstrip("/")
CONTACT_EMAIL = os.environ.get("KLMITWIRKUNG_CONTACT_EMAIL", "info@klmitwirkung.de")
