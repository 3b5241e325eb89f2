"""Build the POST data a Wagtail page edit form would send, from a page's current values.

Tests post it to the real admin views (optionally with changes) instead of calling model
methods, so permissions, validation and workflow run exactly as they do for an editor.
Supports plain fields, choosers, many-to-many fields, rich text, inline panels and streams of
rich text blocks — what the tests' pages use.
"""

from __future__ import annotations

import datetime

from django.db.models import Model
from wagtail.blocks import RichTextBlock, StreamValue
from wagtail.test.utils.form_data import rich_text


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Model):
        return value.pk
    return value


def _field_data(form, prefix: str = "") -> dict:
    data = {}
    for name, field in form.fields.items():
        key = f"{prefix}{name}"
        value = form[name].value()
        widget = type(field.widget).__name__
        if isinstance(value, StreamValue) or widget == "BlockWidget":
            data.update(_stream_data(key, value))
        elif "RichText" in widget or "Draftail" in widget:
            data[key] = rich_text(value or "")
        elif isinstance(value, (list, tuple)) or hasattr(value, "all"):
            items = value.all() if hasattr(value, "all") else value
            data[key] = [_scalar(item) for item in items]
        else:
            scalar = _scalar(value)
            if scalar != "" or widget not in ("CheckboxInput",):
                data[key] = scalar
            if widget == "CheckboxInput" and not scalar:
                data.pop(key, None)
    for name, formset in getattr(form, "formsets", {}).items():
        data.update(_formset_data(f"{prefix}{name}", formset))
    return data


def _formset_data(prefix: str, formset) -> dict:
    forms = formset.forms
    data = {
        f"{prefix}-TOTAL_FORMS": len(forms),
        f"{prefix}-INITIAL_FORMS": formset.initial_form_count(),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, form in enumerate(forms):
        data.update(_field_data(form, prefix=f"{prefix}-{index}-"))
        data.pop(f"{prefix}-{index}-DELETE", None)
        data[f"{prefix}-{index}-ORDER"] = index + 1
    return data


def _stream_data(prefix: str, value) -> dict:
    children = list(value or [])
    data = {f"{prefix}-count": len(children)}
    for index, child in enumerate(children):
        if not isinstance(child.block, RichTextBlock):
            raise NotImplementedError(f"{prefix}: only rich text blocks are supported")
        data[f"{prefix}-{index}-type"] = child.block_type
        data[f"{prefix}-{index}-value"] = rich_text(child.value.source)
        data[f"{prefix}-{index}-order"] = index
        data[f"{prefix}-{index}-deleted"] = ""
        data[f"{prefix}-{index}-id"] = child.id or ""
    return data


def page_form_data(page, user, **changes) -> dict:
    """The edit form's data for ``page`` as ``user`` sees it, with ``changes`` applied."""
    page = page.get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = _field_data(form)
    data.update({key: _scalar(value) for key, value in changes.items()})
    return data


def new_page_form_data(model, parent, user, **values) -> dict:
    """The create form's data for a new ``model`` page under ``parent``, with ``values``."""
    page = model(locale=parent.locale)
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=parent)
    data = _field_data(form)
    data.update({key: _scalar(value) for key, value in values.items()})
    return data
