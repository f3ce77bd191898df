from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .figures.admin import FigureCheckAdminMixin, FiguresFilter
from .models import Article, Author, Category, Comment
from .services import set_article_status, set_comment_status


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(FigureCheckAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "is_published",
        "published_at",
        "category",
        "author",
    ]
    list_filter = ["status", FiguresFilter, "category", "author", "comments_open"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category", "author"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "author", "lead", "body"]}),
        (_("Publicatie"), {"fields": ["status", "published_at", "comments_open"]}),
        (_("Afbeelding"), {"fields": ["image", "image_alt"]}),
        (_("Zoekmachines"), {"fields": ["search_description"]}),
    ]

    def view_on_site(self, obj: Article) -> str:
        """Drafts and scheduled articles open in the preview, published ones as readers see them."""
        return obj.get_absolute_url() if obj.is_published() else obj.get_preview_url()

    @admin.action(
        description=_("Geselecteerde artikelen publiceren"), permissions=["change"]
    )
    def publish(self, request, queryset):
        if confirmation := self.confirm_publishing_selection(request, queryset):
            return confirmation  # a selected article has figures that disagree with the data
        count = set_article_status(articles=queryset, status=Article.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%d artikel gepubliceerd.", "%d artikelen gepubliceerd.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Geselecteerde artikelen terugzetten naar concept"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        count = set_article_status(articles=queryset, status=Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%d artikel is nu een concept.",
                "%d artikelen zijn nu een concept.",
                count,
            )
            % count,
            messages.SUCCESS,
        )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "article", "short_body", "status", "created_at"]
    list_filter = ["status", "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body", "article__title"]
    date_hierarchy = "created_at"
    readonly_fields = ["article", "created_at", "ip_address"]
    fields = [
        "article",
        "name",
        "email",
        "website",
        "body",
        "status",
        "created_at",
        "ip_address",
    ]
    actions = ["approve", "mark_as_spam", "delete_selected"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("reactie"))
    def short_body(self, obj: Comment) -> str:
        return obj.body if len(obj.body) <= 80 else obj.body[:79] + "…"

    @admin.action(
        description=_("Geselecteerde reacties goedkeuren"), permissions=["change"]
    )
    def approve(self, request, queryset):
        count = set_comment_status(comments=queryset, status=Comment.Status.APPROVED)
        self.message_user(
            request,
            ngettext("%d reactie goedgekeurd.", "%d reacties goedgekeurd.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Geselecteerde reacties markeren als spam"),
        permissions=["change"],
    )
    def mark_as_spam(self, request, queryset):
        count = set_comment_status(comments=queryset, status=Comment.Status.SPAM)
        self.message_user(
            request,
            ngettext(
                "%d reactie gemarkeerd als spam.",
                "%d reacties gemarkeerd als spam.",
                count,
            )
            % count,
            messages.SUCCESS,
        )
