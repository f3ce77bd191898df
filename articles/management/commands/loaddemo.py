from django.core.management.base import BaseCommand

from articles.demo import load_demo


class Command(BaseCommand):
    help = (
        "Laadt de demo-inhoud: het artikel over digitale dienstverlening met reacties."
    )

    def handle(self, *args, **options):
        article = load_demo()
        self.stdout.write(f"Demo-inhoud geladen: {article.get_absolute_url()}")
