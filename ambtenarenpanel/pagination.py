"""Pagination shared by every list of the site: ``?pagina=N``, and a 404 for a page that does not exist.

``paginate()`` counts, then reads the page: two queries. ``paginate_in_one_query()``
reads the page with the total beside each row (``COUNT(*) OVER ()``): one query,
for lists inside another page (an article's comments) whose cost must not change
with their length.
"""

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

PAGE_PARAMETER = "pagina"
#: Beyond this page number no list goes: a larger one is a 404, never a huge OFFSET.
MAX_PAGE = 1_000_000


def _not_found() -> Http404:
    return Http404(_("Deze pagina bestaat niet."))


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    per_page: int,
    parameter: str = PAGE_PARAMETER,
) -> Page:
    """The page named by ``?pagina=`` (or ``parameter``); a page that does not exist is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get(parameter) or 1)
    except InvalidPage:
        raise _not_found() from None


def paginate_in_one_query(
    request: HttpRequest,
    queryset: QuerySet,
    per_page: int,
    parameter: str = PAGE_PARAMETER,
) -> Page:
    """As ``paginate()``, in one query: the page's rows carry the total as ``_total``."""
    try:
        number = int(request.GET.get(parameter) or 1)
    except ValueError:
        raise _not_found() from None
    if not 1 <= number <= MAX_PAGE:
        raise _not_found()
    offset = (number - 1) * per_page
    rows = list(
        queryset.annotate(_total=Window(Count("pk")))[offset : offset + per_page]
    )
    if not rows and number > 1:
        raise _not_found()
    paginator = Paginator(rows, per_page)
    paginator.count = rows[0]._total if rows else 0
    return Page(rows, number, paginator)
