"""Form fields for the field's conventions: dates typed and shown in the ROC calendar."""

from datetime import date

from django import forms

from servq.core.roc_dates import parse_roc_date, roc_date_short


class RocDateInput(forms.TextInput):
    """Shows a date as 104/06/30."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "104/06/30", "inputmode": "numeric", "size": 10,
                          **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return roc_date_short(value)
        return super().format_value(value)


class RocDateField(forms.DateField):
    """Accepts 104/06/30 (民國) or 2015-06-30."""

    widget = RocDateInput

    def to_python(self, value):
        if isinstance(value, date) or value in self.empty_values:
            return super().to_python(value)
        text = str(value).strip()
        try:
            return parse_roc_date(text)
        except ValueError:
            pass
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise forms.ValidationError("請以民國日期填寫，例如 104/06/30。", code="invalid") from None
