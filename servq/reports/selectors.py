"""Reads of the reports app."""

import re

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from servq.core.models import Agency
from servq.core.periods import Period
from servq.core.roc_dates import roc_period

from .models import ReportBuild, ReportFile, ReportTemplate

EXTENSIONS = {"odt": "odt", "docx": "docx", "pdf": "pdf", "html": "html", "json": "json"}


def templates_for_agency(agency: Agency) -> QuerySet:
    return (ReportTemplate.objects.filter(agency=agency)
            .annotate(latest=Max("versions__number")).order_by("code"))


def builds_for_agency(agency: Agency) -> QuerySet:
    return (ReportBuild.objects.filter(agency=agency)
            .select_related("template_version__template", "requested_by", "issued_by")
            .annotate(file_count=Count("files"))
            .defer("figures", "log", "error"))


def build_for_agency(agency: Agency, pk: int) -> ReportBuild:
    return (ReportBuild.objects.select_related("agency", "template_version__template",
                                               "requested_by", "issued_by")
            .defer("figures").get(agency=agency, pk=pk))


def build_files(build: ReportBuild) -> list[dict]:
    """Format, size and hash of each file, without loading the contents."""
    return list(ReportFile.objects.filter(build=build).values("format", "size", "sha256")
                .order_by("pk"))


def build_file(build: ReportBuild, fmt: str) -> ReportFile:
    return ReportFile.objects.get(build=build, format=fmt)


def build_file_name(build: ReportBuild, fmt: str) -> str:
    """士林分署_民國104年第2季_104年度提升服務品質執行成果報告.odt"""
    period = roc_period(Period.parse(build.period_code))
    title = re.sub(r"[\\/:*?\"<>|\s]+", "", build.title or "成果報告")
    kind = "彙整" if build.consolidated else ""
    return f"{build.agency.short_name}{kind}_{period}_{title}.{EXTENSIONS[fmt]}"


def default_period() -> Period:
    """The last finished quarter: what a secretariat usually reports on."""
    return Period.containing(timezone.localdate()).previous()


def suggested_period(agency: Agency) -> Period:
    """The period of the agency's latest build, or the last finished quarter."""
    latest = ReportBuild.objects.filter(agency=agency).order_by("-requested_at").values_list(
        "period_code", flat=True).first()
    return Period.parse(latest) if latest else default_period()
