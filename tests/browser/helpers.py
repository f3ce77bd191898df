"""What the browser tests read from a page: drawn charts, their tables, axe results, widths."""

from __future__ import annotations

import re
from decimal import Decimal

from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

SEED_SLUG = "digitale-dienstverlening"
SEED_URL = reverse("articles:article-detail", kwargs={"slug": SEED_SLUG})
SURVEY_URL = reverse("surveys:survey-detail", kwargs={"slug": SEED_SLUG})
# Every type of public page, as readers reach it.
PUBLIC_PAGES = {
    "home": reverse("articles:home"),
    "article with charts and comments": SEED_URL,
    "author archive": reverse("articles:author", kwargs={"slug": "ambtenarenpanel"}),
    "category archive": reverse("articles:category", kwargs={"slug": "isamenleving"}),
    "search results": reverse("search:search") + "?q=webcare",
    "search without results": reverse("search:search") + "?q=onvindbaarwoord",
    "survey rounds": reverse("surveys:survey-list"),
    "survey round": reverse("surveys:survey-detail", kwargs={"slug": SEED_SLUG}),
    "question page": reverse(
        "surveys:question-detail", kwargs={"survey_slug": SEED_SLUG, "code": "gesprek"}
    ),
    "computed survey round": reverse(
        "surveys:survey-detail", kwargs={"slug": "werk-en-welzijn-2024"}
    ),
    "computed question page": reverse(
        "surveys:question-detail",
        kwargs={"survey_slug": "werk-en-welzijn-2024", "code": "thuiswerken"},
    ),
    "accessibility statement": reverse("accessibility"),
    "privacy statement": reverse("privacy"),
    "404": "/artikelen/bestaat-niet/",
}
# The second page of the home page's list, once there are more articles than fit on one.
HOME_PAGE_2 = reverse("articles:home") + "?pagina=2"
STAFF_PASSWORD = "geheim-wachtwoord-123"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One round trip per figure: the canvas pixels, Chart.js's data and the table's cells.
_READ_FIGURE = """
figure => {
  const canvas = figure.querySelector("canvas");
  const chart = canvas && window.Chart ? window.Chart.getChart(canvas) : null;
  let painted = 0;
  if (canvas && canvas.width && canvas.height) {
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) {
      if (pixels[i] > 0) painted++;
    }
  }
  const text = cell => cell.textContent.replace(/\\s+/g, " ").trim();
  const rows = Array.from(figure.querySelectorAll("table tbody tr"));
  return {
    painted: painted,
    canvasWidth: canvas ? canvas.getBoundingClientRect().width : 0,
    figureWidth: figure.getBoundingClientRect().width,
    chart: chart ? {
      labels: chart.data.labels.map(label => [].concat(label).join(" ")),
      datasets: chart.data.datasets.map(dataset => ({label: dataset.label, data: dataset.data})),
    } : null,
    table: {
      columns: Array.from(figure.querySelectorAll("table thead th")).slice(1).map(text),
      labels: rows.map(row => text(row.querySelector("th"))),
      values: rows.map(row => Array.from(row.querySelectorAll("td")).map(text)),
    },
  };
}
"""


def percent_cell(text: str) -> Decimal | None:
    """'25 %' → 25, '12,5 %' → 12.5, '–' (no figure) → None."""
    number = text.replace("\u00a0", " ").removesuffix("%").strip()
    if number in {"–", "-", ""}:
        return None
    return Decimal(number.replace(".", "").replace(",", "."))


def read_figure(figure: Locator) -> dict:
    return figure.evaluate(_READ_FIGURE)


def assert_chart_drawn_from_its_table(figure: Locator) -> dict:
    """The figure's canvas has pixels, and Chart.js holds exactly the table's figures."""
    expect(figure).to_contain_class("chart--drawn")
    state = read_figure(figure)
    assert state["chart"] is not None, "no Chart.js chart on the canvas"
    assert state["painted"] > 500, f"the canvas is (nearly) blank: {state['painted']}"
    chart, table = state["chart"], state["table"]
    assert chart["labels"] == table["labels"]
    columns = list(zip(*table["values"], strict=True)) if table["values"] else []
    assert len(chart["datasets"]) == len(columns)
    if len(columns) > 1:
        assert [dataset["label"] for dataset in chart["datasets"]] == table["columns"]
    for dataset, column in zip(chart["datasets"], columns, strict=True):
        drawn = [
            None if value is None else Decimal(str(value)) for value in dataset["data"]
        ]
        assert drawn == [percent_cell(cell) for cell in column]
    return state


def run_axe(page: Page, axe_source: str) -> list[dict]:
    """The WCAG 2.1 A and AA violations axe-core finds on the page as it is now."""
    page.evaluate(axe_source)
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then(result => result.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                nodes: violation.nodes.map(node => node.target.join(" ") + " :: " + node.failureSummary),
            })))""",
        WCAG_21_AA,
    )


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scrolling)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )


def post_comment(
    page: Page, *, name: str = "", email: str = "", body: str = ""
) -> None:
    """Fills in the comment form of the article on ``page`` and posts it.

    The form refuses a post that comes within COMMENT_MIN_SECONDS (1 s in these tests)
    of showing it, as a defence against bots; a person takes longer anyway.
    """
    form = page.locator("form.comment-form")
    form.get_by_role("textbox", name=re.compile("^Naam")).fill(name)
    form.get_by_role("textbox", name=re.compile("^E-mail")).fill(email)
    form.get_by_role("textbox", name=re.compile("^Reactie")).fill(body)
    page.wait_for_timeout(1100)
    form.get_by_role("button", name="Reactie plaatsen").click()


def log_in(page: Page, username: str, password: str = STAFF_PASSWORD) -> None:
    """Logs in on the admin's own login page, as a staff member does."""
    page.goto(reverse("admin:login"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(
        page.get_by_role("link", name="Afmelden").or_(
            page.get_by_role("button", name="Afmelden")
        )
    ).to_be_visible()
