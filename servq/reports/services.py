"""Writes of the reports app: template versions, build requests, running and issuing builds."""

import hashlib
import json
import traceback

from django.db import transaction
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.models import Agency
from servq.core.periods import Period

from .compose import compose, validate
from .figureset import FigureSet, collect_figures
from .jsonfigures import figures_to_json
from .language import TemplateInvalid, parse_template
from .models import Immutable, ReportBuild, ReportFile, ReportTemplate, TemplateVersion
from .registry import ReportScope
from .renderers import FORMAT_ORDER, render


class BuildRefused(ValueError):
    pass


def normalise_source(source: str) -> str:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"


def reference_figures(agency: Agency, period: Period) -> FigureSet:
    """The real figure tree a template is validated against (providers give the same keys
    with or without data; dynamic keys such as question codes come from the data model)."""
    return collect_figures(ReportScope.for_agency(agency, period), branches=False)


def template_problems(source: str, agency: Agency, period: Period) -> list:
    """Every error of a template's text for this agency, [] when it may be saved."""
    try:
        tree = parse_template(source)
    except TemplateInvalid as invalid:
        return invalid.errors
    return validate(tree, reference_figures(agency, period))


@transaction.atomic
def template_version_save(*, template: ReportTemplate, source: str, reference_period: Period,
                          actor=None, note: str = "", request=None) -> TemplateVersion:
    """A new version of the template, if the text is valid and differs from the current one.
    Raises TemplateInvalid with every error (figure, format, position) otherwise."""
    source = normalise_source(source)
    problems = template_problems(source, template.agency, reference_period)
    if problems:
        raise TemplateInvalid(problems)
    # Lock the template so two editors saving at once get consecutive numbers.
    ReportTemplate.objects.select_for_update().filter(pk=template.pk).first()
    current = template.current_version()
    if current is not None and current.source == source:
        return current
    version = TemplateVersion.objects.create(
        template=template, number=(current.number + 1) if current else 1, source=source,
        note=note[:200], reference_period=reference_period.code, created_by=actor,
    )
    audit_record(action="report.template_saved", actor=actor, request=request,
                 agency=template.agency, target=version,
                 detail={"template": template.code, "version": version.number})
    return version


@transaction.atomic
def template_create(*, agency: Agency, code: str, name: str, source: str,
                    reference_period: Period, actor=None, note: str = "", request=None) -> ReportTemplate:
    template, _ = ReportTemplate.objects.get_or_create(agency=agency, code=code,
                                                        defaults={"name": name})
    template_version_save(template=template, source=source, reference_period=reference_period,
                          actor=actor, note=note or "建立範本", request=request)
    return template


@transaction.atomic
def build_request(*, agency: Agency, period: Period, template_version: TemplateVersion,
                  formats: list[str], consolidated: bool = False, actor=None,
                  request=None) -> ReportBuild:
    unknown = [f for f in formats if f not in FORMAT_ORDER]
    if unknown or not formats:
        raise BuildRefused(f"不支援的格式：{'、'.join(unknown) or '（未選擇）'}")
    if template_version.template.agency_id != agency.pk:
        raise BuildRefused("這個範本不屬於此機關。")
    if consolidated and not Agency.objects.filter(parent=agency).exists():
        raise BuildRefused(f"{agency.short_name}沒有所屬分署，不能產生彙整報告。")
    build = ReportBuild.objects.create(
        agency=agency, period_code=period.code, consolidated=consolidated,
        template_version=template_version,
        formats=[f for f in FORMAT_ORDER if f in formats], requested_by=actor,
    )
    audit_record(action="report.build_requested", actor=actor, request=request, agency=agency,
                 target=build, detail={"period": period.code, "formats": build.formats,
                                       "consolidated": consolidated})
    return build


def _stamp(message: str) -> str:
    return f"[{timezone.localtime():%H:%M:%S}] {message}\n"


