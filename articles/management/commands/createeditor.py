"""``python manage.py createeditor NAME --group Redactie [--group …] [--email …] [--noinput]``.

Creates a staff member (never a superuser) in one or more of the groups of
``articles.roles``. The password is asked twice, or read from the environment variable
``CREATEEDITOR_PASSWORD`` with ``--noinput``, and must pass the password validators.
"""

import getpass
import os

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.roles import ROLE_PERMISSIONS

PASSWORD_VARIABLE = "CREATEEDITOR_PASSWORD"


class Command(BaseCommand):
    help = _(
        "Maakt een medewerker aan (geen superuser) in een of meer van de groepen "
        "Redactie, Moderatie en Onderzoek."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("de gebruikersnaam"))
        parser.add_argument(
            "--group",
            action="append",
            required=True,
            choices=list(ROLE_PERMISSIONS),
            help=_("de groep; herhaal de optie voor meer groepen"),
        )
        parser.add_argument("--email", default="", help=_("het e-mailadres"))
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=_("niets vragen; het wachtwoord komt uit %(variable)s")
            % {"variable": PASSWORD_VARIABLE},
        )

    def handle(self, *args, username: str, group: list[str], email: str, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(
                _(
                    "De gebruiker ‘%(username)s’ bestaat al. Wijzig de groepen in het "
                    "beheer onder Gebruikers."
                )
                % {"username": username}
            )
        user = User(username=username, email=email, is_staff=True)
        password = self._password(user, interactive=options["interactive"])
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.set(Group.objects.filter(name__in=group))
        self.stdout.write(
            _("Medewerker %(username)s aangemaakt in: %(groups)s.")
            % {"username": username, "groups": ", ".join(group)}
        )

    def _password(self, user: User, *, interactive: bool) -> str:
        if not interactive:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                raise CommandError(
                    _("Zet het wachtwoord in de omgevingsvariabele %(variable)s.")
                    % {"variable": PASSWORD_VARIABLE}
                )
            self._validate(password, user)
            return password
        while True:
            password = getpass.getpass(_("Wachtwoord: "))
            if password != getpass.getpass(_("Wachtwoord (nogmaals): ")):
                self.stderr.write(_("De wachtwoorden zijn niet gelijk."))
                continue
            try:
                self._validate(password, user)
            except CommandError as error:
                self.stderr.write(str(error))
                continue
            return password

    def _validate(self, password: str, user: User) -> None:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(
                _("Dit wachtwoord kan niet: %(reasons)s")
                % {"reasons": " ".join(error.messages)}
            ) from None
