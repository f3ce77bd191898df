from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from ambtenarenpanel import pagination
from ambtenarenpanel.caching import (
    ARTICLES,
    SURVEYS,
    article_scope,
    cached_fragment,
    cached_page,
    fresh_per_visitor,
)
from ambtenarenpanel.security import client_ip

from .embeds import article_body
from .forms import CommentForm, make_form_token
from .models import Article, Author, Category
from .templatetags.article_tags import COMMENT_PAGE_PARAMETER

ARTICLES_PER_PAGE = 10
COMMENTS_PER_PAGE = 50


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int = ARTICLES_PER_PAGE
):
    return pagination.paginate(request, queryset, per_page)


def _rate_limit_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "onbekend"


@cached_page(ARTICLES, params=["pagina"])
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Article.objects.published().with_listing_data())
    return render(request, "articles/article_list.html", {"page_obj": page})


def _posted_from_this_site(request: HttpRequest) -> bool:
    """Whether a comment POST was sent from a page of this site: the form's CSRF defence.

    The article page is one page for every reader (cached, also by front caches),
    so its form carries no CSRF token. The browser's own headers say where the form
    was instead: ``Sec-Fetch-Site: same-origin``; without it an ``Origin`` of this
    site; without that a ``Referer`` of this site (OWASP, "Verifying Origin With
    Standard Headers"). A request with none of them needs a valid CSRF token, as
    Django's middleware checks it. An anonymous comment has no session privileges to
    abuse, and waits for moderation.
    """
    if getattr(request, "_dont_enforce_csrf_checks", False):  # Django's test client
        return True
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    site = f"{request.scheme}://{request.get_host()}"
    origin = request.headers.get("Origin")
    if origin:
        return origin == site or origin in settings.CSRF_TRUSTED_ORIGINS
    if referer := request.headers.get("Referer"):
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" == site
    csrf_check = CsrfViewMiddleware(lambda request: None)
    return csrf_check.process_view(request, None, (), {}) is None


@cached_page(
    ARTICLES, SURVEYS, article_scope("{slug}"), params=[COMMENT_PAGE_PARAMETER]
)
@csrf_exempt  # checked by _posted_from_this_site()
@require_http_methods(["GET", "HEAD", "POST"])
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.published().with_listing_data(), slug=slug
    )
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST)
        if not article.comments_open:
            status = 403
            form = None
        elif not _posted_from_this_site(request):
            status = 403
            form.add_error(
                None,
                _(
                    "Je reactie is niet geplaatst, omdat het formulier niet vanaf deze site leek te komen. Controleer je reactie hieronder en verstuur hem opnieuw."
                ),
            )
        elif is_ratelimited(
            request,
            group="comments",
            key=_rate_limit_key,
            rate=settings.COMMENT_RATE,
            increment=True,
        ):
            status = 429
            form.add_error(
                None,
                _(
                    "Je hebt kort na elkaar veel reacties geplaatst. Probeer het later opnieuw."
                ),
            )
        elif form.is_valid():
            comment = form.save(commit=False)
            # A double click or a reload of the POST sends the same comment again:
            # the reader gets the same answer, the moderators one comment.
            if not article.comments.filter(
                email=comment.email, body=comment.body
            ).exists():
                comment.article = article
                comment.ip_address = client_ip(request)
                comment.save()
            messages.success(
                request,
                _(
                    "Bedankt! Je reactie wordt zichtbaar na goedkeuring door de redactie."
                ),
            )
            # A URL of its own, which no browser or front cache holds without the notice.
            return redirect(f"{article.get_absolute_url()}?reactie=ontvangen#reageer")
        else:
            status = 400
    else:
        form = CommentForm() if article.comments_open else None
    return _render_article(request, article, form, status=status)


@staff_member_required
@require_safe
def article_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """Any article, published or not, for staff who may view articles."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    article = get_object_or_404(Article.objects.with_listing_data(), slug=slug)
    return _render_article(request, article, form=None, is_preview=True)


def _render_article(
    request: HttpRequest,
    article: Article,
    form,
    *,
    status: int = 200,
    is_preview: bool = False,
) -> HttpResponse:
    context = {
        "article": article,
        # The body with its charts is the costly part: kept apart from the page,
        # which a comment changes, until the article or the survey data change.
        "article_body_html": mark_safe(
            cached_fragment(
                "article-body",
                scopes=[SURVEYS],
                vary=article.body,
                render=lambda: render_to_string(
                    "articles/_article_body.html",
                    {"article": article, "article_body": article_body(article.body)},
                ),
            )
        ),
        # Rendered once per change of the article's comments, a page at a time: an
        # article with 2 000 comments costs what one with 50 costs.
        "comments_html": mark_safe(
            cached_fragment(
                "article-comments",
                scopes=[article_scope(article.slug)],
                vary=f"{article.pk}:{request.GET.get(COMMENT_PAGE_PARAMETER, '')}",
                render=lambda: render_to_string(
                    "articles/_comment_list.html",
                    {
                        "article": article,
                        "page": pagination.paginate_in_one_query(
                            request,
                            article.comments.approved(),
                            COMMENTS_PER_PAGE,
                            COMMENT_PAGE_PARAMETER,
                        ),
                    },
                ),
            )
        ),
        "form": form,
        "is_preview": is_preview,
    }
    response = render(request, "articles/article_detail.html", context, status=status)
    if form is not None and not form.is_bound:
        # A cached copy of the page gets a new display time per reader.
        fresh_per_visitor(response, form.initial["token"], make_form_token)
    return response


@cached_page(ARTICLES, params=["pagina"])
@require_safe
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, author.articles.published().with_listing_data())
    return render(
        request, "articles/author_detail.html", {"author": author, "page_obj": page}
    )


@cached_page(ARTICLES, params=["pagina"])
@require_safe
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, category.articles.published().with_listing_data())
    return render(
        request,
        "articles/category_detail.html",
        {"category": category, "page_obj": page},
    )
