"""Builds: requested, claimed by exactly one worker, run, stored, issued and then immutable;
the command line; a record changed shows in a rebuilt report, never in an issued one."""

import json
import threading
from datetime import timedelta
from io import BytesIO, StringIO, TextIOWrapper

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from servq.core.models import AuditEvent, Unit
from servq.reports.jobs import claim, claim_next, run_pending
from servq.reports.jsonfigures import figures_to_json
from servq.reports.models import Immutable, ReportBuild, ReportFile
from servq.reports.registry import ReportScope, collect
from servq.reports.services import (BuildRefused, build_issue, build_reproduce, build_request,
                                    build_run)
from servq.reports.tests.conftest import Q2
from servq.reports.tests.documents import odt_text


def request_build(template, agency, formats=("odt", "json")):
    return build_request(agency=agency, period=Q2, template_version=template.current_version(),
                         formats=list(formats))


def run(build):
    assert claim(build.pk, "test-worker")
    return build_run(build=build)


def test_it_stores_the_figures_files_template_version_and_times(office_template, agencies):
    build = run(request_build(office_template, agencies["sly"], ["html", "odt", "json"]))
    assert build.status == ReportBuild.Status.DONE and build.progress == 100
    assert build.formats == ["odt", "html", "json"]  # in the standard order
    assert build.template_version == office_template.current_version()
    assert build.started_at <= build.finished_at
    figures = json.loads(build.figures)
    assert figures["current"]["org"]["sections"] == 15
    assert figures["previous"]["period"]["code"] == "2015Q1"
    assert sorted(build.files.values_list("format", flat=True)) == ["html", "json", "odt"]
    assert "警示：" in build.log and "完成" in build.log  # the checks are in the build log
    assert {c["kind"] for c in build.checks} >= {"no_data", "ytd_below_quarter"}


def test_it_shows_a_changed_record_in_a_rebuilt_report_but_not_in_the_issued_one(
        office_template, agencies, cast):
    first = run(request_build(office_template, agencies["sly"]))
    build_issue(build=first, actor=cast.director, acknowledged_checks=True)
    Unit.objects.filter(agency=agencies["sly"], code__in=["sec-yin", "sec-mao", "sec-chen"]) \
        .update(is_active=False)
    second = run(request_build(office_template, agencies["sly"]))
    assert "本分署現有 15 股" in odt_text(bytes(first.files.get(format="odt").content))
    assert "本分署現有 12 股" in odt_text(bytes(second.files.get(format="odt").content))
    # The issued build is reproduced from its own figures, whatever the records say now.
    assert "本分署現有 15 股" in odt_text(build_reproduce(build=first, fmt="odt"))
    assert build_reproduce(build=first, fmt="json") == bytes(first.files.get(format="json").content)


def test_it_lets_one_worker_claim_a_build(office_template, agencies):
    build = request_build(office_template, agencies["sly"])
    assert claim(build.pk, "worker-a") is True
    assert claim(build.pk, "worker-b") is False
    assert claim_next("worker-b") is None
    assert ReportBuild.objects.get(pk=build.pk).claimed_by == "worker-a"


def test_it_reclaims_a_build_whose_worker_went_silent(office_template, agencies):
    build = request_build(office_template, agencies["sly"])
    claim(build.pk, "worker-a")
    ReportBuild.objects.filter(pk=build.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=11))
    taken = claim_next("worker-b")
    assert (taken.pk, taken.claimed_by, taken.attempts) == (build.pk, "worker-b", 2)


@pytest.mark.django_db(transaction=True)
def test_it_never_gives_one_build_to_two_concurrent_workers(office_template, agencies):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent claims are exercised on PostgreSQL (SQLite serialises writers)")
    builds = [request_build(office_template, agencies["sly"]).pk for _ in range(6)]
    claimed: dict[str, list[int]] = {}
    barrier = threading.Barrier(4)

    def worker(name):
        barrier.wait()
        mine = claimed.setdefault(name, [])
        while (build := claim_next(name)) is not None:
            mine.append(build.pk)
        connection.close()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [pk for pks in claimed.values() for pk in pks]
    assert sorted(everything) == sorted(builds)  # each build exactly once


