"""The admin refuses to delete survey data that a published article cites.

For rounds, questions and answer options, whether deleted one by one, with the bulk
"delete selected" action or through an inline's delete box: the references of
``surveys.references`` are asked first. Protecting ones (published articles) are listed
on the confirmation page and block the deletion; others (drafts) are listed as a
warning, and their preview afterwards shows a notice where the chart stood.
"""

from __future__ import annotations

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .references import Reference, references_to


def _link(reference: Reference) -> str:
    if reference.url:
        return format_html('<a href="{}">{}</a>', reference.url, reference.text)
    return format_html("{}", reference.text)


class ProtectsCitedDataAdmin:
    """ModelAdmin mixin for Survey, Question and AnswerOption."""

    delete_confirmation_template = "admin/surveys/cited_delete_confirmation.html"
    delete_selected_confirmation_template = (
        "admin/surveys/cited_delete_selected_confirmation.html"
    )

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        references = references_to(objs)
        protected = [
            *protected,
            *(_link(ref) for ref in references if ref.protects),
        ]
        # Read by the confirmation templates: citing drafts lose their chart.
        request.unprotected_references = [
            _link(ref) for ref in references if not ref.protects
        ]
        return deleted, model_count, perms_needed, protected


class ProtectsCitedDataFormSet(BaseInlineFormSet):
    """Inline formset whose delete boxes may not remove cited questions or options."""

    def clean(self):
        super().clean()
        doomed = [form.instance for form in self.deleted_forms if form.instance.pk]
        protecting = [ref for ref in references_to(doomed) if ref.protects]
        if protecting:
            raise forms.ValidationError(
                _(
                    "Niet verwijderd: hierin staat een grafiek of cijfer uit een "
                    "gepubliceerd artikel (%(articles)s). Haal die eerst uit het artikel."
                )
                % {"articles": "; ".join(ref.text for ref in protecting)}
            )
