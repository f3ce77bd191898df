"""Template filters for survey figures: Dutch percentages and fieldwork periods."""

from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

register = template.Library()

NO_FIGURE = "–"


@register.filter
def percentage(value: Decimal | float | None) -> str:
    """25 → '25 %', 25.5 → '25,5 %' (a non-breaking space, decimals only when there are any)."""
    if value is None or value == "":
        return NO_FIGURE
    value = Decimal(str(value)).normalize()
    decimals = max(0, -value.as_tuple().exponent)
    return f"{number_format(value, decimal_pos=decimals)}\u00a0%"


@register.filter
def fieldwork_period(survey) -> str:
    """'3 t/m 21 juni 2021', '28 mei t/m 14 juni 2021', 'juni 2021' or ''."""
    start, end = survey.fieldwork_start, survey.fieldwork_end
    if start and end and start != end:
        if start.year != end.year:
            first = date_format(start, "j F Y")
        elif start.month != end.month:
            first = date_format(start, "j F")
        else:
            first = date_format(start, "j")
        return _("%(start)s t/m %(end)s") % {
            "start": first,
            "end": date_format(end, "j F Y"),
        }
    day = end or start
    return date_format(day, "j F Y") if day else ""


@register.filter
def margin(cell) -> str:
    """A figure's interval as '52,1–61,3 %' (or '–' when it has none)."""
    if cell is None or cell.low is None or cell.high is None:
        return NO_FIGURE
    low, high = (
        percentage(value).removesuffix("\u00a0%") for value in (cell.low, cell.high)
    )
    return f"{low}–{high}\u00a0%"
