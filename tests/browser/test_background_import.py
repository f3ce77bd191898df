"""Research staff import a large file in the background and watch it in the browser:
the progress bar while a real worker (``manage.py db_worker``) checks it, the preview,
the confirmation, the result; with JavaScript, and without it (the page reloads itself).
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from surveys.models import Result
from tests.spreadsheets import write_csv
from tests.support.imports import many_rows

from .helpers import SEED_SLUG, describe_violations, log_in, run_axe

pytestmark = pytest.mark.usefixtures("worker")

# 30 000 rows: the worker reads and checks them for a few seconds, long enough to watch.
QUESTIONS = 600


def assert_no_violations(page: Page, axe_source: str) -> None:
    violations = run_axe(page, axe_source)
    assert not violations, describe_violations(violations)


def upload_in_the_background(page: Page, path, axe_source: str = "") -> None:
    page.goto(reverse("admin:surveys_result_changelist"))
    page.get_by_role("link", name="Import op de achtergrond").click()
    if axe_source:
        assert_no_violations(page, axe_source)
    page.get_by_label("Enquête").select_option(SEED_SLUG)
    page.get_by_label("Bestand").set_input_files(path)
    page.get_by_role("button", name="Uploaden en controleren").click()


def test_research_staff_watch_the_progress_bar_confirm_and_see_it_stored(
    page, researcher, axe_source, tmp_path
):
    path = write_csv(tmp_path / "groot.csv", many_rows(SEED_SLUG, QUESTIONS))
    before = Result.objects.count()
    log_in(page, researcher.username)

    upload_in_the_background(page, path, axe_source)

    expect(page.locator(".messagelist")).to_contain_text("op de achtergrond")
    status = page.get_by_role("status").filter(has_text=re.compile("Wachtend|Bezig"))
    expect(status).to_be_visible()
    bar = page.get_by_role("progressbar", name="Voortgang van de import")
    expect(bar).to_be_visible()
    assert_no_violations(page, axe_source)

    # The script follows the job: the preview replaces the progress bar on this page.
    preview = page.get_by_role("table", name="Wat de import doet")
    expect(preview).to_be_visible(timeout=90_000)
    expect(page.locator("#import-job-status")).to_have_text(
        "Klaar voor controle: bekijk het voorbeeld en bevestig de import."
    )
    expect(bar).to_have_count(0)
    expect(preview).to_contain_text("30000")
    assert_no_violations(page, axe_source)
    assert Result.objects.count() == before

    page.get_by_role("button", name="Import bevestigen").click()

    expect(page.get_by_role("heading", name="Opgeslagen")).to_be_visible(timeout=90_000)
    expect(page.locator("#import-job-status")).to_have_text("Opgeslagen.")
    assert Result.objects.count() == before + 30_000
    assert_no_violations(page, axe_source)
    page.get_by_role("link", name="Bekijk de opgeslagen resultaten").click()
    expect(page).to_have_url(re.compile(r"/admin/surveys/result/\?"))


def test_without_javascript_the_job_page_reloads_itself_until_the_preview_is_ready(
    new_page, researcher, tmp_path
):
    page = new_page(javascript=False)
    path = write_csv(tmp_path / "groot.csv", many_rows(SEED_SLUG, QUESTIONS))
    log_in(page, researcher.username)

    upload_in_the_background(page, path)

    expect(
        page.get_by_role("link", name="Niet meer automatisch vernieuwen")
    ).to_be_visible()
    # No script: the meta refresh in <noscript> reloads the page every few seconds.
    expect(page.get_by_role("table", name="Wat de import doet")).to_be_visible(
        timeout=90_000
    )
    page.get_by_role("button", name="Import bevestigen").click()
    expect(page.get_by_role("heading", name="Opgeslagen")).to_be_visible(timeout=90_000)
    assert Result.objects.filter(option__question__code="v599").count() == 50
