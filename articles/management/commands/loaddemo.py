from django.core.management.base import BaseCommand

from articles.demo import load_demo
from surveys.demo import DEMO_QUESTIONS, DEMO_SURVEY


class Command(BaseCommand):
    help = (
        "Laadt de demo-inhoud: het artikel over digitale dienstverlening met reacties, "
        "en de enquête met de cijfers uit het artikel als grafieken."
    )

    def handle(self, *args, **options):
        article = load_demo()
        self.stdout.write(
            f"Demo-inhoud geladen: {article.get_absolute_url()}, met enquête "
            f"‘{DEMO_SURVEY['title']}’ ({len(DEMO_QUESTIONS)} vragen)"
        )
