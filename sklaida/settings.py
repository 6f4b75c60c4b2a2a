"""Settings for Sklaida, read from environment variables with safe defaults.

Without any environment the system runs on a SQLite file, a local media folder, an
in-process cache and the database-backed job queue. Production sets DATABASE_URL,
REDIS_URL, EMAIL_URL, SECRET_KEY and ALLOWED_HOSTS (see docs/DEPLOY.md).
"""

import datetime
import ipaddress
import os
import tempfile
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()


def folder(value: str | os.PathLike) -> Path:
    """A folder setting as the code uses it: an absolute `pathlib.Path`.

    django-environ's `env.path` gives its own `environ.Path`, which has no `mkdir`,
    `open` or `exists`; code that calls them on such a setting fails only in production.
    Tests that move a folder setting pass their folder through here too.
    """
    return Path(os.path.abspath(os.path.expanduser(value)))


def env_folder(name: str, default: Path) -> Path:
    return folder(env.str(name, default=str(default)))


DEBUG = env.bool("DEBUG", default=False)
# Demo mode allows `manage.py demo` to create the demo personas with a known password.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY, or DEBUG=1 for local development.")
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# The reverse proxies in front of Sklaida (addresses or networks such as 10.0.0.0/24):
# only their X-Forwarded-For and X-Forwarded-Proto are believed (sklaida/core/proxies.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy.strip(), strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network"
        ) from _error
# A public form sent back sooner than this after it was shown was not typed by a person.
PUBLIC_FORM_MIN_SECONDS = env.float("PUBLIC_FORM_MIN_SECONDS", default=3)

INSTALLED_APPS = [
    "sklaida.core",
    # Django's admin with the one sign-in page and the second factor (core.admin_site).
    "sklaida.core.apps.SklaidaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "taggit",
    "auditlog",
    "django_countries",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "sklaida.contacts",
    "sklaida.consultations",
    "sklaida.events",
    "sklaida.communication",
    "sklaida.archive",
    "sklaida.design",
    "sklaida.projects",
    "sklaida.procurement",
    "sklaida.public",
]

MIDDLEWARE = [
    # First: forwarding headers from anyone but a trusted proxy are dropped before use.
    "sklaida.core.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sklaida.core.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "sklaida.core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sklaida.core.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "sklaida.core.middleware.StorageFailureMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sklaida.urls"
WSGI_APPLICATION = "sklaida.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sklaida.core.context_processors.sklaida",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL names another (postgres://…).
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'sklaida.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web process write without "database is locked"; a
    # writer waits up to 20 s for the one before it (a rush of sign-ups) instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": 20,
        }
    )
    # Tests use a file too: Django's default shared-cache in-memory test database fails
    # concurrent writers at once ("database table is locked") instead of letting them wait,
    # so the registration rush test could not run. One file per test process.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"sklaida-test-{os.getpid()}.sqlite3")
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when configured, carries the cache and the background job queue.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sklaida",
            # A Redis that stops answering must not hang every page (or /healthz).
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs (Django Tasks API): "db" is the embedded default, "rq" needs Redis,
# "immediate" runs a job inside the request (tests).
TASKS_BACKEND = env.str("TASKS_BACKEND", default="rq" if REDIS_URL else "db")
_TASK_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}.")
if TASKS_BACKEND == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# RQ kills a job after 180 s by default; a fixity audit or a bag of a large collection
# takes longer.
RQ_QUEUES = {
    "default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 6 * 3600}
}
RQ_SHOW_ADMIN_LINK = False
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")  # its `rqworker` command runs the RQ worker
# The worker process records that it is alive this often (core.processes); /healthz
# reports it missing once its heartbeat is older than the maximum age.
WORKER_HEARTBEAT_SECONDS = env.float("WORKER_HEARTBEAT_SECONDS", default=30)
WORKER_HEARTBEAT_MAX_AGE_SECONDS = env.int("WORKER_HEARTBEAT_MAX_AGE_SECONDS", default=180)

