from django.conf import settings
from django.core.management.base import BaseCommand

from articles.services import purge_comment_ips


class Command(BaseCommand):
    help = "Verwijdert IP-adressen van reacties die ouder zijn dan de bewaartermijn."

    def handle(self, *args, **options):
        days = settings.COMMENT_IP_RETENTION_DAYS
        count = purge_comment_ips(older_than_days=days)
        self.stdout.write(
            f"IP-adres verwijderd van {count} reactie(s) ouder dan {days} dagen."
        )