class _Progress:
    """Progress of a running build, written at once (outside any transaction) so a page
    polling the build sees it move."""

    def __init__(self, build: ReportBuild):
        self.build = build
        self.lines: list[str] = []

    def __call__(self, percent: int, note: str, *, log: bool = True):
        if log:
            self.lines.append(_stamp(note))
        ReportBuild.objects.filter(pk=self.build.pk).update(
            progress=min(percent, 99), progress_note=note[:100], heartbeat_at=timezone.now(),
            log="".join(self.lines))


def build_run(*, build: ReportBuild) -> ReportBuild:
    """Compute the figures, compose the document, render every format and store it all.
    The build must have been claimed (status running) by the caller."""
    progress = _Progress(build)
    try:
        period = Period.parse(build.period_code)
        scope = ReportScope.for_agency(build.agency, period, consolidated=build.consolidated)
        progress(2, f"開始產生 {build.agency.name} {period.code}{'（彙整）' if build.consolidated else ''}"
                    f"，範本第 {build.template_version.number} 版")
        figures = collect_figures(
            scope, progress=lambda fraction, note: progress(2 + int(40 * fraction), note, log=False))
        progress(42, "數據計算完成，組成文件")
        tree = parse_template(build.template_version.source)
        document = compose(tree, figures)
        document.meta = {"agency": build.agency.code, "period": period.code,
                         "template_version": build.template_version.number}
        for check in document.checks:
            progress.lines.append(_stamp(f"警示：{check.message}"))
        files = {}
        for index, fmt in enumerate(build.formats):
            progress(50 + int(45 * index / len(build.formats)), f"輸出 {fmt.upper()}")
            files[fmt] = render(fmt, document, figures.current)
        progress.lines.append(_stamp("完成"))
        with transaction.atomic():
            ReportFile.objects.bulk_create([
                ReportFile(build=build, format=fmt, content=content, size=len(content),
                           sha256=hashlib.sha256(content).hexdigest())
                for fmt, content in files.items()
            ])
            ReportBuild.objects.filter(pk=build.pk).update(
                status=ReportBuild.Status.DONE, progress=100, progress_note="完成",
                figures=figures_to_json(figures.as_json_ready()), checks=[c.as_dict() for c in document.checks],
                title=document.cover.title[:200], finished_at=timezone.now(),
                heartbeat_at=timezone.now(), log="".join(progress.lines))
    except Exception as error:  # a failed build says why, whatever went wrong
        progress.lines.append(_stamp(f"失敗：{error}"))
        ReportBuild.objects.filter(pk=build.pk).update(
            status=ReportBuild.Status.FAILED, finished_at=timezone.now(),
            progress_note="失敗", error=traceback.format_exc()[-4000:], log="".join(progress.lines))
    build.refresh_from_db()
    return build


@transaction.atomic
def build_issue(*, build: ReportBuild, actor, acknowledged_checks: bool = False,
                request=None) -> ReportBuild:
    """Issue (發布) a finished build. From then on it never changes. Warnings must have been
    acknowledged by the one who issues."""
    build = ReportBuild.objects.select_for_update().get(pk=build.pk)
    if build.is_issued:
        raise Immutable("這份報告已經發布，不能再次發布或修改。")
    if build.status != ReportBuild.Status.DONE:
        raise BuildRefused("報告尚未產生完成，不能發布。")
    if build.checks and not acknowledged_checks:
        raise BuildRefused(f"這份報告有 {len(build.checks)} 項檢查警示，請先確認後再發布。")
    build.issued_at = timezone.now()
    build.issued_by = actor
    build.save(update_fields=["issued_at", "issued_by"])
    audit_record(action="report.issued", actor=actor, request=request, agency=build.agency,
                 target=build, detail={"period": build.period_code, "checks": len(build.checks)})
    return build


def build_reproduce(*, build: ReportBuild, fmt: str) -> bytes:
    """Render a build again from its stored figures and template version (no new query of the
    records): what an issued report said, byte for byte in content."""
    figures = FigureSet.from_stored(json.loads(build.figures))
    document = compose(parse_template(build.template_version.source), figures)
    return render(fmt, document, figures.current)
