"""Pagination shared by every list of the site: ``?pagina=N``, and a 404 for a page that does not exist."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

PAGE_PARAMETER = "pagina"


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int) -> Page:
    """The page named by ``?pagina=``; a page that does not exist is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get(PAGE_PARAMETER) or 1)
    except InvalidPage:
        raise Http404(_("Deze pagina bestaat niet.")) from None
