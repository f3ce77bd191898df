"""The staff groups Redactie, Moderatie and Onderzoek with their permissions.

A frozen copy of ``articles.roles.ROLE_PERMISSIONS`` as it was when this migration was
written: a migration must give the same result on every later checkout, whatever the
live code says then. A change of the roles is a new migration with a copy of its own;
``tests/test_roles.py`` checks that a fresh migrate and the live definition agree.
"""

from django.db import migrations

ROLE_PERMISSIONS = {
    "Redactie": {
        "articles": {
            "article": ["add", "change", "delete", "view"],
            "category": ["add", "change", "delete", "view"],
            "author": ["add", "change", "delete", "view"],
            "comment": ["change", "delete", "view"],
        },
        "surveys": {"survey": ["view"], "question": ["view"]},
    },
    "Moderatie": {
        "articles": {"comment": ["change", "delete", "view"]},
    },
    "Onderzoek": {
        "surveys": {
            model: ["add", "change", "delete", "view"]
            for model in ["survey", "question", "answeroption", "segment", "result"]
        },
    },
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, app_models in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set(
            [
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                for app_label, models in app_models.items()
                for model, actions in models.items()
                for action in actions
            ]
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("surveys", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
