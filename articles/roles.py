"""The staff roles of PRODUCT.md (Admin) and the permissions each one needs: the one place.

``createeditor`` offers these groups, ``sync_roles()`` gives them exactly these
permissions (the browser tests use it after emptying the database). The migrations that
create the groups carry frozen copies (articles/migrations/0002_roles.py): when this
changes, add a migration with the new copy; tests/test_roles.py fails until then.
"""

ROLE_PERMISSIONS = {
    "Redactie": {
        "articles": {
            "article": ["add", "change", "delete", "view"],
            "category": ["add", "change", "delete", "view"],
            "author": ["add", "change", "delete", "view"],
            "comment": ["change", "delete", "view"],
        },
        # Editors look up questions to place their charts in articles.
        "surveys": {"survey": ["view"], "question": ["view"]},
    },
    "Moderatie": {
        "articles": {"comment": ["change", "delete", "view"]},
    },
    "Onderzoek": {
        "surveys": {
            **{
                model: ["add", "change", "delete", "view"]
                for model in ["survey", "question", "answeroption", "segment", "result"]
            },
            # Raw answers: read only, and only for research staff.
            "respondent": ["view"],
        },
    },
}


def sync_roles(apps) -> None:
    """Create the groups and give each exactly the permissions in ``ROLE_PERMISSIONS``."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, app_models in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        codenames = [
            (app_label, f"{action}_{model}")
            for app_label, models in app_models.items()
            for model, actions in models.items()
            for action in actions
        ]
        # A permission of a model that a later migration creates is given by that
        # migration (e.g. surveys' respondents): skipped here, whatever the order.
        permissions = [
            permission
            for app_label, codename in codenames
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        ]
        group.permissions.set(permissions)
