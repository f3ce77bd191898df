"""Nothing is lost and nothing is half-stored: concurrent comments, failing imports, re-imports.

- Comments posted at the same moment by many readers (threads against a live server
  on PostgreSQL) are all stored.
- An import that fails half-way because the database refuses a write leaves the
  previous results exactly as they were; the error is injected at the database
  boundary (a trigger, or a refusal of the Nth INSERT), not by replacing our code.
- Re-importing a corrected file replaces the round's results of the imported
  questions completely, through the admin as research staff do it.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from decimal import Decimal
from http.cookiejar import CookieJar
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.test import Client
from django.test.testcases import LiveServerThread
from django.urls import reverse

from articles.forms import make_form_token
from articles.models import Comment
from surveys.models import AnswerOption, Question, Result
from tests.factories import ArticleFactory, SurveyFactory
from tests.spreadsheets import Q1, base_rows, stored_data, write_csv

IMPORT_URL = reverse("admin:surveys_result_import")
CONFIRM_URL = reverse("admin:surveys_result_process_import")
SLUG = "werkdruk-2024"


def corrected_rows():
    """v1 corrected: new percentages, the segment Gemeente dropped, an option added."""
    return [
        [SLUG, "v1", Q1, "single", "Ja", 55, 110, "", 1],
        [SLUG, "v1", Q1, "single", "Nee", 35, 70, "", 2],
        [SLUG, "v1", Q1, "single", "Weet niet", 10, 20, "", 3],
    ]


def run_import(path):
    out, err = StringIO(), StringIO()
    call_command("import_results", str(path), stdout=out, stderr=err)
    return out.getvalue()


def refuse_import(path) -> str:
    err = StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("import_results", str(path), stdout=StringIO(), stderr=err)
    return f"{err.getvalue()}\n{refusal.value}"


@pytest.fixture
def imported(db, tmp_path):
    """A round with the results of ``base_rows()`` stored."""
    SurveyFactory(slug=SLUG)
    run_import(write_csv(tmp_path / "eerste.csv", base_rows()))
    return stored_data()


# --- Injected database errors during an import -------------------------------------------


@contextmanager
def refuse_nth_insert(table: str, n: int):
    """The database connection refuses the ``n``-th INSERT into ``table``."""
    seen = 0

    def wrapper(execute, sql, params, many, context):
        nonlocal seen
        if sql.lstrip().upper().startswith("INSERT") and f'"{table}"' in sql:
            seen += 1
            if seen == n:
                raise OperationalError("injected: the database refused the write")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield lambda: seen


@contextmanager
def trigger_refusing_percentage(value: str):
    """A real trigger in the database that refuses a result with this percentage."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_result() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.percentage = {value} THEN RAISE EXCEPTION 'injected'; END IF; "
                "RETURN NEW; END; $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_result BEFORE INSERT OR UPDATE ON surveys_result "
                "FOR EACH ROW EXECUTE FUNCTION refuse_result()"
            )
        else:
            for event in ("INSERT", "UPDATE"):
                cursor.execute(
                    f"CREATE TRIGGER refuse_result_{event.lower()} BEFORE {event} "
                    f"ON surveys_result WHEN NEW.percentage = {value} "
                    "BEGIN SELECT RAISE(ABORT, 'injected'); END"
                )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("DROP TRIGGER refuse_result ON surveys_result")
                cursor.execute("DROP FUNCTION refuse_result()")
            else:
                cursor.execute("DROP TRIGGER refuse_result_insert")
                cursor.execute("DROP TRIGGER refuse_result_update")


def many_rows(questions: int, options: int = 10) -> list[list]:
    """A multi question per number, each with ``options`` answers: many INSERT batches."""
    return [
        [SLUG, f"m{q}", f"Vraag {q}?", "multi", f"Antwoord {o}", 5, "", "", o]
        for q in range(questions)
        for o in range(options)
    ]


def test_a_write_refused_half_way_leaves_the_previous_results_intact(
    imported, tmp_path
):
    # 2 500 new results are written in batches of 1 000, after the corrected v1 has
    # replaced its old rows; the third batch is refused by the database.
    path = write_csv(tmp_path / "groot.csv", corrected_rows() + many_rows(250))

    with refuse_nth_insert("surveys_result", 3) as inserts:
        said = refuse_import(path)

    assert inserts() == 3  # the refusal came after two batches were written
    assert "Er is niets opgeslagen" in said
    assert stored_data() == imported
    assert not Question.objects.filter(code__startswith="m").exists()


def test_a_database_trigger_that_refuses_a_row_leaves_the_previous_results_intact(
    imported, tmp_path
):
    rows = corrected_rows() + many_rows(50)
    rows[-1][5] = 13.37

    with trigger_refusing_percentage("13.37"):
        said = refuse_import(write_csv(tmp_path / "fout.csv", rows))

    assert "Er is niets opgeslagen" in said
    assert stored_data() == imported
    assert AnswerOption.objects.filter(question__code="v1").count() == 2


def test_after_a_failed_import_the_same_file_imports_completely(imported, tmp_path):
    path = write_csv(tmp_path / "groot.csv", corrected_rows() + many_rows(250))
    with refuse_nth_insert("surveys_result", 2):
        refuse_import(path)

    run_import(path)

    assert Result.objects.filter(option__question__code__startswith="m").count() == 2500
    assert Question.objects.filter(code__startswith="m").count() == 250


