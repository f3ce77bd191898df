"""Screenshots of the main pages on a phone and a desktop, for a person to look at.

Run with ``make screenshots``: it starts the same live server with the demo content as
the browser tests and writes full-page PNGs to ``screenshots/`` (ignored by git), e.g.
``screenshots/375/artikel.png`` and ``screenshots/1280/artikel.png``. Not part of
``make test``: pytest collects this file only when it is named on the command line.
"""

from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from .helpers import PUBLIC_PAGES, SEED_URL

OUTPUT = Path(settings.BASE_DIR) / "screenshots"

PAGES = {
    "home": PUBLIC_PAGES["home"],
    "artikel": SEED_URL,
    "auteur": PUBLIC_PAGES["author archive"],
    "categorie": PUBLIC_PAGES["category archive"],
    "zoeken": PUBLIC_PAGES["search results"],
    "onderzoek": PUBLIC_PAGES["survey rounds"],
    "enquete": PUBLIC_PAGES["survey round"],
    "vraag": PUBLIC_PAGES["question page"],
    "toegankelijkheid": PUBLIC_PAGES["accessibility statement"],
    "privacy": PUBLIC_PAGES["privacy statement"],
    "404": PUBLIC_PAGES["404"],
}


def test_write_screenshots_of_the_main_pages(new_page):
    written = []
    for width in (375, 1280):
        folder = OUTPUT / str(width)
        folder.mkdir(parents=True, exist_ok=True)
        page = new_page(width=width)
        for name, path in PAGES.items():
            page.goto(path)
            charts = page.locator("figure.chart canvas")
            if charts.count():
                expect(page.locator("figure.chart").last).to_contain_class(
                    "chart--drawn"
                )
            target = folder / f"{name}.png"
            page.screenshot(path=target, full_page=True)
            written.append(target)
    assert all(path.stat().st_size > 0 for path in written)
    print(f"\n{len(written)} screenshots in {OUTPUT}/")
