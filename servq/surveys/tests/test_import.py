"""import_responses: all or nothing, one clear message per kind of problem."""

from datetime import date
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from servq.core.models import AuditEvent, ImportBatch
from servq.core.periods import Period
from servq.reports.registry import ReportScope
from servq.surveys.figures import survey_figures
from servq.surveys.models import Answer, AnswerTally, RespondentTally, Response
from servq.surveys.tally import tally_compare


@pytest.fixture
def header(structure):
    return ["submitted_on", "channel", "serial"] + [q.code for q in structure.choice_questions]


@pytest.fixture
def row(header):
    """row(**cells) -> a valid row (every question 5 or yes) with some cells replaced."""

    def make(**cells):
        values = {"submitted_on": "2015-05-04", "channel": "paper", "serial": ""}
        for name in header[3:]:
            values[name] = "yes" if name.startswith("aware") else "5"
        values.update(cells)
        return [values[name] for name in header]

    return make


def run_import(path, agency="sly", **options):
    out = StringIO()
    call_command("import_responses", str(path), agency=agency, stdout=out, **options)
    return out.getvalue()


def nothing_imported():
    return not (Response.objects.exists() or Answer.objects.exists()
                or AnswerTally.objects.exists() or RespondentTally.objects.exists()
                or ImportBatch.objects.exists())


def q2(agency):
    return survey_figures(ReportScope.for_agency(agency, Period.parse("2015Q2")))


def test_it_imports_a_csv_and_counts_it(agencies, header, row, write_csv):
    path = write_csv(header + ["comment"], [
        row(serial="A1", env_a="4") + ["很好"],
        row(serial="A2", channel="kiosk", env_a="", aware_1="no") + [""],
        row(submitted_on="2015-06-30", channel="web") + [""],
    ])
    assert "已匯入 3 份問卷（62 個答案）" in run_import(path)
    figures = q2(agencies["sly"])
    assert figures["respondents"] == 3
    assert figures["respondents_by_channel"] == {"paper": 1, "kiosk": 1, "web": 1}
    assert figures["questions"]["env_a"]["n"] == 2  # the empty cell is a skip
    assert figures["questions"]["env_a"]["counts"]["4"] == 1
    assert figures["questions"]["aware_1"]["counts"] == {"yes": 2, "no": 1}
    assert Response.objects.get(serial="A1").texts.get().text == "很好"
    assert ImportBatch.objects.get().rows == 3
    assert AuditEvent.objects.filter(action="survey.import").count() == 1
    assert tally_compare() == []


