"""The staff results page: who may see it, what it shows, its charts and its downloads."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from odfdo import Document
from openpyxl import load_workbook

RESULTS = reverse("surveys:results", kwargs={"agency": "sly"})


def download(client, fmt, query="period=2015Q2", agency="sly"):
    url = reverse("surveys:results-download", kwargs={"agency": agency, "fmt": fmt})
    return client.get(f"{url}?{query}")


@pytest.mark.parametrize("who,status", [
    ("ethics", 200), ("secretariat", 200), ("statistics", 200), ("director", 200),
    ("hq_auditor", 200),
    ("front_desk", 403), ("clerk", 403), ("committee", 403), ("personnel", 403),
    ("accounting", 403),
    ("outsider", 404), ("sysadmin", 404), ("no_role", 404),
])
def test_it_shows_results_only_to_roles_that_may_see_them(cast, client_for, who, status):
    client = client_for(getattr(cast, who))
    assert client.get(RESULTS).status_code == status
    assert client.get(reverse("surveys:results-chart", kwargs={"agency": "sly", "group": "env"})
                      ).status_code == status
    assert download(client, "csv").status_code == status


def test_it_sends_anonymous_visitors_to_log_in(db, client):
    for url in (RESULTS, reverse("surveys:results-download", kwargs={"agency": "sly",
                                                                      "fmt": "ods"})):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_it_shows_the_quarter_tables_respondents_and_ranking(shilin_2015, cast, client_for):
    page = client_for(cast.ethics).get(RESULTS)  # no period: the latest quarter with data
    html = page.content.decode()
    assert "民國104年第2季" in html
    assert "<strong>26</strong> 份" in html and "<strong>59</strong> 份" in html
    row = html[html.index("本分署規劃之交通引導措施對引導之幫助"):]
    row = row[:row.index("</tr>")]
    assert "16（61.5%）" in row and "<strong>92.3%</strong>" in row
    assert "第 4 名（96.2%）" in html
    assert 'src="/staff/sly/surveys/results/chart-env.png?period=2015Q2"' in html


def test_it_reads_results_in_a_bounded_number_of_queries(shilin_2015, cast, client_for,
                                                         django_assert_max_num_queries):
    client = client_for(cast.ethics)
    client.get(RESULTS)
    with django_assert_max_num_queries(13):
        assert client.get(f"{RESULTS}?period=2015Q2").status_code == 200


def test_it_draws_a_group_chart_as_png(shilin_2015, cast, client_for):
    url = reverse("surveys:results-chart", kwargs={"agency": "sly", "group": "staff"})
    response = client_for(cast.director).get(f"{url}?period=2015Q2")
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n") and len(response.content) > 5000
    assert client_for(cast.director).get(url.replace("staff", "nogroup")).status_code == 404


def test_it_downloads_the_tables_as_ods_xlsx_and_csv(shilin_2015, cast, client_for):
    client = client_for(cast.statistics)
    ods = download(client, "ods")
    assert ods["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert ods["Content-Disposition"] == "attachment; filename*=UTF-8''survey-sly-2015Q2.ods"
    table = Document(io.BytesIO(ods.content)).body.get_table(0)
    rows = table.get_values()
    header, env_a = rows[0], next(r for r in rows if r[1] == "env_a")
    assert env_a[header.index("有效樣本數")] == 26
    assert env_a[header.index("非常滿意／非常有幫助（人）")] == 16
    assert Decimal(str(env_a[header.index("非常滿意／非常有幫助（%）")])) == Decimal("61.5")
    assert Decimal(str(env_a[header.index("前兩項合計（%）")])) == Decimal("92.3")

    workbook = load_workbook(io.BytesIO(download(client, "xlsx").content))
    assert workbook.sheetnames[1:] == ["排名", "填答份數"]
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    aware = next(r for r in rows if r[1] == "aware_3")
    assert aware[rows[0].index("知道（人）")] == 13 and aware[rows[0].index("知道（%）")] == 50.0
    assert aware[rows[0].index("前兩項合計（%）")] is None
    counts = dict(workbook["填答份數"].iter_rows(min_row=2, max_col=2, values_only=True))
    assert counts["本期（民國104年第2季）"] == 26 and counts["累計（104年1月至6月）"] == 59

    response = download(client, "csv")
    assert response.content.startswith("\ufeff".encode())
    reader = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    promo = next(r for r in reader if r["題號"] == "promo_overall")
    assert (promo["有效樣本數"], promo["前兩項合計（%）"], promo["增減（百分點）"]) == \
        ("26", "92.3", str(Decimal(promo["前兩項合計（%）"]) - Decimal(promo["上期前兩項合計（%）"])))
    assert Decimal(promo["增減（百分點）"]) < 0
    assert download(client, "pdf").status_code == 404


def test_it_pools_the_branches_for_the_hq_auditor(cast, client_for, submit):
    submit(cast.sly, date(2015, 5, 1), {"env_a": "5"})
    submit(cast.sly, date(2015, 5, 2), {"env_a": "5"})
    submit(cast.tpy, date(2015, 5, 3), {"env_a": "1"})
    client = client_for(cast.hq_auditor)
    url = reverse("surveys:results", kwargs={"agency": "aee"})
    html = client.get(f"{url}?period=2015Q2&scope=all").content.decode()
    assert "行政執行署（含所屬分署）" in html and "<strong>3</strong> 份" in html
    rows = list(csv.reader(io.StringIO(download(client, "csv", "period=2015Q2&scope=all",
                                                "aee").content.decode("utf-8-sig"))))
    env_a = next(r for r in rows if r[1] == "env_a")
    assert env_a[3] == "3" and env_a[rows[0].index("前兩項合計（%）")] == "66.7"
    # the switcher takes the auditor to one branch
    response = client.get(f"{url}?agency=tpy&period=2015Q2")
    assert response["Location"] == reverse("surveys:results", kwargs={"agency": "tpy"}) + \
        "?period=2015Q2"


def test_it_refuses_switching_to_another_branch(cast, client_for):
    response = client_for(cast.ethics).get(f"{RESULTS}?agency=tpy")
    assert response.status_code == 404
