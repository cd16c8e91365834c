"""Saving and deleting the simple ledger records (the fields of a form, nothing more)."""

from django.db import models, transaction

from servq.core.audit import audit_record
from servq.core.models import Agency


def assign_fields(instance: models.Model, data: dict) -> dict:
    """Set plain fields on the instance; return the many-to-many values to set after saving."""
    many = {}
    for name, value in data.items():
        if instance._meta.get_field(name).many_to_many:
            many[name] = value
        else:
            setattr(instance, name, value)
    return many


def audit_change(verb: str, *, instance, agency, actor, request):
    audit_record(action=f"ledgers.{instance._meta.model_name}.{verb}", request=request,
                 actor=actor, agency=agency, target=instance)


@transaction.atomic
def record_save(*, agency: Agency, instance: models.Model, data: dict, actor=None,
                request=None) -> models.Model:
    """Create or update a record of `agency` from validated form data."""
    many = assign_fields(instance, data)
    if hasattr(instance, "agency_id"):
        instance.agency = agency
    created = instance._state.adding
    instance.save()
    for name, values in many.items():
        getattr(instance, name).set(values)
    audit_change("create" if created else "update", instance=instance, agency=agency, actor=actor,
           request=request)
    return instance


@transaction.atomic
def record_delete(*, agency: Agency, instance: models.Model, actor=None, request=None) -> None:
    audit_change("delete", instance=instance, agency=agency, actor=actor, request=request)
    instance.delete()
