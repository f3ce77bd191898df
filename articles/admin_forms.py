"""The article form of the admin: publishing sets the publish time to now."""

from django import forms
from django.utils import timezone

from .models import Article


class ArticleAdminForm(forms.ModelForm):
    """Publishing a draft (the status set to published) in the form sets the publish time
    to now, unless the editor scheduled a later time or changed the time in this form
    (e.g. to give an older article its original date)."""

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