# E-mail: EMAIL_URL such as smtp+tls://user:password@mail.example.lt:587.
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://127.0.0.1:25"
)
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Sklaida <sklaida@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The editorial link check requests only public internet addresses; networks listed here
# (e.g. "10.20.0.0/16" for the library's intranet) may be checked too.
LINK_CHECK_ALLOWED_NETWORKS = env.list("LINK_CHECK_ALLOWED_NETWORKS", default=[])
# E-mails to one person wait in the outbox at most this long (then they are given up);
# the job queue's records of finished jobs are deleted after JOB_RESULTS_KEEP_DAYS.
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=7)
JOB_RESULTS_KEEP_DAYS = env.int("JOB_RESULTS_KEEP_DAYS", default=7)
# The demo's mailbox (`manage.py demo_mailbox`, DEMO_MODE only) keeps what it catches here.
DEMO_MAILBOX_DIR = env_folder("DEMO_MAILBOX_DIR", default=BASE_DIR / "var" / "mailbox")
# Newsletter: messages per second at most (0 = no limit) and the pause before a retry.
NEWSLETTER_RATE_PER_SECOND = env.float("NEWSLETTER_RATE_PER_SECOND", default=20)
NEWSLETTER_RETRY_PAUSE = env.float("NEWSLETTER_RETRY_PAUSE", default=2)
# A sending job silent this long counts as dead and is resumed (every minute's check).
SENDING_STALLED_AFTER_SECONDS = env.int("SENDING_STALLED_AFTER_SECONDS", default=120)
# Newsletter sign-ups never confirmed are deleted this many days after the link was sent,
# unsubscribed addresses this many days after they left (`newsletter-retention`, daily).
NEWSLETTER_UNCONFIRMED_DAYS = env.int("NEWSLETTER_UNCONFIRMED_DAYS", default=30)
NEWSLETTER_UNSUBSCRIBED_DAYS = env.int("NEWSLETTER_UNSUBSCRIBED_DAYS", default=30)

