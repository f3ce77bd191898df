from django import forms
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ambtenarenpanel.admin_wording import NeuterNameAdmin
from ambtenarenpanel.text import shorten

from .admin_forms import ArticleAdminForm
from .embeds import existing_references, find_chart_references
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
class ArticleAdmin(FigureCheckAdminMixin, NeuterNameAdmin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "publication",
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
        (_("Afbeelding"), {"fields": ["image", "image_alt", "pending_image"]}),
        (_("Zoekmachines"), {"fields": ["search_description"]}),
    ]

    @property
    def media(self):
        # The editor's dialogs read Django's JavaScript catalog (window.gettext);
        # article-editor.js translates its menu and turns Dutch spellcheck on.
        return super().media + forms.Media(
            js=[reverse("admin:jsi18n"), "js/article-editor.js"]
        )

    @admin.display(description=_("status"), ordering="status")
    def publication(self, obj: Article) -> str:
        """Concept, Gepubliceerd, or Gepland voor <datum> for a publish time ahead."""
        if obj.status == Article.Status.PUBLISHED and not obj.is_published():
            when = date_format(timezone.localtime(obj.published_at), "j F Y H:i")
            return gettext("Gepland voor %(date)s") % {"date": when}
        return obj.get_status_display()

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        form.discard_pending_image()
        # Saved although a chart's question was deleted since: say so.
        cited = find_chart_references(obj.body)
        for reference in sorted(set(cited) - existing_references(cited), key=str):
            self.message_user(
                request,
                gettext(
                    "De grafiek ‘%(chart)s’ bestaat niet meer: lezers zien hem niet. "
                    "Haal de regel weg of kies een andere vraag."
                )
                % {"chart": reference},
                messages.WARNING,
            )

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


class ModerationStatusFilter(admin.SimpleListFilter):
    """The comment list opens on the comments waiting for moderation; "Alle" shows all."""

    title = _("status")
    # Django's own name for a status filter, so that links to it keep working.
    parameter_name = "status__exact"
    ALL = "alle"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("Alle"))]

    def __init__(self, request, *args, **kwargs):
        # Actions act on the comments that were ticked, whatever the list showed.
        self.default = Comment.Status.PENDING if request.method == "GET" else self.ALL
        super().__init__(request, *args, **kwargs)

    def value(self):
        return super().value() or self.default

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    # Narrow columns, so that text, status and date fit at 1280 px; the whole text,
    # the website and the address are on the comment's own page.
    list_display = ["short_body", "sender", "short_article", "status", "created_at"]
    list_display_links = ["short_body"]
    list_filter = [ModerationStatusFilter, "created_at"]
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
        return shorten(obj.body, 60)

    @admin.display(description=_("afzender"), ordering="name")
    def sender(self, obj: Comment) -> str:
        return format_html(
            "{}<br><small>{}</small>",
            shorten(obj.name, 30),
            shorten(obj.email, 32),
        )

    @admin.display(description=_("artikel"), ordering="article__title")
    def short_article(self, obj: Comment) -> str:
        return shorten(obj.article.title, 40)

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
