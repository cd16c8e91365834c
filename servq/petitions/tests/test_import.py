from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from servq.core.tabular import csv_bytes
from servq.petitions.models import Petition, PetitionEvent

HEADER = ["received_on", "channel", "category", "replied_on", "due_on", "subject"]


def write_csv(tmp_path, rows, name="petitions.csv", header=HEADER):
    path = tmp_path / name
    path.write_bytes(csv_bytes(header, rows))
    return path


def test_it_imports_historical_petitions_and_computes_missing_due_dates(rules, tmp_path):
    path = write_csv(tmp_path, [
        ["2015-02-12", "opinion_mailbox", "case", "2015-02-16", "", "分期繳納"],
        ["2015-03-02", "書面", "其他", "", "2015-03-20", "建議事項"],
        ["2014-12-30", "email", "service", "2015-01-05", "", "去年的信"],
    ])
    call_command("import_petitions", str(path), agency="sly")
    petitions = {p.subject: p for p in Petition.objects.all()}
    case = petitions["分期繳納"]
    # 10 working days: 13, 16, 17, (18-23 off) 24, 25, 26, (27 off) 3/2, 3, 4, 5.
    assert case.due_on == date(2015, 3, 5)
    assert (case.status, case.replied_on, case.closed_on) == ("closed", date(2015, 2, 16),
                                                              date(2015, 2, 16))
    assert (petitions["建議事項"].channel, petitions["建議事項"].due_on) == ("letter",
                                                                         date(2015, 3, 20))
    assert petitions["建議事項"].status == "received"
    assert petitions["去年的信"].number == "SLY103000001"
    assert sorted(p.number for p in petitions.values())[:2] == ["SLY103000001", "SLY104000001"]
    assert PetitionEvent.objects.filter(kind="replied").count() == 2


def test_it_refuses_a_bad_file_whole_and_names_each_problem(rules, tmp_path):
    path = write_csv(tmp_path, [
        ["2015-02-12", "opinion_mailbox", "case", "", "", "好的一列"],
        ["2015-02-30", "pigeon", "case", "", "", "壞日期與管道"],
        ["2015-03-02", "letter", "nope", "2015-03-01", "", ""],
    ])
    with pytest.raises(CommandError) as refused:
        call_command("import_petitions", str(path), agency="sly")
    text = str(refused.value)
    assert "第 3 列，欄位「received_on」，值「2015-02-30」" in text
    assert "第 3 列，欄位「channel」，值「pigeon」" in text
    assert "第 4 列，欄位「category」，值「nope」" in text
    assert "第 4 列，欄位「replied_on」，值「2015-03-01」：回覆日不能早於收件日" in text
    assert "第 4 列，欄位「subject」：必填" in text
    assert not Petition.objects.exists()


def test_it_refuses_missing_columns_and_the_same_file_twice(rules, tmp_path):
    bad = write_csv(tmp_path, [["2015-02-12", "letter"]], header=["received_on", "channel"],
                    name="short.csv")
    with pytest.raises(CommandError, match="缺少必要欄位"):
        call_command("import_petitions", str(bad), agency="sly")
    good = write_csv(tmp_path, [["2015-02-12", "letter", "case", "", "", "一件"]])
    call_command("import_petitions", str(good), agency="sly")
    with pytest.raises(CommandError, match="同一檔案已於"):
        call_command("import_petitions", str(good), agency="sly")
    assert Petition.objects.count() == 1


def test_it_reads_xlsx(rules, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([date(2015, 4, 1), "email", "service", date(2015, 4, 3), None, "試算表"])
    path = tmp_path / "petitions.xlsx"
    book.save(path)
    call_command("import_petitions", str(path), agency="sly")
    assert Petition.objects.get().replied_on == date(2015, 4, 3)


def test_it_marks_imported_ethics_reports_as_whistleblower_reports(rules, tmp_path,
                                                                   client_for):
    """An imported report of the ethics mailbox or category is protected like any other:
    its files would be the ethics office's, its reporter only revealed by it."""
    path = write_csv(tmp_path, [
        ["2015-02-12", "letter", "ethics", "", "", "書面廉政檢舉"],
        ["2015-02-13", "ethics_mailbox", "other", "", "", "廉政信箱來信"],
        ["2015-02-14", "letter", "case", "", "", "一般陳情"],
    ])
    call_command("import_petitions", str(path), agency="sly")
    marked = dict(Petition.objects.values_list("subject", "is_whistleblower_report"))
    assert marked == {"書面廉政檢舉": True, "廉政信箱來信": True, "一般陳情": False}
    report = Petition.objects.get(subject="書面廉政檢舉")
    page = client_for(rules.ethics).get(reverse("petitions:detail", kwargs={
        "agency": "sly", "pk": report.pk})).content.decode()
    assert "敘明理由後查閱檢舉人身分" in page
