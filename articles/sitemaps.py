from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Author, Category


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, item: Article):
        return item.updated_at


class ArchiveSitemap(Sitemap):
    """Category and author archives that have at least one published article."""

    changefreq = "daily"

    def items(self):
        published = Article.objects.published()
        categories = Category.objects.filter(articles__in=published).distinct()
        authors = Author.objects.filter(articles__in=published).distinct()
        return [*categories, *authors]


class StaticSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["articles:home", "accessibility", "privacy"]

    def location(self, item: str) -> str:
        return reverse(item)
