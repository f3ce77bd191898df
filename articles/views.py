import ipaddress

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from surveys.embeds import article_body

from .forms import CommentForm
from .models import Article, Author, Category

ARTICLES_PER_PAGE = 10


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int = ARTICLES_PER_PAGE
):
    """The page named by ``?pagina=``; a page that does not exist is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("pagina") or 1)
    except InvalidPage:
        raise Http404(_("Deze pagina bestaat niet.")) from None


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP address, or None when there is no valid one.

    Read from ``settings.CLIENT_IP_HEADER``: ``REMOTE_ADDR`` by default, the header
    set by the proxy (e.g. ``HTTP_X_REAL_IP``) when the site runs behind one.
    """
    value = request.META.get(settings.CLIENT_IP_HEADER, "").split(",")[0].strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _rate_limit_key(group: str, request: HttpRequest) -> str:
    return client_ip(request) or "onbekend"


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Article.objects.published().with_listing_data())
    return render(request, "articles/article_list.html", {"page_obj": page})


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
            comment.article = article
            comment.ip_address = client_ip(request)
            comment.save()
            messages.success(
                request,
                _(
                    "Bedankt! Je reactie wordt zichtbaar na goedkeuring door de redactie."
                ),
            )
            return redirect(f"{article.get_absolute_url()}#reageer")
        else:
            status = 400
    else:
        form = CommentForm() if article.comments_open else None
    return _render_article(request, article, form, status=status)


@staff_member_required
@require_GET
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
        "article_body": article_body(article.body),
        "comments": article.comments.approved(),
        "form": form,
        "is_preview": is_preview,
    }
    return render(request, "articles/article_detail.html", context, status=status)


@require_GET
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, author.articles.published().with_listing_data())
    return render(
        request, "articles/author_detail.html", {"author": author, "page_obj": page}
    )


@require_GET
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, category.articles.published().with_listing_data())
    return render(
        request,
        "articles/category_detail.html",
        {"category": category, "page_obj": page},
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200].replace("\x00", "").strip()
    results = Article.objects.published().with_listing_data().search(query)
    page = paginate(request, results)
    return render(
        request, "articles/search_results.html", {"query": query, "page_obj": page}
    )
