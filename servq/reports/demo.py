"""Demo: install the default report template for every agency and build Shilin's 2015Q2
report in all five formats into var/reports/ (safe to run twice: an unchanged template is not
saved again; the files are rebuilt). load_demo runs this after every other app's demo.

The folder is settings.REPORT_DEMO_DIR (default var/reports/; none while testing, so the
test suite's many demo loads do not spend seconds on documents or overwrite the demo's files:
the tests that want the files set the setting to a temporary folder)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from .defaults import ProvidersMissing, install_default_templates

DEMO_AGENCY, DEMO_PERIOD = "sly", "2015Q2"


def demo_report_dir() -> Path | None:
    default = None if getattr(settings, "TESTING", False) else settings.VAR_DIR / "reports"
    folder = getattr(settings, "REPORT_DEMO_DIR", default)
    return Path(folder) if folder else None


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
    folder = demo_report_dir()
    if folder is None:
        stdout.write(f"reports: {len(results)} 個機關的預設範本（未設定 REPORT_DEMO_DIR，不建置示範報告）")
        return
    call_command("build_report", agency=DEMO_AGENCY, period=DEMO_PERIOD, format="all",
                 output=str(folder), stdout=stdout, stderr=stdout)
    stdout.write(f"reports: {len(results)} 個機關的預設範本；士林分署104年第2季報告（ODT、DOCX、PDF、"
                 f"HTML、JSON）在 {folder}/")
