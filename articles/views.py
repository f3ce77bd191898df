from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from ambtenarenpanel import pagination
from ambtenarenpanel.caching import cached_fragment, cached_page
from ambtenarenpanel.security import client_ip, posted_from_this_site

from .embeds import article_body
from .figures.rendering import ArticleFigures, figure_context, plain_description
from .forms import CommentForm
from .models import Article, Author, Category
from .services import store_comment
from .templatetags.article_tags import COMMENT_PAGE_PARAMETER

ARTICLES_PER_PAGE = 10
COMMENTS_PER_PAGE = 50
#: ``form`` of ``_render_article()``: the empty comment form, the same for every reader.
EMPTY_FORM = "empty"


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int = ARTICLES_PER_PAGE
):
    return pagination.paginate(request, queryset, per_page)


def _rate_limit_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "onbekend"


@cached_page(params=["pagina"])
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Article.objects.published().with_listing_data())
    return render(request, "articles/article_list.html", {"page_obj": page})


@cached_page(params=[COMMENT_PAGE_PARAMETER])
@csrf_exempt  # checked by posted_from_this_site()
@require_http_methods(["GET", "HEAD", "POST"])
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.published().with_listing_data().select_related("figure_check"),
        slug=slug,
    )
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST)
        if not article.comments_open:
            status = 403
            form = None
        elif not posted_from_this_site(request):
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
            try:
                _store_comment(request, article, form)
            except OperationalError:  # waited past the busy timeout (settings.py)
                status = 503
                form.add_error(
                    None,
                    _(
                        "Het is even erg druk, daardoor is je reactie nog niet geplaatst. Je tekst staat hieronder nog: verstuur hem over een paar seconden opnieuw."
                    ),
                )
            else:
                messages.success(
                    request,
                    _(
                        "Bedankt! Je reactie wordt zichtbaar na goedkeuring door de redactie."
                    ),
                )
                # A URL of its own, which no browser or front cache holds without the notice.
                return redirect(
                    f"{article.get_absolute_url()}?reactie=ontvangen#reageer"
                )
        else:
            status = 400
    else:
        # The empty form comes from a cached fragment: built only when that is rendered.
        form = EMPTY_FORM if article.comments_open else None
    response = _render_article(request, article, form, status=status)
    if status == 503:
        response["Retry-After"] = "10"
    return response


def _store_comment(request: HttpRequest, article: Article, form: CommentForm) -> None:
    comment = form.save(commit=False)
    comment.article = article
    comment.ip_address = client_ip(request)
    # A double click or a reload of the POST sends the same comment again:
    # the reader gets the same answer, the moderators one comment.
    store_comment(comment=comment)


@staff_member_required
@require_safe
def article_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """Any article, published or not, for staff who may view articles."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    article = get_object_or_404(
        Article.objects.with_listing_data().select_related("figure_check"), slug=slug
    )
    return _render_article(request, article, form=None, is_preview=True)


def _render_article(
    request: HttpRequest,
    article: Article,
    form,
    *,
    status: int = 200,
    is_preview: bool = False,
) -> HttpResponse:
    # The [cijfer] tags of the page, loaded once when the first is shown.
    figures = ArticleFigures(article.lead, article.body, article.search_description)
    # Shown twice (meta and og:description), worked out once.
    description = plain_description(article, figures)

    def render_body() -> str:
        # Staff see where a chart whose question is gone stood.
        body = article_body(article.body, show_missing=is_preview)
        return render_to_string(
            "articles/_article_body.html",
            {"article": article, "article_body": body, **figure_context(body, figures)},
        )

    context = {
        # The costly parts, the body with its charts and the comments, are kept until
        # the next write, also for readers the page cache does not answer (a post).
        "article": article,
        "figures": figures,
        "description": description,
        "article_body_html": mark_safe(
            cached_fragment(
                "article-body",
                vary=f"{is_preview}\n{article.body}",
                render=render_body,
            )
        ),
        # Rendered once per write, a page at a time: an article with 2 000 comments
        # costs what one with 50 costs.
        "comments_html": mark_safe(
            cached_fragment(
                "article-comments",
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
        "has_form": form is not None,
        "comment_form_html": _comment_form_html(article, form),
        "is_preview": is_preview,
    }
    return render(request, "articles/article_detail.html", context, status=status)


def _comment_form_html(article: Article, form: CommentForm | str | None) -> str:
    """The comment form; the empty one (``EMPTY_FORM``), with its time token, is the same
    for every reader until the next write, as on a cached page (docs/caching.md)."""
    if form is None:
        return ""

    def render_form(form: CommentForm) -> str:
        context = {"article": article, "form": form}
        return render_to_string("articles/_comment_form.html", context)

    if form != EMPTY_FORM:
        return mark_safe(render_form(form))
    return mark_safe(
        cached_fragment(
            "comment-form",
            vary=str(article.pk),
            render=lambda: render_form(CommentForm()),
        )
    )


@cached_page(params=["pagina"])
@require_safe
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, author.articles.published().with_listing_data())
    return render(
        request, "articles/author_detail.html", {"author": author, "page_obj": page}
    )


@cached_page(params=["pagina"])
@require_safe
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, category.articles.published().with_listing_data())
    return render(
        request,
        "articles/category_detail.html",
        {"category": category, "page_obj": page},
    )
