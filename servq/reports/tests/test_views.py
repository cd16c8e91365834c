"""The staff pages: who may see, build, edit and issue; a build from the form to the download;
the template editor with its preview (with and without JavaScript)."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from servq.reports.jobs import run_pending
from servq.reports.models import ReportBuild
from servq.reports.tests.documents import odt_text


def visible(html: str) -> str:
    return unescape(strip_tags(html))


def url(name, **kwargs):
    kwargs.setdefault("agency", "sly")
    return reverse(f"reports:{name}", kwargs=kwargs)


@pytest.mark.parametrize("who, status", [
    ("secretariat", 200), ("director", 200), ("statistics", 200), ("hq_auditor", 200),
    ("clerk", 403), ("front_desk", 403), ("outsider", 404), ("no_role", 404),
])
def test_it_shows_the_reports_page_only_to_roles_with_report_view(cast, client_for, office_template,
                                                                  who, status):
    assert client_for(getattr(cast, who)).get(url("home")).status_code == status


def test_it_sends_an_anonymous_visitor_to_log_in(client, agencies):
    response = client.get(url("home"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def token(client, page) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(page).content.decode()).group(1)


def test_it_builds_from_the_form_to_the_download(cast, office_template):
    client = csrf_client(cast.secretariat)
    form = {"period": "2015Q2", "template": office_template.pk, "formats": ["odt", "html"]}
    assert client.post(url("build-start"), form).status_code == 403  # no CSRF token
    response = client.post(url("build-start"), form | {"csrfmiddlewaretoken": token(client, url("home"))})
    build = ReportBuild.objects.get()
    assert response["Location"] == url("build-detail", pk=build.pk)
    assert client.get(url("build-status", pk=build.pk)).json()["status"] == "queued"
    assert run_pending(worker="test") == 1
    status = client.get(url("build-status", pk=build.pk)).json()
    assert (status["status"], status["progress"], status["finished"]) == ("done", 100, True)
    page = client.get(url("build-detail", pk=build.pk)).content.decode()
    assert url("build-download", pk=build.pk, fmt="odt") in page and "發布前檢查" in page
    download = client.get(url("build-download", pk=build.pk, fmt="odt"))
    assert download["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert "attachment" in download["Content-Disposition"]
    assert "本分署現有 15 股" in odt_text(download.content)
    view = client.get(url("build-view", pk=build.pk)).content.decode()
    assert '<article class="report-document">' in view and "本分署現有 15 股" in visible(view)
    assert client.get(url("build-download", pk=build.pk, fmt="pdf")).status_code == 404


def test_it_refuses_to_build_for_a_role_that_may_only_read(cast, client_for, office_template):
    response = client_for(cast.statistics).post(url("build-start"), {
        "period": "2015Q2", "template": office_template.pk, "formats": ["odt"]})
    assert response.status_code == 403 and not ReportBuild.objects.exists()


def test_it_names_a_bad_period_in_the_build_form(cast, client_for, office_template):
    response = client_for(cast.secretariat).post(url("build-start"), {
        "period": "2015Q7", "template": office_template.pk, "formats": ["odt"]})
    assert response.status_code == 400 and "2015Q7" in response.content.decode()


def test_it_issues_only_for_report_issue_and_only_once(cast, client_for, office_template):
    client = client_for(cast.secretariat)
    client.post(url("build-start"), {"period": "2015Q2", "template": office_template.pk,
                                     "formats": ["json"]})
    run_pending(worker="test")
    build = ReportBuild.objects.get()
    assert client_for(cast.statistics).post(url("build-issue", pk=build.pk)).status_code == 403
    client = client_for(cast.director)
    client.post(url("build-issue", pk=build.pk))  # warnings not acknowledged
    assert ReportBuild.objects.get().issued_at is None
    client.post(url("build-issue", pk=build.pk), {"acknowledge": "on"})
    assert ReportBuild.objects.get().issued_at is not None
    page = client.get(url("build-detail", pk=build.pk)).content.decode()
    assert "已發布的報告不能修改" in page and url("build-issue", pk=build.pk) not in page


def test_it_keeps_other_branches_builds_out_of_reach(cast, client_for, office_template):
    client_for(cast.secretariat).post(url("build-start"), {
        "period": "2015Q2", "template": office_template.pk, "formats": ["json"]})
    build = ReportBuild.objects.get()
    outsider = client_for(cast.outsider)
    assert outsider.get(url("build-detail", pk=build.pk)).status_code == 404
    assert outsider.get(url("build-download", pk=build.pk, fmt="json")).status_code == 404
    # Taipei's own URL with Shilin's build number finds nothing either.
    assert outsider.get(url("build-detail", agency="tpy", pk=build.pk)).status_code == 404


@pytest.mark.parametrize("who, status", [("secretariat", 200), ("director", 403),
                                         ("hq_auditor", 403), ("outsider", 404)])
def test_it_lets_only_template_editors_open_the_editor(cast, client_for, office_template, who, status):
    page = url("template-edit", code="default")
    assert client_for(getattr(cast, who)).get(page).status_code == status


def test_it_previews_without_javascript_as_a_form_post(cast, client_for, office_template,
                                                       office_template_source):
    response = client_for(cast.secretariat).post(url("template-edit", code="default"), {
        "source": office_template_source.replace("機關概況", "機關概況與人力"),
        "period": "2015Q2", "action": "preview"})
    page = response.content.decode()
    assert response.status_code == 200 and "壹、</span>機關概況與人力" in page
    assert "發布前檢查" in page and office_template.versions.count() == 1


def test_it_shows_save_errors_with_their_positions_and_saves_nothing(
        cast, client_for, office_template, office_template_source):
    source = office_template_source.replace("{{ org.staff|thousands }}", "{{ org.staf|thousands }}")
    response = client_for(cast.secretariat).post(url("template-edit", code="default"), {
        "source": source, "period": "2015Q2", "action": "save"})
    page = response.content.decode()
    line = next(n for n, text in enumerate(source.split("\n"), 1) if "org.staf|" in text)
    assert f"第 {line} 行" in page and "org.staf" in page and "一、組織與人力" in page
    assert office_template.versions.count() == 1


def test_it_saves_an_edit_as_a_new_version_and_shows_the_difference(
        cast, client_for, office_template, office_template_source):
    client = client_for(cast.secretariat)
    response = client.post(url("template-edit", code="default"), {
        "source": office_template_source.replace("機關概況", "機關組織概況"), "period": "2015Q2",
        "note": "標題", "action": "save"})
    assert response.status_code == 302 and office_template.versions.count() == 2
    page = client.get(url("template-versions", code="default") + "?v=2").content.decode()
    assert "-# 機關概況" in page and "+# 機關組織概況" in page


def test_it_answers_the_live_preview_with_errors_or_the_document(cast, client_for, office_template,
                                                                 office_template_source):
    client = client_for(cast.secretariat)
    preview = url("template-preview", code="default")
    good = client.post(preview, {"source": office_template_source, "period": "2015Q2"}).json()
    assert good["errors"] == [] and "本分署現有 15 股" in visible(good["html"])
    assert {c["kind"] for c in good["checks"]} >= {"no_data"}
    bad = client.post(preview, {"source": "# 甲\n{{ org.nothing }}\n", "period": "2015Q2"}).json()
    [error] = bad["errors"]
    assert (error["section"], error["line"], error["column"]) == ("壹、甲", 2, 1)
    assert client_for(cast.director).post(preview, {"source": "# 甲", "period": "2015Q2"}).status_code == 403
