"""Figures as JSON: Decimals become numbers (61.5), dates ISO strings."""

import json
from datetime import date
from decimal import Decimal


class FigureEncoder(json.JSONEncoder):
    def default(self, value):
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
        if isinstance(value, date):
            return value.isoformat()
        return super().default(value)


def figures_to_json(figures: dict) -> str:
    return json.dumps(figures, cls=FigureEncoder, ensure_ascii=False, indent=2)