AUTH_USER_MODEL = "core.User"
# Django's rules; three with their help texts in Lithuanian (core/password_validation.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "sklaida.core.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "sklaida.core.password_validation.CommonPasswordValidator"},
    {"NAME": "sklaida.core.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Accounts (docs/SECURITY.md "Accounts"). django-axes' backend comes first: it refuses a
# locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A session lasts a working day, or until the browser closes; "remember me" keeps it longer.
SESSION_COOKIE_AGE = int(env.float("SESSION_HOURS", default=8) * 3600)
SESSION_REMEMBER_DAYS = env.int("SESSION_REMEMBER_DAYS", default=14)
# Failed sign-ins (wrong password or wrong code) lock the user name, and separately the
# client's address, for a while; the administrator can lift a lockout in the admin.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "sklaida.core.views_auth.locked_out"
AXES_CLIENT_IP_CALLABLE = "sklaida.core.proxies.client_ip"
# Its start-up banner would open every manage.py command.
AXES_VERBOSE = False
# Password reset e-mails per hour, per address asked for and per client.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("PASSWORD_RESET_LIMIT_PER_ADDRESS", default=3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env.int("PASSWORD_RESET_LIMIT_PER_CLIENT", default=10)
# A link that confirms a new e-mail address is valid this many seconds.
EMAIL_CHANGE_TIMEOUT = PASSWORD_RESET_TIMEOUT
# Roles whose members must sign in with a second factor, e.g. "head,admin".
OTP_REQUIRED_FOR_ROLES = env.list("OTP_REQUIRED_FOR_ROLES", default=[])
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Sklaida")
# Successful sign-ins (who, when, from where) are kept this many days.
SIGN_IN_LOG_DAYS = env.int("SIGN_IN_LOG_DAYS", default=180)

# Lithuanian first; English can be chosen per user.
LANGUAGE_CODE = "lt"
LANGUAGES = [("lt", _("Lithuanian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Vilnius"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["sklaida.formats"]
LANGUAGE_COOKIE_NAME = "sklaida_language"

STATIC_URL = "/static/"
# Where `collectstatic` puts the hashed files production serves (through WhiteNoise).
STATIC_ROOT = env_folder("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env_folder("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Production serves collected, hashed files (collectstatic); development and tests serve
# them straight from the apps.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    # Folder storages that remove a half-written file when the disk fails (core.storage).
    "default": {"BACKEND": "sklaida.core.storage.CarefulFileSystemStorage"},
    # The media archive's originals and renditions: a folder by default, S3-compatible
    # object storage when ARCHIVE_S3_BUCKET is set (see docs/DEPLOY.md).
    # Keys start with "archive/", so on disk it is MEDIA_ROOT/archive/.
    "archive": {"BACKEND": "sklaida.core.storage.CarefulFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
ARCHIVE_S3_BUCKET = env.str("ARCHIVE_S3_BUCKET", default="")
if ARCHIVE_S3_BUCKET:
    STORAGES["archive"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": ARCHIVE_S3_BUCKET,
            "endpoint_url": env.str("ARCHIVE_S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("ARCHIVE_S3_ACCESS_KEY", default="") or None,
            "secret_key": env.str("ARCHIVE_S3_SECRET_KEY", default="") or None,
            "region_name": env.str("ARCHIVE_S3_REGION", default="") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }
# How many photos `manage.py demo` generates for the media archive (tests use none).
DEMO_ARCHIVE_PHOTOS = env.int("DEMO_ARCHIVE_PHOTOS", default=300)
# Pictures larger than this are refused before decoding (decompression bombs).
ARCHIVE_MAX_PIXELS = env.int("ARCHIVE_MAX_PIXELS", default=250_000_000)
# The largest file one may upload (videos are big).
ARCHIVE_MAX_UPLOAD_BYTES = env.int("ARCHIVE_MAX_UPLOAD_BYTES", default=20 * 1024**3)
# Resumable uploads keep their received bytes here until the last one arrives.
ARCHIVE_UPLOAD_STAGING = env_folder("ARCHIVE_UPLOAD_STAGING", default=BASE_DIR / "var" / "uploads")
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST

# Uploads: attachments are checked by size here and by content in core.validators.
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=25 * 1024 * 1024)
# Proofs are print-ready PDFs, often larger than an attachment.
DESIGN_MAX_UPLOAD_BYTES = env.int("DESIGN_MAX_UPLOAD_BYTES", default=200 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Audit history of every create/update/delete on domain models (django-auditlog).
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "contenttypes",
    "auth.permission",
    # Sign-in attempts and logs are django-axes' own record; second-factor devices hold
    # secrets (the user's `two_factor_enabled` records turning it on and off).
    "axes",
    "otp_totp",
    "otp_static",
    "django_tasks_database",
    "core.heartbeat",
    # E-mails waiting to be sent hold their whole text; they are deleted once sent.
    "core.outgoingemail",
    # The search index is derived from the objects, whose own history is kept.
    "core.searchentry",
    # Work files and bookkeeping, not domain data (an import's preview holds personal data).
    "contacts.personimport",
    "contacts.duplicatecandidate",
)
AUDITLOG_EXCLUDE_TRACKING_FIELDS = ("last_login",)
AUDITLOG_MASK_TRACKING_FIELDS = ("password",)
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True

TAGGIT_CASE_INSENSITIVE = True

# Production hardening; `manage.py check --deploy` passes when DEBUG is off.
if TRUSTED_PROXIES:
    # Only a trusted proxy's header reaches Django (TrustedProxyMiddleware drops others).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): scripts, styles, pictures and connections only from
# our own address, no inline script or event handler, nothing may frame our pages (the
# events widget allows it, public/views/widgets.py). Style attributes stay allowed: progress
# bars set their width, and newsletters shown in the demo mailbox carry inline styles;
# <style> elements do not. Bootstrap's CSS draws its icons from data: pictures.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Powerful browser features no page of Sklaida uses (core.middleware).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()"
)
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # HSTS for subdomains and preload are the Library IT's decision, not ours.
    "security.W005",
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Tokens in registration, newsletter, share and reset links never reach the log.
    "filters": {"redact_secrets": {"()": "sklaida.core.logs.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # runserver's request lines, through the same filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
