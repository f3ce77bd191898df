import time

from django import forms
from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

from ambtenarenpanel.text import clean_text

from .models import Comment

FORM_TOKEN_SALT = "articles.comment-form"
FORM_MAX_AGE_SECONDS = 2 * 24 * 60 * 60


def make_form_token(*, shown_at: float | None = None) -> str:
    """A signed record of when the comment form was shown."""
    return signing.dumps(
        shown_at if shown_at is not None else time.time(), salt=FORM_TOKEN_SALT
    )


class PrintableCharField(forms.CharField):
    """A CharField that drops unprintable characters (``clean_text``) before validating,
    so a name of only such characters counts as empty and length limits count what is kept."""

    def __init__(self, *args, multiline: bool = True, **kwargs):
        self.multiline = multiline
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value, multiline=self.multiline).strip() if value else value


def https_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """The model's form field; a web address typed without a scheme gets https://,
    name and text lose unprintable characters."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if db_field.name in ("name", "body"):
        kwargs["form_class"] = PrintableCharField
        kwargs["multiline"] = db_field.name == "body"
    return db_field.formfield(**kwargs)


class CommentForm(forms.ModelForm):
    """The public comment form, with two spam defences that need no third party.

    - ``telefoon`` is a honeypot: hidden from people, filled in by bots.
    - ``token`` holds the signed time the form was shown; a post that comes
      sooner than ``COMMENT_MIN_SECONDS`` later, or with a forged or very old
      token, is refused.
    """

    telefoon = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Comment
        fields = ["name", "email", "website", "body"]
        formfield_callback = https_formfield
        labels = {
            "name": _("Naam"),
            "email": _("E-mail"),
            "website": _("Website"),
            "body": _("Reactie"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "body": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "name": {"required": _("Vul je naam in.")},
            "email": {
                "required": _("Vul je e-mailadres in."),
                "invalid": _(
                    "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."
                ),
            },
            "website": {
                "invalid": _("Vul een geldig webadres in, beginnend met https://.")
            },
            "body": {"required": _("Schrijf je reactie.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = make_form_token()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("telefoon"):
            raise forms.ValidationError(
                _("Je reactie kon niet worden geplaatst."), code="honeypot"
            )
        try:
            shown_at = signing.loads(
                cleaned_data.get("token") or "",
                salt=FORM_TOKEN_SALT,
                max_age=FORM_MAX_AGE_SECONDS,
            )
        except signing.BadSignature:
            self._renew_token()
            raise forms.ValidationError(
                _("Het formulier is verlopen. Verstuur je reactie opnieuw."),
                code="token",
            ) from None
        if time.time() - float(shown_at) < settings.COMMENT_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "Je reactie werd wel erg snel verstuurd. Wacht een paar seconden en verstuur hem opnieuw."
                ),
                code="too_fast",
            )
        return cleaned_data

    def _renew_token(self) -> None:
        data = self.data.copy()
        data["token"] = make_form_token()
        self.data = data
