"""The pattern every ledger form follows: it knows its agency (to offer only that agency's
staff, facilities, ...) and hands validated values to its service."""

from django import forms
from django.db import models

from .fields import RocDateField


def _form_field(field: models.Field, **kwargs):
    """Dates in the ROC calendar; web addresses typed without a scheme are https."""
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return RocDateField(required=not field.blank, label=field.verbose_name,
                            help_text=field.help_text)
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class LedgerForm(forms.ModelForm):
    class Meta:
        formfield_callback = _form_field  # forms inherit it with `class Meta(LedgerForm.Meta)`

    def __init__(self, *args, agency, **kwargs):
        self.agency = agency
        super().__init__(*args, **kwargs)
        self.limit_choices(agency)

    def limit_choices(self, agency) -> None:
        """Restrict foreign-key choices to the agency's own records (override)."""

    def service_kwargs(self) -> dict:
        """Keyword arguments for the ledger's save service."""
        return {"data": {name: self.cleaned_data[name] for name in self._meta.fields
                         if name in self.cleaned_data}}
