"""The aggregated import format (PRODUCT.md, "Import format"): columns and limits.

One row per answer option per segment. ``COLUMNS`` is the one list of the format's
columns: the importer, the exports, the admin template and the tests use it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from surveys.models import Question

COLUMNS = (
    "enquete",
    "vraagcode",
    "vraag",
    "vraagtype",
    "antwoord",
    "percentage",
    "aantal",
    "segment",
    "volgorde",
)
REQUIRED_COLUMNS = COLUMNS[:6]
#: Columns that hold text: a number or date cell there is a conversion by the
#: spreadsheet program (01 → 1, 1-5 → 1 May), refused.
TEXT_COLUMNS = ("enquete", "vraagcode", "vraag", "antwoord", "segment")

#: The types an aggregated file may give (PRODUCT.md); ``profiel`` questions come only from
#: respondent-level data, which defines the breakdowns.
QUESTION_TYPES = frozenset({Question.Type.SINGLE, Question.Type.MULTI})
#: A ``single`` question's percentages in one segment must add up to 100 ± this.
SINGLE_TOTAL_TOLERANCE = Decimal(2)
#: Above this many rows, the admin preview shows the changed rows only, not every row.
PREVIEW_ROW_LIMIT = 1000
#: The admin preview lists this many errors and counts the rest.
PREVIEW_ERROR_LIMIT = 200
# Question codes end up in URLs (/onderzoek/<round>/<code>/), so they must be slugs.
CODE_PATTERN = re.compile(r"^[-a-zA-Z0-9_]+$")
# A text cell starting with "=" would become a formula when exported to xlsx or
# opened as CSV in a spreadsheet program (formula injection).
FORMULA_PREFIX = "="
