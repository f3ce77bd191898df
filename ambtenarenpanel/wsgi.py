import os

from django.core.wsgi import get_wsgi_application

from ambtenarenpanel.startup import APP_LOAD_ERROR, load_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ambtenarenpanel.settings")

load_settings(exit_status=APP_LOAD_ERROR)
application = get_wsgi_application()