# --- Through the admin: confirm, fail, confirm again --------------------------------------


class _HiddenInputs:
    PATTERN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')

    @classmethod
    def of_confirm_form(cls, html: str) -> dict[str, str]:
        form = html[html.index(f'action="{CONFIRM_URL}"') :]
        form = form[: form.index("</form>")]
        return dict(cls.PATTERN.findall(form))


def upload(client: Client, path):
    with open(path, "rb") as file:
        return client.post(
            IMPORT_URL, {"resource": "0", "format": "0", "import_file": file}
        )


def preview_and_confirm_data(client: Client, path) -> dict[str, str]:
    response = upload(client, path)
    assert response.status_code == 200
    assert "Import bevestigen" in response.content.decode()
    return _HiddenInputs.of_confirm_form(response.content.decode())


def test_a_confirmation_refused_by_the_database_says_so_and_stores_nothing(
    imported, researcher_client, tmp_path
):
    path = write_csv(tmp_path / "groot.csv", corrected_rows() + many_rows(250))
    confirm = preview_and_confirm_data(researcher_client, path)

    with refuse_nth_insert("surveys_result", 2):
        response = researcher_client.post(CONFIRM_URL, confirm, follow=True)

    assert response.status_code == 200
    assert "Er is niets opgeslagen" in response.content.decode()
    assert stored_data() == imported


def test_a_corrected_file_confirmed_in_the_admin_replaces_its_questions_results_completely(
    imported, researcher_client, tmp_path
):
    v2_before = [row for row in imported["results"] if row[1] == "v2"]
    path = write_csv(tmp_path / "verbeterd.csv", corrected_rows())

    confirm = preview_and_confirm_data(researcher_client, path)
    response = researcher_client.post(CONFIRM_URL, confirm, follow=True)

    assert "Import opgeslagen" in response.content.decode()
    v1 = [row[5:] for row in stored_data()["results"] if row[1] == "v1"]
    assert v1 == [
        ("Ja", 1, "Totaal", Decimal("55.00"), 110),
        ("Nee", 2, "Totaal", Decimal("35.00"), 70),
        ("Weet niet", 3, "Totaal", Decimal("10.00"), 20),
    ]
    assert [row for row in stored_data()["results"] if row[1] == "v2"] == v2_before


def test_a_confirmation_sent_twice_stores_once_and_the_second_says_so(
    imported, researcher_client, tmp_path
):
    confirm = preview_and_confirm_data(
        researcher_client, write_csv(tmp_path / "verbeterd.csv", corrected_rows())
    )

    first = researcher_client.post(CONFIRM_URL, confirm, follow=True)
    after_first = stored_data()
    second = researcher_client.post(CONFIRM_URL, confirm, follow=True)

    assert "Import opgeslagen" in first.content.decode()
    assert second.status_code == 200
    assert "Dit bestand is al geïmporteerd of niet meer beschikbaar" in (
        second.content.decode()
    )
    assert stored_data() == after_first


# --- Concurrent comments against a live server ----------------------------------------------


@pytest.fixture
def site_server():
    """The site on a live server thread, serving requests in threads of its own."""
    server = LiveServerThread("127.0.0.1", static_handler=lambda handler: handler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()


def post_comment(base_url: str, path: str, body: str) -> int:
    """A reader's browser: open the article, then post the form from that page."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()),
        _NoRedirect(),
    )
    page = opener.open(base_url + path, timeout=30).read().decode()
    data = {
        "name": "Lezer",
        "email": "lezer@example.org",
        "website": "",
        "body": body,
        "telefoon": "",
        "token": make_form_token(shown_at=time.time() - 60),
    }
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if csrf:
        data["csrfmiddlewaretoken"] = csrf.group(1)
    request = urllib.request.Request(
        base_url + path,
        data=urllib.parse.urlencode(data).encode(),
        headers={
            "Origin": base_url,
            "Referer": base_url + path,
            "Sec-Fetch-Site": "same-origin",
        },
    )
    try:
        return opener.open(request, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_comments_posted_at_the_same_moment_are_all_stored(site_server, settings):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Gelijktijdige reacties worden op PostgreSQL getest: de SQLite-testdatabase "
            "staat in het geheugen en deelt één verbinding tussen threads, dus daar "
            "schrijft nooit meer dan één verzoek tegelijk."
        )
    settings.COMMENT_RATE = "1000/m"  # every thread posts from 127.0.0.1
    article = ArticleFactory()
    readers, per_reader = 8, 5
    start = threading.Barrier(readers)
    statuses: list[int] = []
    lock = threading.Lock()

    def reader(number: int) -> None:
        start.wait()
        for comment in range(per_reader):
            status = post_comment(
                site_server,
                article.get_absolute_url(),
                f"Reactie {comment} van lezer {number}.",
            )
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == [302] * (readers * per_reader)
    bodies = sorted(
        Comment.objects.filter(article=article).values_list("body", flat=True)
    )
    assert bodies == sorted(
        f"Reactie {c} van lezer {n}." for n in range(readers) for c in range(per_reader)
    )
    assert set(Comment.objects.values_list("status", flat=True)) == {
        Comment.Status.PENDING
    }
