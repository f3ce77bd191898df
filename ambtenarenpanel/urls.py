import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from articles.sitemaps import ArchiveSitemap, ArticleSitemap, StaticSitemap
from surveys.sitemaps import QuestionSitemap, SurveyListSitemap, SurveySitemap

from . import views

# /sitemap.xml is an index of one sitemap per section (paged by each one's ``limit``).
sitemaps = {
    "articles": ArticleSitemap,
    "archives": ArchiveSitemap,
    "pages": StaticSitemap,
    "survey-list": SurveyListSitemap,
    "surveys": SurveySitemap,
    "questions": QuestionSitemap,
}

admin.site.site_header = admin.site.site_title = _("Ambtenarenpanel — beheer")
admin.site.index_title = _("Overzicht")

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps, "template_name": "sitemaps/sitemap.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("taal/", views.set_language, name="set-language"),
    path(
        "toegankelijkheid/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path(
        "privacy/",
        TemplateView.as_view(template_name="pages/privacy.html"),
        name="privacy",
    ),
    path("onderzoek/", include("surveys.urls")),
    path("zoeken/", include("search.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(
        re_path(rf"^{media_prefix}(?P<path>.+)$", views.media, name="media")
    )

handler400 = "ambtenarenpanel.views.bad_request"
handler404 = "ambtenarenpanel.views.page_not_found"
handler500 = "ambtenarenpanel.views.server_error"
