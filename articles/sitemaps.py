"""Sections of the sitemap index (``/sitemap.xml``): each one paged by ``limit``, so that
no sitemap grows with the number of articles."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article, Author, Category

#: URLs per sitemap page: a page costs the same at 1 000 or at 100 000 articles.
PAGE_SIZE = 1000


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = PAGE_SIZE

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Article):
        return item.updated_at

    def get_latest_lastmod(self):
        """For the index: one query, not every article read (Django's default)."""
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ArchiveSitemap(Sitemap):
    """Category and author archives that have at least one published article."""

    changefreq = "daily"
    limit = PAGE_SIZE

    def items(self):
        published = Article.objects.published()
        categories = Category.objects.filter(articles__in=published).distinct()
        authors = Author.objects.filter(articles__in=published).distinct()
        return [*categories.order_by("pk"), *authors.order_by("pk")]


class StaticSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["articles:home", "accessibility", "privacy"]

    def location(self, item: str) -> str:
        return reverse(item)
