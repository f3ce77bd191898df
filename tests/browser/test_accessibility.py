"""WCAG 2.1 A and AA on every public page type (axe-core), and the site by keyboard."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import Article, Comment

from .helpers import (
    HOME_PAGE_2,
    PUBLIC_PAGES,
    SEED_SLUG,
    SEED_URL,
    describe_violations,
    log_in,
    post_comment,
    run_axe,
)


def assert_no_violations(page: Page, axe_source: str) -> None:
    violations = run_axe(page, axe_source)
    assert not violations, (
        f"axe-core found WCAG 2.1 A/AA violations on {page.url}:\n"
        + describe_violations(violations)
    )


def test_no_public_page_has_wcag_violations_on_a_phone_or_a_desktop(
    new_page, axe_source, many_articles
):
    found = []
    for width in (375, 1280):
        page = new_page(width=width)
        for name, path in {**PUBLIC_PAGES, "home, page 2": HOME_PAGE_2}.items():
            response = page.goto(path)

            assert response.status == (404 if name == "404" else 200), path
            if page.locator("figure.chart canvas").count():
                expect(page.locator("figure.chart").last).to_contain_class(
                    "chart--drawn"
                )
            if violations := run_axe(page, axe_source):
                found.append(
                    f"{name} ({path}) at {width} px:\n{describe_violations(violations)}"
                )
    assert not found, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(found)


def test_the_comment_form_with_errors_and_the_thank_you_notice_have_no_violations(
    page, axe_source
):
    page.goto(SEED_URL)
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_violations(page, axe_source)

    post_comment(page, name="Sanne Visser", email="sanne@example.org", body="Mooi!")
    expect(page.get_by_role("status")).to_be_visible()
    assert_no_violations(page, axe_source)


def test_a_preview_of_a_draft_has_no_violations(page, axe_source, editor):
    Article.objects.filter(slug=SEED_SLUG).update(status=Article.Status.DRAFT)
    log_in(page, editor.username)

    page.goto(reverse("articles:article-preview", kwargs={"slug": SEED_SLUG}))

    expect(page.get_by_role("note")).to_contain_text("Voorbeeld")
    assert_no_violations(page, axe_source)


def focus_ring(page: Page) -> dict:
    """How the element that has keyboard focus is outlined."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName.toLowerCase(),
                id: element.id,
                text: (element.textContent || "").trim().slice(0, 40),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== "none",
                visible: element.getBoundingClientRect().width > 0,
            };
        }"""
    )


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(page):
    page.goto(SEED_URL)

    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert_focus_is_visible(page)
    box = skip.bounding_box()
    assert box["width"] > 20 and box["height"] > 10
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.querySelector('main').contains(document.activeElement)"
    )


@pytest.mark.parametrize(
    "path", [SEED_URL, PUBLIC_PAGES["survey round"]], ids=["article", "survey round"]
)
def test_every_keyboard_stop_shows_where_the_focus_is(page, path):
    page.goto(path)
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        if ring["tag"] == "body":
            break
        seen.append(ring)
    assert len(seen) > 10
    unmarked = [ring for ring in seen if not (ring["outline"] or ring["shadow"])]
    assert not unmarked, f"focus not visible on: {unmarked}"
    assert all(ring["visible"] for ring in seen)


def assert_focus_is_visible(page: Page) -> None:
    ring = focus_ring(page)
    assert ring["outline"] or ring["shadow"], f"focus not visible on: {ring}"


def test_a_reader_writes_and_posts_a_comment_with_the_keyboard_only(page):
    page.goto(SEED_URL)
    body = "Met alleen het toetsenbord geschreven."
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "name":
            break

    for field, typed in [
        (page.get_by_label("Naam"), "Karin Jansen"),
        (page.get_by_label("E-mail"), "karin@example.org"),
        (page.get_by_label("Website"), ""),
        (page.get_by_role("textbox", name=re.compile("^Reactie")), body),
    ]:
        expect(field).to_be_focused()
        assert_focus_is_visible(page)
        page.keyboard.type(typed)
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Reactie plaatsen")).to_be_focused()
    assert_focus_is_visible(page)
    page.wait_for_timeout(1100)
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text(
        "Je reactie wordt zichtbaar na goedkeuring"
    )
    assert Comment.objects.get(body=body).name == "Karin Jansen"
