"""The live preview of a template for a chosen period: errors with positions, or the composed
document as HTML with its check warnings. Read-only: nothing is saved."""

from dataclasses import dataclass, field

from servq.core.models import Agency
from servq.core.periods import Period

from .compose import compose, validate
from .figureset import collect_figures
from .language import TemplateInvalid, parse_template
from .registry import ReportScope
from .renderers.html import fragment_html


@dataclass
class Preview:
    errors: list = field(default_factory=list)  # TemplateError
    checks: list = field(default_factory=list)  # Check
    html: str = ""

    def as_dict(self) -> dict:
        return {"errors": [e.as_dict() for e in self.errors],
                "checks": [c.as_dict() for c in self.checks], "html": self.html}


def preview(*, agency: Agency, source: str, period: Period, consolidated: bool = False) -> Preview:
    try:
        tree = parse_template(source)
    except TemplateInvalid as invalid:
        return Preview(errors=invalid.errors)
    scope = ReportScope.for_agency(agency, period, consolidated=consolidated)
    figures = collect_figures(scope)
    errors = validate(tree, figures)
    if errors:
        return Preview(errors=errors)
    document = compose(tree, figures)
    return Preview(checks=document.checks, html=fragment_html(document))
