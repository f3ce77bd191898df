"""Dutch admin messages for models whose name is a het-woord (het artikel, het resultaat).

Django's Dutch messages say "De {name} ‘…’ is met succes toegevoegd." for every model,
so an article is added as "De artikel …". ``NeuterNameAdmin`` corrects the messages the
admin sends through ``message_user`` (added, changed, deleted, not found) for the models
whose admin uses it.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


def neuter_wording(message: str, name: str) -> str:
    """``message`` with the article and pronouns of a de-woord changed for a het-woord."""
    corrected = message
    if corrected.startswith(f"De {name} "):
        corrected = f"Het {name} " + corrected[len(f"De {name} ") :]
        corrected = corrected.replace(
            " U kunt deze hieronder ", " U kunt het hieronder "
        )
        corrected = corrected.replace(" U kunt deze hieronder", " U kunt het hieronder")
    corrected = corrected.replace(
        "Misschien is deze verwijderd?", "Misschien is het verwijderd?"
    )
    return corrected


class NeuterNameAdmin:
    """ModelAdmin mixin: the model's Dutch name takes "het", not "de"."""

    def message_user(self, request, message, *args, **kwargs):
        if (get_language() or "").startswith("nl"):
            corrected = neuter_wording(str(message), str(self.opts.verbose_name))
            if corrected != str(message):
                message = (
                    mark_safe(corrected)
                    if isinstance(message, SafeString)
                    else corrected
                )
        return super().message_user(request, message, *args, **kwargs)
