"""The IP address of a comment is kept at most 30 days (PRODUCT.md, privacy by design)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def purge() -> str:
    out = StringIO()
    call_command("purge_comment_ips", stdout=out)
    return out.getvalue()


def test_addresses_older_than_30_days_are_removed_and_recent_ones_kept():
    now = timezone.now()
    old = CommentFactory(created_at=now - timedelta(days=31), ip_address="192.0.2.1")
    older = CommentFactory(
        created_at=now - timedelta(days=400), ip_address="2001:db8::1"
    )
    recent = CommentFactory(created_at=now - timedelta(days=29), ip_address="192.0.2.2")
    today = CommentFactory(created_at=now, ip_address="192.0.2.3")

    output = purge()

    old.refresh_from_db()
    older.refresh_from_db()
    recent.refresh_from_db()
    today.refresh_from_db()
    assert old.ip_address is None
    assert older.ip_address is None
    assert recent.ip_address == "192.0.2.2"
    assert today.ip_address == "192.0.2.3"
    assert "2 reactie(s)" in output
    assert "30 dagen" in output


def test_purging_keeps_the_comments_themselves():
    comment = CommentFactory(
        created_at=timezone.now() - timedelta(days=60),
        ip_address="192.0.2.1",
        body="Deze reactie blijft staan.",
    )

    purge()

    comment.refresh_from_db()
    assert Comment.objects.count() == 1
    assert comment.body == "Deze reactie blijft staan."
    assert comment.status == Comment.Status.APPROVED


def test_purging_pending_and_spam_comments_too():
    long_ago = timezone.now() - timedelta(days=45)
    CommentFactory(created_at=long_ago, status=Comment.Status.PENDING)
    CommentFactory(created_at=long_ago, status=Comment.Status.SPAM)

    purge()

    assert not Comment.objects.filter(ip_address__isnull=False).exists()


def test_a_second_run_finds_nothing_left_to_purge():
    CommentFactory(created_at=timezone.now() - timedelta(days=31))

    assert "1 reactie(s)" in purge()
    assert "0 reactie(s)" in purge()


def test_the_privacy_page_says_addresses_are_purged_nightly_and_names_no_command(
    client,
):
    content = client.get("/privacy/").content.decode()

    assert "purge_comment_ips" not in content
    assert "Elke nacht wist de server automatisch de IP-adressen" in content


def test_the_deploy_guides_daily_timer_runs_the_purge_as_written(tmp_path):
    """Rehearses the timer of docs/deploy.md: its ExecStart, on a database of its own."""
    import re

    from tests.support.processes import (
        PROJECT_DIR,
        TEST_SECRET_KEY,
        printed_lines,
        run,
        run_manage,
        run_python,
    )

    guide = (PROJECT_DIR / "docs" / "deploy.md").read_text()
    assert "OnCalendar=*-*-* 03:15:00" in guide
    exec_start = re.search(
        r"ExecStart=\S+/\.venv/bin/python (manage\.py purge_comment_ips)\n", guide
    )
    environ = {
        "DEBUG": "0",
        "SECRET_KEY": TEST_SECRET_KEY,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    assert run_manage("migrate", "--verbosity", "0", **environ).returncode == 0
    setup = (
        "import django; django.setup()\n"
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from tests.factories import CommentFactory\n"
        "CommentFactory(created_at=timezone.now() - timedelta(days=31), ip_address='192.0.2.1')\n"
    )
    assert (
        run_python(
            setup, DJANGO_SETTINGS_MODULE="ambtenarenpanel.settings", **environ
        ).returncode
        == 0
    )

    result = run([".venv/bin/python", *exec_start[1].split()], env=environ)

    assert result.returncode == 0, result.stderr
    check = (
        "import django; django.setup()\n"
        "from articles.models import Comment\n"
        "print('KEPT', Comment.objects.filter(ip_address__isnull=False).count())\n"
    )
    printed = printed_lines(
        run_python(check, DJANGO_SETTINGS_MODULE="ambtenarenpanel.settings", **environ)
    )
    assert printed["KEPT"] == "0"
