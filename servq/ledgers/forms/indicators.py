"""The month × category grid of an indicator, and a running total's baseline."""

from datetime import date

from django import forms

from servq.core.periods import month_end

from ..models import Indicator, IndicatorCategory
from .fields import RocDateField

MAX_VALUE = 10**12


class IndicatorGridForm(forms.Form):
    """One optional whole-number field per month and category; a blank cell has no value."""

    def __init__(self, *args, indicator: Indicator, year: int,
                 categories: list[IndicatorCategory], values: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator, self.year = indicator, year
        self.columns = categories or [None]
        self.cells: list[tuple[date, IndicatorCategory | None, str]] = []
        for number in range(1, 13):
            month = date(year, number, 1)
            for category in self.columns:
                key = category.pk if category else None
                name = f"m{number:02d}_{key or 0}"
                label = f"{number}月" + (f"・{category.name}" if category else "")
                self.fields[name] = forms.IntegerField(
                    label=label, required=False, min_value=0, max_value=MAX_VALUE,
                    initial=values.get((month, key)),
                    widget=forms.NumberInput(attrs={"class": "cell", "inputmode": "numeric"}))
                self.cells.append((month, category, name))

    def rows(self) -> list[dict]:
        """For the template: each month with its bound fields in column order."""
        width = len(self.columns)
        rows = []
        for index in range(12):
            cells = self.cells[index * width:(index + 1) * width]
            rows.append({"month": cells[0][0], "fields": [self[name] for _, _, name in cells]})
        return rows

    def values(self) -> dict[tuple[date, int | None], int | None]:
        return {(month, category.pk if category else None): self.cleaned_data.get(name)
                for month, category, name in self.cells}


class IndicatorBaselineForm(forms.Form):
    counted_since = RocDateField(label="起算日")
    through = RocDateField(label="累計至（月底）")
    value = forms.IntegerField(label="累計數", min_value=0, max_value=MAX_VALUE)

    def clean_through(self):
        through = self.cleaned_data["through"]
        if through != month_end(through.year, through.month):
            raise forms.ValidationError("累計至的日期必須是月底，例如 103/12/31。")
        return through

    def clean(self):
        data = super().clean()
        if data.get("counted_since") and data.get("through") and \
                data["counted_since"] > data["through"]:
            raise forms.ValidationError("起算日不能晚於累計至的日期。")
        return data
