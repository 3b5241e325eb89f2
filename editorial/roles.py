"""The four roles, the approval workflow, and inviting a partner's editors.

Hub administrator: everything. Hub editor: all content, approves submissions, edits the
questionnaire, vocabulary, campaigns and promotions. Partner editor: adds and changes pages under
the directory and the guides, but only those its organisation owns, and never publishes. Trainer:
adds and changes training modules, and never publishes. Changes that cannot be published directly
go through the "Hub approval" workflow, whose task hub editors carry out.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.models import PartnerOrganisation

HUB_ADMINISTRATORS = "Hub administrators"
HUB_EDITORS = "Hub editors"
PARTNER_EDITORS = "Partner editors"
TRAINERS = "Trainers"
WORKFLOW_NAME = "Hub approval"
TASK_NAME = "Approval by a hub editor"

ALL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COLLECTION_ACTIONS = ["add", "change", "choose"]

# Model permissions (app_label, codename prefixes or full codenames) given to each role.
HUB_EDITOR_MODELS = [
    (
        "portal",
        [
            "supportneed",
            "stage",
            "organisationtype",
            "area",
            "audiencesector",
            "partnerorganisation",
        ],
    ),
    ("wagtailsearchpromotions", ["query", "searchpromotion"]),
    ("wagtailredirects", ["redirect"]),
    ("wagtailimages", ["image"]),
    ("wagtaildocs", ["document"]),
    ("wagtail_localize", ["translation"]),
]
EXTRA_HUB_EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("portal", "edit_any_organisation_content"),
]
CONTRIBUTOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
# Optional apps whose models hub editors also manage when they are installed.
OPTIONAL_HUB_EDITOR_APPS = ["triage", "campaigns", "portal_search", "search"]


def _permission(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _model_permissions(app_label: str, model_names: list[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(
            content_type__app_label=app_label, content_type__model__in=model_names
        )
    )


def _section_pages(model_label: str) -> list[Page]:
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return []
    return list(model.objects.all())


def _grant_pages(group: Group, pages: list[Page], actions: list[str]) -> None:
    for page in pages:
        for action in actions:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collections(
    group: Group, actions: list[str], *, app_labels=("wagtailimages", "wagtaildocs")
):
    # The root collection comes from a migration; a database emptied between tests lacks it.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app_label in app_labels:
        model = "image" if app_label == "wagtailimages" else "document"
        for action in actions:
            permission = _permission(app_label, f"{action}_{model}")
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or complete the four role groups. Safe to run again: it only adds what is missing."""
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (HUB_ADMINISTRATORS, HUB_EDITORS, PARTNER_EDITORS, TRAINERS)
    }
    root = Page.get_first_root_node()

    admins = groups[HUB_ADMINISTRATORS]
    # Every permission except "enable 2FA", which makes two-factor mandatory for a group: it stays
    # optional until an administrator grants it (see README: Roles).
    admins.permissions.add(*Permission.objects.exclude(codename="enable_2fa"))
    _grant_pages(admins, [root], ALL_PAGE_ACTIONS)
    _grant_collections(admins, ["add", "change", "choose", "delete"])

    editors = groups[HUB_EDITORS]
    for app_label, models in HUB_EDITOR_MODELS:
        editors.permissions.add(*_model_permissions(app_label, models))
    for app_label in OPTIONAL_HUB_EDITOR_APPS:
        if apps.is_installed(app_label) or any(
            c.label == app_label for c in apps.get_app_configs()
        ):
            editors.permissions.add(*Permission.objects.filter(content_type__app_label=app_label))
    editors.permissions.add(
        *filter(None, (_permission(a, c) for a, c in EXTRA_HUB_EDITOR_PERMISSIONS))
    )
    _grant_pages(editors, [root], ["add", "change", "publish", "lock", "unlock"])
    _grant_collections(editors, ["add", "change", "choose"])

    partners = groups[PARTNER_EDITORS]
    partners.permissions.add(*filter(None, (_permission(a, c) for a, c in CONTRIBUTOR_PERMISSIONS)))
    partner_sections = _section_pages("directory.DirectoryIndexPage") + _section_pages(
        "guides.GuideIndexPage"
    )
    _grant_pages(partners, partner_sections, ["add", "change"])
    _grant_collections(partners, ["add", "choose"])

    trainers = groups[TRAINERS]
    trainers.permissions.add(*filter(None, (_permission(a, c) for a, c in CONTRIBUTOR_PERMISSIONS)))
    # Modules may name a partner as their owner; trainers still look after every module.
    trainers.permissions.add(
        *filter(None, [_permission("portal", "edit_any_organisation_content")])
    )
    _grant_pages(trainers, _section_pages("guides.TrainingIndexPage"), ["add", "change"])
    _grant_collections(trainers, ["add", "choose"])

    ensure_workflow(groups[HUB_EDITORS], groups[HUB_ADMINISTRATORS])
    return groups


def ensure_workflow(*approver_groups: Group) -> Workflow:
    """The 'Hub approval' workflow on the whole site, approved by hub editors."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(*approver_groups)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def invite_editor(
    organisation: PartnerOrganisation,
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    request=None,
    role: str = PARTNER_EDITORS,
):
    """Add ``email`` as an editor of ``organisation`` and send them a link to set a password.

    Returns (user, created). An existing account is added to the organisation, not duplicated.
    """
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User(
                username=email.lower()[:150],
                email=email,
                first_name=first_name,
                last_name=last_name,
            )
            user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        organisation.editors.add(user)
    send_invitation(user, organisation, request=request)
    return user, created


def send_invitation(user, organisation: PartnerOrganisation, *, request=None) -> None:
    """E-mail a one-time link where the new editor chooses their password."""
    base = (
        request.build_absolute_uri("/").rstrip("/") if request else settings.WAGTAILADMIN_BASE_URL
    )
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "organisation": organisation,
        "link": base + path,
        "admin_url": base + reverse("wagtailadmin_home"),
    }
    send_mail(
        render_to_string("editorial/invitation_subject.txt", context).strip(),
        render_to_string("editorial/invitation_email.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
