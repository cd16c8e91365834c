import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from servq.core.models import AuditEvent
from servq.portal.form_files import form_odt
from servq.portal.models import DownloadForm, NewsItem
from servq.portal.search import search_documents

pytestmark = pytest.mark.django_db
LIST = "/staff/sly/portal/news/"


@pytest.mark.parametrize("who, status", [
    ("secretariat", 200), ("statistics", 200), ("ethics", 403), ("clerk", 403),
    ("director", 403), ("hq_auditor", 403), ("outsider", 404), ("no_role", 404),
    ("sysadmin", 404),
])
def test_it_lets_only_portal_editors_in(client_for, cast, who, status):
    client = client_for(getattr(cast, who))
    assert client.get(LIST).status_code == status
    posted = client.post("/staff/sly/portal/news/new/", {"title_zh": "x", "body_zh": "y",
                                                        "published_on": "2015-07-01"})
    assert posted.status_code == (302 if status == 200 else status)
    assert NewsItem.objects.exists() == (status == 200)


def test_it_sends_anonymous_visitors_to_the_login(client_for):
    response = client_for(None).get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_publishes_news_that_search_then_finds(client_for, cast, site):
    client = client_for(cast.secretariat)
    response = client.post("/staff/sly/portal/news/new/", {
        "title_zh": "颱風停班公告", "title_en": "Typhoon closure", "body_zh": "今日停止上班。",
        "body_en": "", "published_on": "2015-08-07"})
    assert response.status_code == 302
    item = NewsItem.objects.get(title_zh="颱風停班公告")
    hits = search_documents(q="颱風", language="zh-hant", agency=cast.sly).results
    assert [doc.title for doc in hits] == ["颱風停班公告"]
    assert AuditEvent.objects.filter(action="portal.newsitem.create",
                                     target_id=str(item.pk)).exists()
    client.post(f"/staff/sly/portal/news/{item.pk}/delete/")
    assert not NewsItem.objects.filter(pk=item.pk).exists()
    assert search_documents(q="颱風", language="zh-hant", agency=cast.sly).results == []


def test_it_refuses_another_agencys_item(client_for, cast, site):
    other = site["other_news"]
    client = client_for(cast.secretariat)
    assert client.get(f"/staff/sly/portal/news/{other.pk}/").status_code == 404


def test_it_names_what_is_wrong_in_a_bad_form(client_for, cast):
    page = client_for(cast.secretariat).post(
        "/staff/sly/portal/news/new/", {"title_zh": "", "published_on": "2015-13-01"})
    html = page.content.decode()
    assert page.status_code == 200 and 'role="alert"' in html
    assert "這個欄位是必須的" in html or "此欄位為必填" in html or "必填" in html
    assert not NewsItem.objects.exists()


def odt_upload(name="form.odt"):
    return SimpleUploadedFile(name, form_odt(agency_name="士林分署", form_name="委任狀"))


def test_it_takes_forms_only_as_real_odt_and_pdf(client_for, cast):
    client = client_for(cast.secretariat)
    data = {"name_zh": "委任狀", "offered_from": "2015-01-01", "sort_order": 1}
    fake_pdf = SimpleUploadedFile("form.pdf", b"not a pdf")
    response = client.post("/staff/sly/portal/forms/new/",
                           {**data, "odt_file": odt_upload(), "pdf_file": fake_pdf})
    assert "這不是 PDF 檔" in response.content.decode()
    fake_odt = SimpleUploadedFile("form.odt", b"PK\x03\x04 not really a zip")
    response = client.post("/staff/sly/portal/forms/new/", {
        **data, "odt_file": fake_odt, "pdf_file": SimpleUploadedFile("f.pdf", b"%PDF-1.4\n")})
    assert "這不是 ODT 文件" in response.content.decode()
    docx_like = io.BytesIO()
    with zipfile.ZipFile(docx_like, "w") as archive:
        archive.writestr("mimetype", "application/vnd.openxmlformats")
    response = client.post("/staff/sly/portal/forms/new/", {
        **data, "odt_file": SimpleUploadedFile("f.odt", docx_like.getvalue()),
        "pdf_file": SimpleUploadedFile("f.pdf", b"%PDF-1.4\n")})
    assert "這不是 ODT 文件" in response.content.decode()
    assert not DownloadForm.objects.exists()
    response = client.post("/staff/sly/portal/forms/new/", {
        **data, "odt_file": odt_upload(), "pdf_file": SimpleUploadedFile("f.pdf", b"%PDF-1.4\n")})
    assert response.status_code == 302
    assert DownloadForm.objects.get().odt_file.read(2) == b"PK"


def test_it_replaces_a_forms_file_and_removes_the_old_one(client_for, cast, site,
                                                          django_capture_on_commit_callbacks):
    form = site["forms"][0]
    old_name = form.pdf_file.name
    storage = form.pdf_file.storage
    client = client_for(cast.statistics)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/staff/sly/portal/forms/{form.pk}/", {
            "name_zh": form.name_zh, "name_en": form.name_en, "offered_from": "2014-01-01",
            "sort_order": 0, "pdf_file": SimpleUploadedFile("new.pdf", b"%PDF-1.7\nnew")})
    assert response.status_code == 302
    form.refresh_from_db()
    assert form.pdf_file.read() == b"%PDF-1.7\nnew"
    assert not storage.exists(old_name)
    assert storage.exists(form.odt_file.name)  # the ODT was not replaced, so it stays


def test_it_edits_the_site_profile(client_for, cast, site):
    client = client_for(cast.secretariat)
    response = client.post("/staff/sly/portal/profile/", {
        "address_zh": "臺北市士林區新地址2號", "phone": "(02) 2111-1111",
        "hours_zh": "週一至週五", "lunch_service": "on", "lunch_start": "12:30",
        "lunch_end": "13:30"})
    assert response.status_code == 302
    assert "新地址2號" in client.get("/zh-hant/sly/").content.decode()


def test_it_shows_the_staff_menu_entry_to_editors(client_for, cast):
    assert "/staff/sly/portal/" in client_for(cast.secretariat).get("/staff/").content.decode()
    assert "/staff/sly/portal/" not in client_for(cast.ethics).get("/staff/").content.decode()


def test_it_takes_disclosure_attachments_only_as_pdf_or_odf(client_for, cast):
    from servq.portal.models import DisclosureEntry

    client = client_for(cast.secretariat)
    data = {"category": 5, "title_zh": "業務統計", "published_on": "2015-04-15",
            "updated_on": "2015-04-15"}
    html = client.post("/staff/sly/portal/disclosure/new/", {
        **data, "attachment": SimpleUploadedFile("stats.pdf", b"MZ\x90\x00 an executable")})
    assert "附件請用 PDF 或 ODF" in html.content.decode()
    assert not DisclosureEntry.objects.exists()
    response = client.post("/staff/sly/portal/disclosure/new/", {
        **data, "attachment": odt_upload("stats.odt"), "attachment_name": "統計.odt"})
    assert response.status_code == 302
    entry = DisclosureEntry.objects.get()
    download = client.get(f"/zh-hant/sly/disclosure/{entry.pk}/attachment/")
    assert b"".join(download.streaming_content)[:2] == b"PK"
