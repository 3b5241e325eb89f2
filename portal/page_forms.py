"""Admin forms for owned pages: a partner editor can only give a page to their own organisation."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from portal.permissions import may_edit_any_organisation, organisation_ids


class OwnedPageForm(WagtailAdminPageForm):
    """Limits the owner organisation to the editor's own ones, and fills it in for them."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("owner_organisation")
        if field is None or for_user is None or may_edit_any_organisation(for_user):
            return
        own = organisation_ids(for_user)
        field.queryset = field.queryset.filter(pk__in=own)
        field.required = True
        field.help_text = _("Pages you create belong to your organisation.")
        if not self.instance.owner_organisation_id and len(own) == 1:
            self.initial.setdefault("owner_organisation", next(iter(own)))
