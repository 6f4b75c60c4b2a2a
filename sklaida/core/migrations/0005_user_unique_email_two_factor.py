import sys

import django.db.models.functions.text
from django.db import migrations, models


def clear_shared_addresses(apps, schema_editor):
    """Before the constraint: an address two accounts share belongs to neither any more.

    Which of them owns it cannot be told from the data (one may have copied it from
    another to receive her password reset), so every copy is cleared and named here; the
    administrator sets the right address again in the admin.
    """
    User = apps.get_model("core", "User")
    by_address: dict[str, list] = {}
    for user in User.objects.exclude(email="").only("pk", "username", "email"):
        by_address.setdefault(user.email.casefold(), []).append(user)
    for users in by_address.values():
        if len(users) < 2:
            continue
        for user in users:
            sys.stdout.write(
                f"\n  Cleared the e-mail address {user.email} of {user.username}: "
                f"{len(users)} accounts shared it."
            )
        User.objects.filter(pk__in=[user.pk for user in users]).update(email="")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0004_equipment_inventory"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="two_factor_enabled",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="two-factor sign-in"
            ),
        ),
        migrations.RunPython(clear_shared_addresses, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="core_user_unique_email",
                violation_error_message="Another account already uses this e-mail address.",
            ),
        ),
    ]