def test_it_keeps_an_issued_build_immutable_in_service_and_model(office_template, agencies, cast):
    build = run(request_build(office_template, agencies["sly"]))
    with pytest.raises(BuildRefused, match="檢查警示"):
        build_issue(build=build, actor=cast.director)
    build = build_issue(build=build, actor=cast.director, acknowledged_checks=True)
    assert AuditEvent.objects.filter(action="report.issued", target_id=str(build.pk)).exists()
    with pytest.raises(Immutable):
        build_issue(build=build, actor=cast.director, acknowledged_checks=True)
    build.progress_note = "changed"
    with pytest.raises(Immutable):
        build.save()
    with pytest.raises(Immutable):
        ReportBuild.objects.filter(pk=build.pk).update(title="changed")
    with pytest.raises(Immutable):
        ReportBuild.objects.filter(pk=build.pk).delete()
    with pytest.raises(Immutable):
        build.delete()
    report_file = build.files.get(format="odt")
    report_file.content = b"forged"
    with pytest.raises(Immutable):
        report_file.save()
    with pytest.raises(Immutable):
        ReportFile.objects.filter(build=build).update(content=b"forged")
    with pytest.raises(Immutable):
        ReportFile.objects.filter(build=build).delete()
    assert bytes(ReportFile.objects.get(pk=report_file.pk).content).startswith(b"PK")


def test_it_refuses_to_issue_an_unfinished_build(office_template, agencies, cast):
    build = request_build(office_template, agencies["sly"])
    with pytest.raises(BuildRefused, match="尚未產生完成"):
        build_issue(build=build, actor=cast.director, acknowledged_checks=True)


def test_it_refuses_a_consolidated_build_for_a_branch(office_template, agencies):
    with pytest.raises(BuildRefused, match="沒有所屬分署"):
        build_request(agency=agencies["sly"], period=Q2, consolidated=True, formats=["json"],
                      template_version=office_template.current_version())


def test_it_records_a_failed_build_with_its_reason(office_template, agencies):
    build = request_build(office_template, agencies["sly"])
    ReportBuild.objects.filter(pk=build.pk).update(period_code="2015Q9")
    build.refresh_from_db()
    build = run(build)
    assert build.status == ReportBuild.Status.FAILED
    assert "2015Q9" in build.log and "Traceback" in build.error


def test_the_worker_command_runs_what_is_queued(office_template, agencies):
    builds = [request_build(office_template, agencies["sly"]) for _ in range(2)]
    out = StringIO()
    call_command("run_report_jobs", "--once", stdout=out)
    assert "完成 2 件" in out.getvalue()
    assert set(ReportBuild.objects.filter(pk__in=[b.pk for b in builds])
               .values_list("status", flat=True)) == {"done"}
    assert run_pending(worker="again") == 0


def test_the_command_prints_exactly_the_collected_figures_as_json(office_template, agencies):
    out = StringIO()
    call_command("build_report", agency="sly", period="2015Q2", format="json", output="-", stdout=out)
    expected = figures_to_json(collect(ReportScope.for_agency(agencies["sly"], Q2))) + "\n"
    assert out.getvalue() == expected
    assert not ReportBuild.objects.exists()  # the figures alone are no build


def test_the_command_builds_one_format_to_a_file_and_all_formats_to_a_folder(
        office_template, agencies, tmp_path):
    call_command("build_report", agency="sly", period="2015Q2", format="odt",
                 output=str(tmp_path / "report.odt"), stdout=StringIO(), stderr=StringIO())
    assert "本分署現有 15 股" in odt_text((tmp_path / "report.odt").read_bytes())
    call_command("build_report", agency="sly", period="2015Q2", format="all",
                 output=str(tmp_path / "all"), stdout=StringIO(), stderr=StringIO())
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert names == sorted(f"士林分署_民國104年第2季_104年度提升服務品質執行成果報告.{ext}"
                           for ext in ["odt", "docx", "pdf", "html", "json"])
    [json_file] = (tmp_path / "all").glob("*.json")
    assert json.loads(json_file.read_text())["agency"]["code"] == "sly"
    assert ReportBuild.objects.filter(status="done").count() == 2


def test_it_writes_a_binary_format_to_stdout_as_its_exact_bytes(office_template, agencies):
    out = TextIOWrapper(BytesIO(), encoding="utf-8")  # like sys.stdout: text over a byte buffer
    call_command("build_report", agency="sly", period="2015Q2", format="pdf", output="-",
                 stdout=out, stderr=StringIO())
    pdf = bytes(ReportFile.objects.get(format="pdf").content)
    assert pdf.startswith(b"%PDF") and out.buffer.getvalue() == pdf  # never decoded as text
    with pytest.raises(CommandError, match="--output"):  # a stream of text only: no corrupt file
        call_command("build_report", agency="sly", period="2015Q2", format="odt", output="-",
                     stdout=StringIO(), stderr=StringIO())


def test_the_command_says_how_to_install_a_missing_template(agencies, tmp_path):
    with pytest.raises(CommandError, match="install_report_templates"):
        call_command("build_report", agency="sly", period="2015Q2", format="odt",
                     output=str(tmp_path / "x.odt"), stdout=StringIO())
