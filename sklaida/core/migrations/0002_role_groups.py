"""Create one auth group per role (see core.permissions.Role)."""

from django.db import migrations

ROLE_GROUPS = ["head", "specialist", "territory", "viewer", "admin"]


def create_role_groups(apps, schema_editor):
    group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
