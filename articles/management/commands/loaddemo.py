from django.core.management.base import BaseCommand

from articles.demo import load_demo
from surveys.demo import DEMO_QUESTIONS, DEMO_SURVEY
from surveys.demo_respondents import DEMO_SURVEY as RESPONDENT_SURVEY
from surveys.demo_respondents import RESPONDENTS


class Command(BaseCommand):
    help = (
        "Laadt de demo-inhoud: het artikel over digitale dienstverlening met reacties, "
        "en de enquête met de cijfers uit het artikel als grafieken."
    )

    def handle(self, *args, **options):
        article = load_demo()
        self.stdout.write(
            f"Demo-inhoud geladen: {article.get_absolute_url()}, met enquête "
            f"‘{DEMO_SURVEY['title']}’ ({len(DEMO_QUESTIONS)} vragen), en enquête "
            f"‘{RESPONDENT_SURVEY['title']}’ berekend uit {RESPONDENTS} respondenten"
        )
