"""The default report template (data/default_template.txt), installed for every agency by a
loader rather than a data migration: it can only be validated against the live figure tree of
the providers (survey, petitions, media, ledgers), which a migration cannot compute, and its
text evolves with the providers. Installing again saves a new version only if the text changed.

    python manage.py install_report_templates [--agency sly] [--period 2015Q2] [--check]
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from servq.core.models import Agency
from servq.core.periods import Period

from . import registry
from .language import TemplateInvalid
from .models import ReportTemplate
from .services import normalise_source, template_problems, template_version_save

DEFAULT_TEMPLATE = Path(__file__).parent / "data" / "default_template.txt"
DEFAULT_CODE = "default"
DEFAULT_NAME = "提升服務品質執行成果報告"
REFERENCE_PERIOD = "2015Q2"
# The default template follows the seed report: it needs every one of these figure providers.
REQUIRED_NAMESPACES = ("survey", "petitions", "media", "ledgers")


class ProvidersMissing(RuntimeError):
    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(
            "預設範本需要的數據提供者尚未安裝：" + "、".join(missing)
            + "（問卷、陳情、業務紀錄各應用程式合併後再執行 install_report_templates）")


@dataclass
class Installed:
    agency: Agency
    version_number: int | None = None
    created: bool = False
    errors: list = field(default_factory=list)


def default_source() -> str:
    return DEFAULT_TEMPLATE.read_text(encoding="utf-8")


def missing_providers() -> list[str]:
    return [name for name in REQUIRED_NAMESPACES if name not in registry.namespaces()]


def install_default_templates(*, agencies=None, reference_period: str = REFERENCE_PERIOD,
                              check_only: bool = False, source: str | None = None) -> list[Installed]:
    missing = missing_providers()
    if missing:
        raise ProvidersMissing(missing)
    period = Period.parse(reference_period)
    source = normalise_source(source if source is not None else default_source())
    results = []
    for agency in agencies if agencies is not None else Agency.objects.order_by("sort_order", "code"):
        if check_only:
            results.append(Installed(agency, errors=template_problems(source, agency, period)))
            continue
        try:
            with transaction.atomic():
                template, _ = ReportTemplate.objects.get_or_create(
                    agency=agency, code=DEFAULT_CODE, defaults={"name": DEFAULT_NAME})
                before = template.current_version()
                version = template_version_save(template=template, source=source,
                                                 reference_period=period, note="安裝預設範本")
        except TemplateInvalid as invalid:
            results.append(Installed(agency, errors=invalid.errors))
            continue
        results.append(Installed(agency, version.number, created=before is None or before.pk != version.pk))
    return results
