from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from .embeds import chart_reference_errors
from .html import sanitize_html

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "History": True,
}


class Category(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:category", kwargs={"slug": self.slug})


class Author(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    bio = models.TextField(_("korte biografie"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None) -> "ArticleQuerySet":
        """Articles any visitor may see: status published and publish time reached."""
        return self.filter(
            status=Article.Status.PUBLISHED,
            published_at__lte=now or timezone.now(),
        )

    def with_listing_data(self) -> "ArticleQuerySet":
        return self.select_related("category", "author")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("Gepubliceerd")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Het laatste deel van de URL."),
    )
    lead = models.TextField(
        _("intro"), help_text=_("De inleidende alinea boven het artikel.")
    )
    body = ProseEditorField(
        _("tekst"),
        extensions=BODY_EXTENSIONS,
        sanitize=True,
        help_text=_(
            "Zet een grafiek in de tekst met een eigen regel "
            "[grafiek enquete-slug/vraagcode]."
        ),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("categorie"),
    )
    author = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("auteur"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publicatietijd"),
        default=timezone.now,
        help_text=_("Een tijd in de toekomst plant de publicatie in."),
    )
    search_description = models.CharField(
        _("omschrijving voor zoekmachines"),
        max_length=160,
        blank=True,
        help_text=_("Maximaal 160 tekens. Leeg: de intro wordt gebruikt."),
    )
    image = models.ImageField(_("afbeelding"), upload_to="artikelen/%Y/", blank=True)
    image_alt = models.CharField(
        _("alternatieve tekst van de afbeelding"),
        max_length=250,
        blank=True,
        help_text=_("Verplicht bij een afbeelding: beschrijf wat erop staat."),
    )
    comments_open = models.BooleanField(_("reacties open"), default=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        # In the order of every list (newest first, then by id): a page is found in
        # the index, however deep (ambtenarenpanel.pagination), and counted there.
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="article_list_order"
            ),
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="article_category_order",
            ),
            models.Index(
                fields=["author", "status", "-published_at", "-id"],
                name="article_author_order",
            ),
            # The sitemap index's last change.
            models.Index(
                fields=["status", "-updated_at", "published_at"],
                name="article_change_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:article-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Geef een alternatieve tekst voor de afbeelding.")
        if chart_errors := chart_reference_errors(self.body):
            errors["body"] = chart_errors
        if errors:
            raise ValidationError(errors)

    def get_preview_url(self) -> str:
        return reverse("articles:article-preview", kwargs={"slug": self.slug})

    def is_published(self, *, now=None) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at <= (
            now or timezone.now()
        )

    is_published.boolean = True
    is_published.short_description = _("zichtbaar")

    @property
    def meta_description(self) -> str:
        return self.search_description or self.lead[:160]


class CommentQuerySet(models.QuerySet):
    def approved(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.APPROVED).order_by("created_at", "id")

    def pending(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.PENDING)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op goedkeuring")
        APPROVED = "approved", _("Goedgekeurd")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("artikel"),
    )
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254)
    website = models.URLField(_("website"), max_length=200, blank=True)
    body = models.TextField(_("reactie"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("geplaatst"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self) -> str:
        return _("Reactie van %(name)s") % {"name": self.name}