def test_it_imports_an_xlsx_with_numeric_cells(agencies, header, row, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    values = row(serial="X1")
    sheet.append([int(v) if v.isdigit() else v for v in values])
    path = tmp_path / "responses.xlsx"
    workbook.save(path)
    run_import(path)
    assert Response.objects.get().answers.get(question__code="env_overall").option == "5"


@pytest.mark.parametrize("case,message", [
    ("unknown column", "第 1 列，欄位「colour」：不認得的欄位"),
    ("missing column", "第 1 列，欄位「env_c」：缺少必要欄位"),
    ("bad date", "第 3 列，欄位「submitted_on」，值「2015-02-30」：日期格式應為 YYYY-MM-DD"),
    ("bad cell", "第 2 列，欄位「staff_b」，值「6」：應為 5、4、3、2、1 或空白（未答）"),
    ("bad aware cell", "第 2 列，欄位「aware_2」，值「maybe」：應為 yes、no 或空白（未答）"),
    ("bad channel", "第 2 列，欄位「channel」，值「fax」：應為 paper（紙本）、kiosk（現場平板）、web（網路）"),
    ("serial twice in the file", "第 3 列，欄位「serial」，值「S1」：與第 2 列的問卷編號重複"),
    ("empty row", "第 3 列：整列沒有任何答案"),
    ("before the questionnaire",
     "第 2 列，欄位「submitted_on」，值「2014-12-31」：103/12/31 不在「為民服務暨政風狀況問卷調查（第1版）」的適用期間內"),
])
def test_it_rejects_each_kind_of_bad_file_and_imports_nothing(agencies, header, row, write_csv,
                                                              case, message):
    rows = [row(serial="S1"), row(serial="S2")]
    columns = list(header)
    if case == "unknown column":
        columns.append("colour")
        rows = [r + ["blue"] for r in rows]
    elif case == "missing column":
        at = columns.index("env_c")
        columns.pop(at)
        rows = [r[:at] + r[at + 1:] for r in rows]
    elif case == "bad date":
        rows[1] = row(serial="S2", submitted_on="2015-02-30")
    elif case == "bad cell":
        rows[0] = row(serial="S1", staff_b="6")
    elif case == "bad aware cell":
        rows[0] = row(serial="S1", aware_2="maybe")
    elif case == "bad channel":
        rows[0] = row(serial="S1", channel="fax")
    elif case == "serial twice in the file":
        rows[1] = row(serial="S1")
    elif case == "empty row":
        rows[1] = row(serial="S2", **{name: "" for name in header[3:]})
    elif case == "before the questionnaire":
        rows[0] = row(serial="S1", submitted_on="2014-12-31")
    with pytest.raises(CommandError) as rejected:
        run_import(write_csv(columns, rows))
    assert message in str(rejected.value)
    assert "未匯入任何資料" in str(rejected.value)
    assert nothing_imported()


def test_it_rejects_serials_already_in_the_database(agencies, header, row, write_csv, submit):
    earlier = submit(agencies["sly"], date(2015, 4, 1), {"env_a": "5"}, channel="paper",
                     serial="S2")
    with pytest.raises(CommandError) as rejected:
        run_import(write_csv(header, [row(serial="S1"), row(serial="S2")]))
    assert (f"第 3 列，欄位「serial」，值「S2」：此問卷編號已於 104/04/01 登錄（第 {earlier.pk} 號紀錄）"
            in str(rejected.value))
    assert Response.objects.count() == 1 and ImportBatch.objects.count() == 0


def test_it_refuses_the_same_file_twice(agencies, header, row, write_csv):
    path = write_csv(header, [row(serial="S1")])
    run_import(path)
    with pytest.raises(CommandError, match="同一檔案已於"):
        run_import(path)
    assert Response.objects.count() == 1


def test_it_reports_every_problem_in_row_order(agencies, header, row, write_csv, submit):
    submit(agencies["sly"], date(2015, 4, 1), {"env_a": "5"}, channel="paper", serial="S3")
    path = write_csv(header, [row(serial="S1", env_a="0"), row(serial="S2", channel="x"),
                              row(serial="S3")])
    with pytest.raises(CommandError) as rejected:
        run_import(path)
    lines = str(rejected.value).splitlines()
    assert [line.split("，")[0] for line in lines[:3]] == ["第 2 列", "第 3 列", "第 4 列"]
    assert lines[-1] == "共 3 項問題，未匯入任何資料。"


def test_it_names_an_unknown_agency_or_questionnaire(agencies, header, row, write_csv):
    path = write_csv(header, [row()])
    with pytest.raises(CommandError, match="找不到機關代碼「xyz」"):
        run_import(path, agency="xyz")
    with pytest.raises(CommandError, match="找不到問卷「nope」"):
        run_import(path, questionnaire="nope")
    assert "已匯入 1 份" in run_import(path, questionnaire="service-ethics@1")


# -- the staff upload page --------------------------------------------------------------------

UPLOAD = reverse("surveys:import", kwargs={"agency": "sly"})


def upload(client, path, name=None):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name or path.name, path.read_bytes()),
                                "questionnaire": ""})


def test_it_imports_an_uploaded_file_with_the_same_service(cast, client_for, header, row,
                                                           write_csv):
    client = client_for(cast.statistics)
    response = upload(client, write_csv(header, [row(serial="U1"), row(serial="U2")]))
    assert response.status_code == 302
    assert Response.objects.filter(batch__imported_by=cast.statistics).count() == 2
    assert "已匯入 2 份問卷" in client.get(UPLOAD).content.decode()
    event = AuditEvent.objects.get(action="survey.import")
    assert (event.actor, event.detail["rows"]) == (cast.statistics, 2)


