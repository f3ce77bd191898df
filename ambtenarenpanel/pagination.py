"""Pagination shared by every list of the site: ``?pagina=N``, and a 404 for a page that does not exist.

``paginate()`` counts, then reads the page: two queries. The page of a queryset is
read as ``WHERE pk IN (the page's keys)``: the database skips the rows before the page
in an index, without reading them (``?pagina=1000`` of 10 000 articles costs what the
first page costs, given an index in the list's order). ``paginate_in_one_query()``
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


class KeysFirstPaginator(Paginator):
    """Reads a queryset's page by its keys first (see the module docstring)."""

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if isinstance(rows, QuerySet):
            rows = rows.filter(pk__in=rows.values("pk")[bottom:top])
        else:
            rows = rows[bottom:top]
        return self._get_page(rows, number, self)


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    per_page: int,
    parameter: str = PAGE_PARAMETER,
) -> Page:
    """The page named by ``?pagina=`` (or ``parameter``); a page that does not exist is a 404."""
    paginator = KeysFirstPaginator(queryset, per_page)
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
