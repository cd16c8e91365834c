"""The figure registry: each app's figures.py registers one provider per namespace.

A provider is a function of a ReportScope returning a JSON-ready dict (Decimals allowed).
The report's figures are {"agency": ..., "period": ..., "<namespace>": provider(scope), ...};
a placeholder such as `survey.questions.env_a.percent.5` is a path into that tree.
A consolidated (HQ) report calls the same providers with every agency below the HQ in scope.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from servq.core.models import Agency
from servq.core.periods import Period


@dataclass(frozen=True)
class ReportScope:
    agency: Agency
    period: Period
    agency_ids: tuple[int, ...] = field(default=())

    @classmethod
    def for_agency(cls, agency: Agency, period: Period, *, consolidated: bool = False):
        ids = Agency.objects.subtree_ids(agency) if consolidated else [agency.pk]
        return cls(agency=agency, period=period, agency_ids=tuple(ids))

    @property
    def consolidated(self) -> bool:
        return len(self.agency_ids) > 1

    @property
    def year_to_date(self) -> Period:
        return self.period.year_to_date()


Provider = Callable[[ReportScope], dict]
_providers: dict[str, Provider] = {}
RESERVED = {"agency", "period"}


def provider(namespace: str):
    """Decorator: @provider("survey") def survey_figures(scope) -> dict."""
    if namespace in RESERVED:
        raise ValueError(f"{namespace!r} is reserved")

    def register(function: Provider) -> Provider:
        if namespace in _providers and _providers[namespace] is not function:
            raise ValueError(f"figure namespace {namespace!r} registered twice")
        _providers[namespace] = function
        return function

    return register


@contextmanager
def registered(namespace: str, function: Provider):
    """Register a provider only for the duration of a block (a test's own provider)."""
    provider(namespace)(function)
    try:
        yield function
    finally:
        _providers.pop(namespace, None)


def namespaces() -> list[str]:
    return sorted(_providers)


def collect(scope: ReportScope) -> dict:
    figures = {
        "agency": scope.agency.as_dict() | {"consolidated": scope.consolidated},
        "period": scope.period.as_dict() | {
            "year_to_date": scope.year_to_date.as_dict(),
            "previous": scope.period.previous().as_dict(),
        },
    }
    for namespace in namespaces():
        figures[namespace] = _providers[namespace](scope)
    return figures
