"""python manage.py build_report --agency sly --period 2015Q2 --format odt --output report.odt

--format json prints exactly registry.collect(scope) (other apps' tests read it). Any other
format is built from the agency's report template (--template, default `default`) and recorded
as a build; several formats (`odt,pdf` or `all`) need --output to be a directory.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servq.core.models import Agency
from servq.core.periods import Period
from servq.reports.jobs import claim, worker_name
from servq.reports.jsonfigures import figures_to_json
from servq.reports.models import ReportTemplate
from servq.reports.registry import ReportScope, collect
from servq.reports.renderers import FORMAT_ORDER
from servq.reports.selectors import build_file_name
from servq.reports.services import BuildRefused, build_request, build_run

FORMATS = FORMAT_ORDER
TEXT_FORMATS = {"json", "html"}  # UTF-8 text; the others are binary (zip, PDF)


def parse_formats(text: str) -> list[str]:
    formats = FORMAT_ORDER if text == "all" else [part.strip() for part in text.split(",") if part.strip()]
    unknown = [f for f in formats if f not in FORMAT_ORDER]
    if unknown or not formats:
        raise CommandError(f"不支援的格式 {'、'.join(unknown) or text!r}；可用：{', '.join(FORMAT_ORDER)} 或 all")
    return formats


class Command(BaseCommand):
    help = "產生成果報告（odt、docx、pdf、html 或 json；json 為全部數據）"

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="機關代碼，例如 sly")
        parser.add_argument("--period", required=True, help="期間，例如 2015Q2")
        parser.add_argument("--format", default="json",
                            help=f"{'|'.join(FORMAT_ORDER)}，可用逗號列出數種，或 all")
        parser.add_argument("--output", default="-",
                            help="輸出檔案路徑；- 為標準輸出；數種格式時為資料夾")
        parser.add_argument("--consolidated", action="store_true",
                            help="合併所屬各分署（署本部彙整報告）")
        parser.add_argument("--template", default="default", help="報告範本代碼（預設 default）")

    def handle(self, *args, agency, period, format, output, consolidated, template, **options):
        formats = parse_formats(format)
        try:
            agency_obj = Agency.objects.get(code=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"找不到機關代碼 {agency!r}") from None
        try:
            period_obj = Period.parse(period)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if formats == ["json"]:
            scope = ReportScope.for_agency(agency_obj, period_obj, consolidated=consolidated)
            self.write(figures_to_json(collect(scope)).encode("utf-8") + b"\n", output)
            return
        self.build(agency_obj, period_obj, formats, output, consolidated, template)

    def build(self, agency, period, formats, output, consolidated, template_code):
        if len(formats) > 1 and output == "-":
            raise CommandError("數種格式須以 --output 指定資料夾")
        report_template = ReportTemplate.objects.filter(agency=agency, code=template_code).first()
        version = report_template.current_version() if report_template else None
        if version is None:
            raise CommandError(
                f"{agency.short_name}沒有報告範本「{template_code}」；請先執行 "
                "python manage.py install_report_templates")
        try:
            build = build_request(agency=agency, period=period, template_version=version,
                                  formats=formats, consolidated=consolidated)
        except BuildRefused as error:
            raise CommandError(str(error)) from None
        if not claim(build.pk, worker_name("command")):
            raise CommandError(f"報告 #{build.pk} 已由其他程序處理")
        build = build_run(build=build)
        if build.status != build.Status.DONE:
            raise CommandError(f"報告產生失敗：\n{build.log}\n{build.error}")
        for check in build.checks:
            self.stderr.write(f"警示：{check['message']}")
        files = {f.format: bytes(f.content) for f in build.files.all()}
        if len(formats) == 1:
            self.write(files[formats[0]], output, text=formats[0] in TEXT_FORMATS)
            return
        directory = Path(output)
        directory.mkdir(parents=True, exist_ok=True)
        for fmt in formats:
            self.write(files[fmt], str(directory / build_file_name(build, fmt)))

    def write(self, content: bytes, output: str, *, text: bool = True):
        if output == "-":
            self.write_stdout(content, text=text)
            return
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.stderr.write(f"已寫入 {output}")

    def write_stdout(self, content: bytes, *, text: bool):
        """The bytes as they are to the stream's binary buffer (sys.stdout's, or a TextIOWrapper's
        a caller passed); a stream without one (StringIO) takes only the UTF-8 text formats, since
        decoding an ODT, DOCX or PDF would corrupt it."""
        buffer = getattr(self.stdout, "buffer", None)  # OutputWrapper passes to its stream
        if buffer is not None:
            self.stdout.flush()
            buffer.write(content)
            buffer.flush()
        elif text:
            self.stdout.write(content.decode("utf-8"), ending="")
        else:
            raise CommandError("此格式為二進位檔，標準輸出無法寫入位元組；請以 --output 指定檔案")
