# KLmitWirkung: the app image. gunicorn serves it; whitenoise serves the static files.
# Debian 13 (trixie): its PostgreSQL client tools are version 17, as the `db` service, so
# that bin/backup and bin/restore-drill can run in this image.
FROM python:3.13-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext curl postgresql-client-17 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 1000 klmitwirkung

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .

# Translations and static files are built into the image; the dummy values only serve
# these two commands and are never used at run time.
RUN DJANGO_SECRET_KEY=build-only EMAIL_URL=smtp://localhost \
        python manage.py compilemessages --ignore=.venv --verbosity=0 \
    && DJANGO_SECRET_KEY=build-only EMAIL_URL=smtp://localhost \
        python manage.py collectstatic --no-input --verbosity=0 \
    && mkdir -p /app/media /app/var/tile-cache \
    && chown -R klmitwirkung /app/media /app/var

USER klmitwirkung
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD curl -fsS -H "Host: localhost" http://127.0.0.1:8000/healthz || exit 1

CMD ["gunicorn", "klmitwirkung.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
