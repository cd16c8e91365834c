"""Demo: install the default report template for every agency and build Shilin's 2015Q2
report in all five formats into var/reports/ (safe to run twice: an unchanged template is not
saved again; the files are rebuilt)."""

from django.conf import settings
from django.core.management import call_command

from .defaults import ProvidersMissing, install_default_templates

DEMO_REPORT_DIR = settings.VAR_DIR / "reports"


def load(*, stdout) -> None:
    try:
        results = install_default_templates()
    except ProvidersMissing as error:
        stdout.write(f"reports: 略過預設範本與示範報告 — {error}")
        return
    broken = [r for r in results if r.errors]
    if broken:
        stdout.write(f"reports: 預設範本在 {len(broken)} 個機關未通過檢查，例如 "
                     f"{broken[0].agency.short_name}：{broken[0].errors[0]}")
        return
    call_command("build_report", agency="sly", period="2015Q2", format="all",
                 output=str(DEMO_REPORT_DIR), stdout=stdout, stderr=stdout)
    stdout.write(f"reports: {len(results)} 個機關的預設範本；士林分署104年第2季報告（五種格式）在 "
                 f"{DEMO_REPORT_DIR}/")
