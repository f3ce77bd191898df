from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("artikelen/<slug:slug>/", views.article_detail, name="article-detail"),
    path(
        "artikelen/<slug:slug>/voorbeeld/",
        views.article_preview,
        name="article-preview",
    ),
    path("auteur/<slug:slug>/", views.author_detail, name="author"),
    path("auteur/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("categorie/<slug:slug>/", views.category_detail, name="category"),
    path("categorie/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
]
