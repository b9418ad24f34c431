"""Production settings: refuse to start without secrets, pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "klmitwirkung.settings",
    "DJANGO_SECRET_KEY": "x7!k2q#production-like-secret-key-of-sufficient-length-and-variety",
    "DJANGO_ALLOWED_HOSTS": "klmitwirkung.de",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://klmitwirkung.de",
    "EMAIL_URL": "smtp://mailer:secret@mail.example.org:587/?tls=1",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_pass_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "EMAIL_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_seed_demo_refuses_with_debug_off():
    result = manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "refuses to run with DEBUG off" in result.stderr
