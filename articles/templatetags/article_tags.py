"""Small helpers for the reading side's templates: share links, page links, canonical URL,
the site's own links."""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlencode

from django import template
from django.core.paginator import Page
from django.http import QueryDict
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles import embeds

register = template.Library()

PAGE_PARAMETER = "pagina"
#: ``?reacties=2``: the second page of an article's comments.
COMMENT_PAGE_PARAMETER = "reacties"


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def _query(params: dict[str, str]) -> str:
    # Spaces as %20, never "+": mail clients and WhatsApp show a "+" literally.
    return urlencode(params, quote_via=quote, safe="")


def build_share_links(*, url: str, title: str) -> list[ShareLink]:
    """Plain share links for ``url``: no scripts, no requests to the networks until clicked."""
    return [
        ShareLink(
            "email",
            _("E-mail"),
            "mailto:?" + _query({"subject": title, "body": f"{title}\n{url}"}),
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + _query({"url": url}),
        ),
        ShareLink(
            "x",
            "X",
            "https://x.com/intent/post?" + _query({"url": url, "text": title}),
        ),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + _query({"u": url}),
        ),
        ShareLink(
            "whatsapp",
            "WhatsApp",
            "https://wa.me/?" + _query({"text": f"{title} {url}"}),
        ),
    ]


@lru_cache(maxsize=256)
def _site_url(resolver, prefix: str, language: str | None, viewname: str) -> str:
    try:
        return django_reverse(viewname)
    except NoReverseMatch:
        return ""


@register.simple_tag
def site_url(viewname: str) -> str:
    """``{% site_url "articles:feed" %}``: ``{% url %}`` of a page without arguments, for
    the links on every page, worked out once per URL configuration, prefix and language
    ("" for a page this configuration lacks)."""
    resolver = get_resolver(get_urlconf())
    return _site_url(resolver, get_script_prefix(), get_language(), viewname)


@register.simple_tag(takes_context=True)
def share_links(context, article) -> list[ShareLink]:
    """``{% share_links article as links %}``: the article's absolute URL, per network."""
    url = context["request"].build_absolute_uri(article.get_absolute_url())
    return build_share_links(url=url, title=article.title)


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """The query string for page ``number`` that keeps the other parameters (such as ``q``)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    params.pop(PAGE_PARAMETER, None)
    if int(number) > 1:
        params[PAGE_PARAMETER] = str(number)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def comment_page_url(article, number) -> str:
    """The link to page ``number`` of the article's comments, at the comments."""
    query = (
        f"?{_query({COMMENT_PAGE_PARAMETER: str(number)})}" if int(number) > 1 else ""
    )
    return f"{article.get_absolute_url()}{query}#reageer"


@register.simple_tag
def elided_page_range(page: Page) -> list:
    """Page numbers around the current one, with ``Paginator.ELLIPSIS`` for the gaps."""
    return list(
        page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's absolute URL without query parameters, except a page number above 1."""
    request = context.get("request")
    if request is None:  # rendered outside a request, e.g. render_to_string()
        return ""
    page = context.get("page_obj")
    url = request.build_absolute_uri(request.path)
    if isinstance(page, Page) and page.number > 1:
        url += "?" + _query({PAGE_PARAMETER: str(page.number)})
    return url


@register.simple_tag
def articles_citing(question) -> list:
    """``{% articles_citing question as articles %}``: published articles that show its chart."""
    return embeds.articles_citing(question)
