from django.db import migrations


def grant(apps, schema_editor):
    """Research staff (group Onderzoek) may read respondents' raw answers; nobody else."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("surveys")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Onderzoek")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="surveys", codename="view_respondent"
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="surveys", codename="view_respondent"
    ):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0003_respondent_level_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
