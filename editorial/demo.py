"""Roles, the approval workflow and demo accounts for each role."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import HUB_EDITORS, PARTNER_EDITORS, TRAINERS, ensure_roles
from portal.models import PartnerOrganisation

# Demo people for trying each role. They share DEMO_ADMIN_PASSWORD when it is set; otherwise
# they cannot log in until an administrator sets a password for them.
DEMO_USERS = [
    ("hub.editor", "Hana", "Editor", HUB_EDITORS, None),
    ("coop.partner", "Piotr", "Partner", PARTNER_EDITORS, "gm-coop-network"),
    ("finance.partner", "Farah", "Partner", PARTNER_EDITORS, "northern-social-investment"),
    ("trainer", "Tariq", "Trainer", TRAINERS, None),
]


def load(*, stdout, skeleton=False):
    ensure_roles()
    if skeleton:
        return
    User = get_user_model()
    for username, first, last, group, org_slug in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        if password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        elif created and not password:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
        if org_slug:
            organisation = PartnerOrganisation.objects.filter(slug=org_slug).first()
            if organisation:
                organisation.editors.add(user)
