"""What `make run` prints before the server starts: a few lines, the demo logins last."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR


@pytest.fixture
def development(tmp_path):
    """The environment of `make run` on a fresh SQLite file, as a newcomer starts."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "EMAIL_", "SITE_URL", "REDIS_URL", "TASK_QUEUE"))
        and key != "DATABASE_URL"
    }
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "klmitwirkung.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_PORT": "8123",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }


def run(command, env):
    """Standard output and error of `command`, interleaved as in a terminal."""
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout.splitlines()


def test_migrations_and_the_demo_print_a_few_lines_ending_with_the_logins(development):
    # The same targets as `make run` before runserver; -o: never reinstall the packages here.
    migrate = run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", "migrate"], development
    )
    seed = run([sys.executable, "manage.py", "seed_demo"], development)
    output = migrate + seed

    assert migrate == []
    assert len(output) < 10, "\n".join(output)
    assert not [line for line in output if "Task id=" in line or "Subject:" in line]
    assert output[0].startswith("Demo content ready (7 new pages, 11 new projects")
    assert output[-5:-1] == [
        "Demo logins (sign in at http://127.0.0.1:8123/konto/login/):",
        "  Redaktion    redaktion@example.org        kl-demo-2026!",
        "  Moderation   moderation@example.org       kl-demo-2026!",
        "  Bürger:in    buergerin@example.org        kl-demo-2026!",
    ]
    assert output[-1].startswith("Staff also enter a code from an authenticator app")


def test_a_task_is_logged_once_per_step(development):
    code = "\n".join(
        [
            "import django",
            "django.setup()",
            "from django.tasks import task",
            "@task",
            "def count_ballots():",
            "    return 3",
            "count_ballots.enqueue()",
        ]
    )
    output = run([sys.executable, "-c", code], development)

    assert len(output) == 2, "\n".join(output)
    assert output[0].endswith("path=__main__.count_ballots state=RUNNING")
    assert output[1].endswith("path=__main__.count_ballots state=SUCCESSFUL")
