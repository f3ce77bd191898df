"""Admin for respondents' raw answers: a read-only list for research staff only.

Respondents are written only by ``import_respondents`` (a round is replaced whole);
nobody adds, edits or deletes one here. Registered from ``surveys/admin.py``.
"""

import json

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from surveys.models import Respondent


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin):
    list_display = ["identifier", "survey", "weight", "answer_count"]
    list_filter = ["survey"]
    list_select_related = ["survey"]
    search_fields = ["identifier"]
    fields = ["survey", "identifier", "weight", "answers_table"]
    readonly_fields = fields
    list_per_page = 100
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("beantwoorde vragen"))
    def answer_count(self, obj: Respondent) -> int:
        return len(obj.answers)

    @admin.display(description=_("antwoorden"))
    def answers_table(self, obj: Respondent) -> str:
        return format_html(
            "<pre>{}</pre>", json.dumps(obj.answers, ensure_ascii=False, indent=1)
        )
