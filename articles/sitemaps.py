"""Sections of the sitemap index (``/sitemap.xml``): each one paged by ``limit``, so that
no sitemap grows with the number of articles."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from ambtenarenpanel.pagination import KeysFirstPaginator

from .models import Article, Author, Category

#: URLs per sitemap page: a page costs the same at 1 000 or at 100 000 articles
#: (about 0.02 ms per URL; search engines take up to 50 000).
PAGE_SIZE = 200


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = PAGE_SIZE

    def items(self):
        # In the order of the lists' index, so that a deep page is found there too.
        return Article.objects.published().only("slug", "updated_at")

    @property
    def paginator(self):
        return KeysFirstPaginator(self._items(), self.limit)

    def location(self, item: Article) -> str:
        # One reverse() per page instead of one per article: the same path.
        if not hasattr(self, "_path"):
            self._path = reverse("articles:article-detail", kwargs={"slug": "-"})
        return self._path.replace("/-/", f"/{item.slug}/")

    def lastmod(self, item: Article):
        return timezone.localdate(item.updated_at)

    def get_latest_lastmod(self):
        """For the index: the newest change, found in an index (not every article read)."""
        return (
            Article.objects.published()
            .order_by("-updated_at")
            .values_list("updated_at", flat=True)
            .first()
        )


class ArchiveSitemap(Sitemap):
    """Category and author archives that have at least one published article."""

    changefreq = "daily"
    limit = PAGE_SIZE

    def items(self):
        def with_articles(model, field: str):
            published = Article.objects.published().filter(**{field: OuterRef("pk")})
            return model.objects.filter(Exists(published)).order_by("pk")

        return [*with_articles(Category, "category"), *with_articles(Author, "author")]


class StaticSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["articles:home", "accessibility", "privacy"]

    def location(self, item: str) -> str:
        return reverse(item)
