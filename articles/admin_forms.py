"""The article form of the admin: publishing sets the publish time to now, and a chosen
image survives a refused form."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .images import discard_pending, keep_pending, pending_name, restore_pending
from .models import Article


class ArticleAdminForm(forms.ModelForm):
    """Publishing a draft (the status set to published) in the form sets the publish time
    to now, unless the editor scheduled a later time or changed the time in this form
    (e.g. to give an older article its original date).

    An image chosen in a form that is refused (no alternative text, a missing title) is
    kept (``articles.images``): the form comes back saying so, with the file's token in
    ``pending_image``, and the next post stores it unless another file is chosen or the
    image is cleared.
    """

    pending_image = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "category",
            "author",
            "lead",
            "body",
            "status",
            "published_at",
            "comments_open",
            "image",
            "image_alt",
            "search_description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publish_time = self.fields.get("published_at")
        if publish_time and isinstance(publish_time.widget, forms.MultiWidget):
            # The admin's date and time boxes have only loose text beside them: give
            # each a name of its own for screen readers (WCAG 1.3.1, 4.1.2).
            date, time = publish_time.widget.widgets
            date.attrs["aria-label"] = _("Publicatiedatum")
            time.attrs["aria-label"] = _("Publicatietijd")
        token = self.data.get("pending_image") if self.is_bound else None
        chose_another = self.files.get("image") or self.data.get("image-clear")
        if token and not chose_another:
            restored = restore_pending(token)
            if restored is not None:
                self.files = self.files.copy()
                self.files["image"] = restored
                self._show_pending(restored.name)

    def _show_pending(self, name: str) -> None:
        text = _(
            "Gekozen: %(name)s. Dit bestand wordt opgeslagen met het artikel; kies een "
            "ander bestand om het te vervangen."
        ) % {"name": escape(name)}  # the admin shows help text as HTML
        # A bound field copies its help text when made (the form's validation made it).
        self.fields["image"].help_text = self["image"].help_text = text

    def full_clean(self):
        super().full_clean()
        upload = getattr(self, "cleaned_data", {}).get("image")
        if self._errors and isinstance(upload, UploadedFile):
            data = self.data.copy()
            data["pending_image"] = keep_pending(upload)
            self.data = data
            self._show_pending(pending_name(data["pending_image"]) or upload.name)

    def discard_pending_image(self) -> None:
        """After a successful save: the kept file is in the article's storage now."""
        if token := self.data.get("pending_image"):
            discard_pending(token)

    def clean(self):
        cleaned_data = super().clean()
        was_published = (
            self.instance.pk is not None
            and self.instance.status == Article.Status.PUBLISHED
        )
        published_at = cleaned_data.get("published_at")
        now = timezone.now()
        if (
            cleaned_data.get("status") == Article.Status.PUBLISHED
            and not was_published
            and published_at is not None
            and published_at < now
            and "published_at" not in self.changed_data
        ):
            cleaned_data["published_at"] = now
        return cleaned_data
