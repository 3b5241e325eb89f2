"""E-mail each owner what is overdue or due for review within 30 days (run daily from cron)."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

from editorial.reviews import due_for_review
from portal.models import PartnerOrganisation


class Command(BaseCommand):
    help = "Send review reminders to partner organisations (and to hub staff for hub-owned pages)."

    def handle(self, *args, **options):
        items = due_for_review()
        by_org: dict[int | None, list] = {}
        for item in items:
            by_org.setdefault(getattr(item.page, "owner_organisation_id", None), []).append(item)
        organisations = PartnerOrganisation.objects.in_bulk([k for k in by_org if k])
        sent = 0
        for org_id, org_items in by_org.items():
            organisation = organisations.get(org_id)
            recipients = self._recipients(organisation)
            if not recipients:
                continue
            context = {
                "organisation": organisation,
                "items": org_items,
                "base_url": settings.WAGTAILADMIN_BASE_URL,
            }
            send_mail(
                render_to_string("editorial/review_reminder_subject.txt", context).strip(),
                render_to_string("editorial/review_reminder_email.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
            sent += 1
        self.stdout.write(f"Sent {sent} reminder e-mails about {len(items)} pages.")

    @staticmethod
    def _recipients(organisation) -> list[str]:
        if organisation is None:
            return [settings.HUB_STAFF_EMAIL]
        emails = {organisation.contact_email} | set(
            organisation.editors.filter(is_active=True).values_list("email", flat=True)
        )
        return sorted(e for e in emails if e)