def test_it_lists_the_problems_of_a_rejected_upload(cast, client_for, header, row, write_csv):
    page = upload(client_for(cast.ethics), write_csv(header, [row(env_b="x")]))
    html = page.content.decode()
    assert page.status_code == 200 and 'role="alert"' in html
    assert "第 2 列，欄位「env_b」，值「x」：應為 5、4、3、2、1 或空白（未答）" in html
    assert nothing_imported()


@pytest.mark.parametrize("who,status", [
    ("statistics", 200), ("ethics", 200), ("secretariat", 200),
    ("front_desk", 403), ("director", 403), ("hq_auditor", 403), ("clerk", 403),
    ("outsider", 404), ("no_role", 404),
])
def test_it_lets_only_import_roles_upload(cast, client_for, header, row, write_csv, who, status):
    client = client_for(getattr(cast, who))
    assert client.get(UPLOAD).status_code == status
    if status != 200:
        assert upload(client, write_csv(header, [row()])).status_code == status
        assert nothing_imported()


def test_it_sends_anonymous_uploaders_to_log_in(db, client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# -- all or nothing across chunks -------------------------------------------------------------

def response_writes(queries) -> int:
    """How many chunks of responses the captured queries wrote (SQLite: the INSERT; PostgreSQL:
    the ids reserved just before the COPY, which goes around Django's cursor)."""
    table = Response._meta.db_table
    return sum(f"INSERT INTO {table} " in q["sql"] or
               ("nextval(pg_get_serial_sequence" in q["sql"] and table in q["sql"])
               for q in queries)


@pytest.fixture
def two_row_chunks(settings):
    """Chunks of 2 rows instead of 5,000, so a small file is written in several chunks."""
    settings.SERVQ_SURVEY_IMPORT_CHUNK_ROWS = 2


def test_it_writes_a_file_in_several_chunks(agencies, header, row, write_csv, two_row_chunks):
    path = write_csv(header, [row(serial=f"C{i}", env_a=str(i)) for i in range(1, 6)])
    with CaptureQueriesContext(connection) as queries:
        assert "已匯入 5 份問卷" in run_import(path)
    assert response_writes(queries) == 3  # 2 + 2 + 1
    assert sorted(Answer.objects.filter(question__code="env_a").values_list("option", flat=True)) \
        == ["1", "2", "3", "4", "5"]
    assert tally_compare() == []


@pytest.mark.parametrize("bad", ["cell", "serial in the database"])
def test_it_takes_back_the_chunks_written_before_a_bad_row(agencies, header, row, write_csv,
                                                            submit, two_row_chunks, bad):
    rows = [row(serial=f"C{i}") for i in range(1, 7)]
    if bad == "cell":
        rows[4] = row(serial="C5", staff_b="6")  # after two chunks were written
    else:  # serials are looked up in the database per chunk, after the earlier chunks
        submit(agencies["sly"], date(2015, 4, 1), {"env_a": "5"}, channel="paper", serial="C5")
    before = (Response.objects.count(), Answer.objects.count(),
              sorted(AnswerTally.objects.values_list("question_id", "option", "n")),
              sorted(RespondentTally.objects.values_list("channel", "n")))
    with CaptureQueriesContext(connection) as queries:
        with pytest.raises(CommandError, match="第 6 列"):
            run_import(write_csv(header, rows))
    assert response_writes(queries) == 2
    after = (Response.objects.count(), Answer.objects.count(),
             sorted(AnswerTally.objects.values_list("question_id", "option", "n")),
             sorted(RespondentTally.objects.values_list("channel", "n")))
    assert after == before
    assert not Response.objects.filter(serial__in=["C1", "C2", "C3", "C4"]).exists()
    assert not ImportBatch.objects.exists() and tally_compare() == []
