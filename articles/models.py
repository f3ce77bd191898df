import hashlib
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from ambtenarenpanel.text import PlainCharField, PlainTextField, clean_text

from .embeds import ChartReference, chart_reference_errors
from .figures.rendering import rendered_plain_text
from .figures.validation import figure_tag_errors
from .html import sanitize_html
from .images import SizedImageField

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
    # Spellcheck stays on (static/js/article-editor.js asks for Dutch).
    "NoSpellCheck": False,
}


class Category(models.Model):
    name = PlainCharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = PlainTextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:category", kwargs={"slug": self.slug})


class Author(models.Model):
    name = PlainCharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    bio = PlainTextField(_("korte biografie"), blank=True)

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

    def next_publish_time(self) -> datetime | None:
        """When the next scheduled article becomes public, or None: pages change then."""
        return (
            self.filter(
                status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
            )
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("Gepubliceerd")

    title = PlainCharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Het laatste deel van de URL."),
    )
    lead = PlainTextField(
        _("intro"), help_text=_("De inleidende alinea boven het artikel.")
    )
    body = ProseEditorField(
        _("tekst"),
        extensions=BODY_EXTENSIONS,
        # The one sanitiser (articles/html.py), also run by save() for every other path.
        sanitize=sanitize_html,
        help_text=_(
            "Zet een grafiek in de tekst met een eigen regel "
            "[grafiek enquete-slug/vraagcode], een cijfer waar u wilt met "
            "[cijfer enquete-slug/vraagcode/antwoord]."
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
    search_description = PlainCharField(
        _("omschrijving voor zoekmachines"),
        max_length=160,
        blank=True,
        help_text=_("Maximaal 160 tekens. Leeg: de intro wordt gebruikt."),
    )
    image = SizedImageField(
        _("afbeelding"),
        upload_to="artikelen/%Y/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    # Filled from the file when one is uploaded: the page reserves the image's space.
    image_width = models.PositiveIntegerField(
        _("breedte van de afbeelding"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("hoogte van de afbeelding"), null=True, blank=True, editable=False
    )
    image_alt = PlainCharField(
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
        from .citations import sync_citations

        if not self.slug:
            self.slug = slugify(self.title)[:200]
        self.body = sanitize_html(self.body)
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            sync_citations(self)

    def get_absolute_url(self) -> str:
        return reverse("articles:article-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Geef een alternatieve tekst voor de afbeelding.")
        already_cited = frozenset(
            ChartReference(slug, code)
            for slug, code in (
                self.citations.values_list("survey_slug", "code") if self.pk else []
            )
        )
        if chart_errors := chart_reference_errors(
            self.body, already_cited=already_cited
        ):
            errors["body"] = chart_errors
        for field, messages in figure_tag_errors(self).items():
            errors.setdefault(field, []).extend(messages)
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
        """For search engines and share previews: at most 160 characters, cut at a word."""
        return rendered_plain_text(self).description


class Citation(models.Model):
    """An article cites a survey question (a chart, a figure): one row per question.

    Kept in step with the body on every save (``articles.citations.sync_citations``),
    so that "which articles cite this question" is one indexed lookup. By slug and
    code, not a foreign key: a citation outlives a deleted question, which is how an
    article whose chart broke can still be saved.
    """

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("artikel"),
    )
    survey_slug = models.CharField(_("enquête"), max_length=100)
    code = models.CharField(_("vraagcode"), max_length=50)

    class Meta:
        verbose_name = _("bronvermelding")
        verbose_name_plural = _("bronvermeldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "survey_slug", "code"], name="unique_citation"
            )
        ]
        indexes = [models.Index(fields=["survey_slug", "code"])]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.survey_slug}/{self.code}"


def validate_https_url(value: str) -> None:
    """A commenter's website must be an https:// address (SECURITY.md, Comments)."""
    if value and not value.lower().startswith("https://"):
        raise ValidationError(
            _(
                "Alleen een beveiligd webadres kan, beginnend met https:// "
                "(niet http:// of ftp://)."
            ),
            code="not_https",
        )


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
    name = PlainCharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254)
    website = models.URLField(
        _("website"), max_length=200, blank=True, validators=[validate_https_url]
    )
    body = PlainTextField(_("reactie"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("geplaatst"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    # Who wrote what, set once when the comment is stored: the database refuses the
    # same comment twice on one article (a double click, a reloaded POST), also when
    # both posts arrive at the same moment. Empty for comments stored before it existed
    # that repeated an earlier one.
    # NULL, not "": the unique constraint allows any number of those.
    fingerprint = models.CharField(max_length=64, null=True, editable=False)  # noqa: DJ001

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        indexes = [models.Index(fields=["article", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "fingerprint"], name="comment_posted_once"
            )
        ]

    def __str__(self) -> str:
        return _("Reactie van %(name)s") % {"name": self.name}

    def save(self, *args, **kwargs) -> None:
        if self._state.adding and not self.fingerprint:
            # The text as it is stored: PlainTextField cleans it in pre_save too.
            self.fingerprint = self.fingerprint_of(self.email, clean_text(self.body))
        super().save(*args, **kwargs)

    @staticmethod
    def fingerprint_of(email: str, body: str) -> str:
        """The same writer (e-mail address in any case) and the same text."""
        return hashlib.sha256(f"{email.strip().lower()}\n{body}".encode()).hexdigest()


# Models of the figure check live beside it; Django finds them through this module.
from .figures.models import CitedFigure, FigureCheck  # noqa: E402, F401
