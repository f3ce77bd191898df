from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from django_ratelimit.core import is_ratelimited

from ambtenarenpanel.pagination import paginate
from ambtenarenpanel.security import client_ip

from .documents import ARTICLE, QUESTION
from .query import Search, find

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def _rate_limit_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "onbekend"


def _summary(search: Search) -> str:
    """ "2 artikelen en 1 onderzoeksvraag gevonden voor “…”.", or that nothing was found."""
    counts = search.results.counts if search.results else {}
    articles, questions = counts.get(ARTICLE, 0), counts.get(QUESTION, 0)
    found = {
        "articles": ngettext("%d artikel", "%d artikelen", articles) % articles,
        "questions": ngettext("%d onderzoeksvraag", "%d onderzoeksvragen", questions)
        % questions,
        "query": search.query,
    }
    if articles and questions:
        return _("%(articles)s en %(questions)s gevonden voor “%(query)s”.") % found
    if articles:
        return _("%(articles)s gevonden voor “%(query)s”.") % found
    if questions:
        return _("%(questions)s gevonden voor “%(query)s”.") % found
    return _("Geen artikelen of onderzoeksvragen gevonden voor “%(query)s”.") % found


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Search articles and survey questions; ``?q=`` the query, ``?pagina=`` the page."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].replace("\x00", "").strip()
    context = {"query": query, "search_query": query}
    if query and is_ratelimited(
        request,
        group="search",
        key=_rate_limit_key,
        rate=settings.SEARCH_RATE,
        increment=True,
    ):
        response = render(request, "search/rate_limited.html", context, status=429)
        response["Retry-After"] = "60"
        return response
    found = find(query)
    context["search"] = found
    if found.results is not None:
        context["page_obj"] = paginate(request, found.results, RESULTS_PER_PAGE)
        context["summary"] = _summary(found)
    return render(request, "search/search_results.html", context)
