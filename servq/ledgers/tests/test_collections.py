from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse

from servq.core.models import ImportBatch
from servq.core.tabular import ImportRejected, csv_bytes, open_table
from servq.ledgers.models import Collection, CollectionTally
from servq.ledgers.services.collections import (collection_batch_delete, collection_delete,
                                                collection_import, collection_save)

HEADER = ["paid_on", "channel", "chain", "category", "case_number", "amount"]
ROWS = [
    ["2015-04-02", "store", "7-ELEVEN", "income_tax", "104年度綜所稅執字第1號", "3000"],
    ["2015-04-03", "store", "全家", "fuel_fee", "104年度燃料費執字第2號", "19999"],
    ["2015-05-06", "bank", "", "income_tax", "104年度綜所稅執字第3號", "5000"],     # not a store
    ["2015-05-07", "store", "OK", "health_insurance", "104年度健保執字第4號", "800"],
    ["2015-06-08", "post", "", "labor_insurance", "104年度勞保執字第5號", "1200"],
    ["2015-02-09", "store", "萊爾富", "local_tax", "104年度地方稅執字第6號", "450"],  # Q1
    ["2015-07-01", "store", "萊爾富", "local_tax", "104年度地方稅執字第7號", "999"],  # after
]


def write(tmp_path, rows, name="collections.csv", header=HEADER):
    path = tmp_path / name
    path.write_bytes(csv_bytes(header, rows))
    return path


def run(agency, path):
    return collection_import(agency=agency, table=open_table(path), file_name=path.name)


def tally_matches_records(agency):
    recount = {(r["month"], r["category"], r["channel"]): (r["n"], r["amount_sum"]) for r in
               Collection.objects.filter(agency=agency).annotate(month=TruncMonth("paid_on"))
               .values("month", "category", "channel")
               .annotate(n=Count("pk"), amount_sum=Sum("amount"))}
    kept = {(t.month, t.category, t.channel): (t.cases, t.amount)
            for t in CollectionTally.objects.filter(agency=agency)}
    return recount == kept


def test_it_imports_records_into_store_and_insurance_figures(cast, tmp_path, figures):
    assert run(cast.sly, write(tmp_path, ROWS)) == 7
    result = figures(cast.sly, "2015Q2")
    assert result["store_collections"] == {"cases": 3, "amount_ntd": 23_449,
                                           "quarter": {"cases": 2, "amount_ntd": 22_999}}
    insurance = result["insurance_collections"]
    assert (insurance["cases"], insurance["amount_ntd"]) == (2, 2_000)
    assert insurance["by_channel"]["post"] == {"cases": 1, "amount_ntd": 1_200}
    everything = result["collections"]
    assert (everything["cases"], everything["amount_ntd"]) == (6, 30_449)
    assert everything["by_channel"]["bank"] == {"cases": 1, "amount_ntd": 5_000}
    assert everything["by_category"]["income_tax"] == {"cases": 2, "amount_ntd": 8_000}
    assert result["store_payment_threshold"]["value"] == 20_000
    assert tally_matches_records(cast.sly)


def test_it_refuses_an_amount_of_twenty_thousand_naming_the_row(cast, tmp_path):
    rows = ROWS[:2] + [["2015-04-04", "store", "全家", "business_tax", "104年度營業稅執字第9號",
                        "20000"]]
    with pytest.raises(ImportRejected) as refused:
        run(cast.sly, write(tmp_path, rows))
    assert [str(p) for p in refused.value.problems] == [
        "第 4 列，欄位「amount」，值「20000」：金額達新臺幣 20,000 元以上，不屬小額代收案款，不予匯入"]
    assert not Collection.objects.exists() and not CollectionTally.objects.exists()
    assert not ImportBatch.objects.exists()


def test_it_names_each_bad_value_and_imports_nothing(cast, tmp_path):
    good = ["2015-04-02", "store", "", "income_tax", "A1", "100"]
    rows = [good,
            ["2015-02-30", "store", "", "income_tax", "A2", "100"],
            ["2015-04-02", "atm", "", "income_tax", "A3", "100"],
            ["2015-04-02", "store", "", "dog_tax", "A4", "100"],
            ["2015-04-02", "store", "", "income_tax", "", "100"],
            ["2015-04-02", "store", "", "income_tax", "A6", "1,000"],
            ["2015-04-02", "store", "", "income_tax", "A7", "0"],
            ["", "store", "", "income_tax", "A8", "5"]]
    with pytest.raises(ImportRejected) as refused:
        run(cast.sly, write(tmp_path, rows))
    messages = [str(p) for p in refused.value.problems]
    assert messages[0].startswith("第 3 列，欄位「paid_on」，值「2015-02-30」：日期格式應為")
    assert messages[1].startswith("第 4 列，欄位「channel」，值「atm」：代收管道應為 store、bank、post")
    assert messages[2].startswith("第 5 列，欄位「category」，值「dog_tax」：不認得的案款類別")
    assert messages[3:] == ["第 6 列，欄位「case_number」：必填",
                            "第 7 列，欄位「amount」，值「1,000」：金額應為整數元（不含逗號、小數點）",
                            "第 8 列，欄位「amount」，值「0」：金額必須大於 0",
                            "第 9 列，欄位「paid_on」：必填"]
    assert not Collection.objects.exists()


def test_it_refuses_the_same_file_twice_and_missing_columns(cast, tmp_path, figures):
    path = write(tmp_path, ROWS[:2])
    run(cast.sly, path)
    with pytest.raises(ImportRejected, match="同一檔案已於.*不再重複匯入"):
        run(cast.sly, path)
    assert figures(cast.sly)["store_collections"]["cases"] == 2
    with pytest.raises(ImportRejected, match="欄位「amount」：缺少必要欄位"):
        run(cast.sly, write(tmp_path, [["2015-04-02", "store", "income_tax", "A1"]], "b.csv",
                            header=["paid_on", "channel", "category", "case_number"]))


def test_it_imports_an_xlsx_file(cast, tmp_path, figures):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append([date(2015, 4, 2), "store", "7-ELEVEN", "gift_tax", "B1", 1234])
    path = tmp_path / "c.xlsx"
    workbook.save(path)
    run(cast.sly, path)
    assert figures(cast.sly)["store_collections"]["amount_ntd"] == 1_234


def test_it_keeps_the_tally_with_corrections_deletions_and_undone_imports(cast, tmp_path,
                                                                          figures):
    run(cast.sly, write(tmp_path, ROWS))
    second = write(tmp_path, [["2015-06-30", "store", "", "deed_tax", "C1", "700"]], "c.csv")
    run(cast.sly, second)
    record = Collection.objects.get(case_number="104年度綜所稅執字第1號")
    collection_save(agency=cast.sly, instance=record,
                    data={"amount": 3_500, "paid_on": date(2015, 3, 31)})
    assert figures(cast.sly)["store_collections"]["quarter"]["amount_ntd"] == 19_999 + 700
    assert figures(cast.sly)["store_collections"]["amount_ntd"] == 23_449 + 500 + 700
    collection_delete(agency=cast.sly, instance=Collection.objects.get(case_number="C1"))
    assert figures(cast.sly)["store_collections"]["cases"] == 3
    collection_save(agency=cast.sly, instance=Collection(), data=dict(
        paid_on=date(2015, 4, 9), channel="bank", chain="", category="labor_insurance",
        case_number="D1", amount=900))
    assert figures(cast.sly)["insurance_collections"]["cases"] == 3
    assert tally_matches_records(cast.sly)
    first = ImportBatch.objects.filter(kind="ledgers.collections").order_by("pk").first()
    assert collection_batch_delete(agency=cast.sly, batch=first) == 7
    assert figures(cast.sly)["store_collections"]["cases"] == 0
    assert figures(cast.sly)["insurance_collections"]["cases"] == 1
    assert tally_matches_records(cast.sly)
    run(cast.sly, write(tmp_path, ROWS))  # the undone file may come again
    assert figures(cast.sly)["store_collections"]["cases"] == 3


def test_it_imports_from_the_command_and_reports_refusals(cast, tmp_path, figures):
    path = write(tmp_path, ROWS)
    call_command("import_collections", str(path), "--agency", "sly")
    assert figures(cast.sly)["store_collections"]["cases"] == 3
    with pytest.raises(CommandError, match="同一檔案已於"):
        call_command("import_collections", str(path), "--agency", "sly")
    bad = write(tmp_path, [["2015-04-02", "store", "", "income_tax", "X", "25000"]], "bad.csv")
    with pytest.raises(CommandError, match="第 2 列，欄位「amount」，值「25000」"):
        call_command("import_collections", str(bad), "--agency", "sly")
    with pytest.raises(CommandError, match="找不到機關代碼"):
        call_command("import_collections", str(bad), "--agency", "nope")


def test_it_computes_a_years_figures_in_a_fixed_number_of_queries(cast, tmp_path, figures,
                                                                  django_assert_max_num_queries):
    from servq.ledgers.selectors.collections import collection_figures
    from servq.ledgers.windows import Windows
    from servq.core.periods import Period

    run(cast.sly, write(tmp_path, ROWS))
    with django_assert_max_num_queries(1):
        collection_figures(agency_ids=[cast.sly.pk], windows=Windows.ending(Period.parse("2015")))


def test_it_imports_and_undoes_through_the_accounting_page(cast, client_for, tmp_path, figures):
    url = reverse("ledgers:collection-import", args=["sly"])
    path = write(tmp_path, ROWS)
    with path.open("rb") as handle:
        assert client_for(cast.secretariat).post(url, {"file": handle}).status_code == 403
    with path.open("rb") as handle:
        response = client_for(cast.accounting).post(url, {"file": handle})
    assert response.status_code == 302 and Collection.objects.count() == 7
    bad = write(tmp_path, [["2015-04-02", "store", "", "income_tax", "X", "20001"]], "bad.csv")
    with bad.open("rb") as handle:
        page = client_for(cast.accounting).post(url, {"file": handle}).content.decode()
    assert "第 2 列，欄位「amount」，值「20001」" in page
    batch = ImportBatch.objects.get(kind="ledgers.collections")
    undo = reverse("ledgers:collection-batch-delete", args=["sly", batch.pk])
    assert client_for(cast.director).post(undo).status_code == 403
    client_for(cast.accounting).post(undo)
    assert not Collection.objects.exists()


def test_it_refuses_a_hand_entered_amount_that_is_not_small(cast, client_for):
    url = reverse("ledgers:record-create", args=["sly", "collections"])
    data = {"paid_on": "104/04/02", "channel": "store", "chain": "", "category": "income_tax",
            "case_number": "E1", "amount": "20000"}
    page = client_for(cast.accounting).post(url, data).content.decode()
    assert "未滿新臺幣 20,000 元" in page and not Collection.objects.exists()
    client_for(cast.accounting).post(url, data | {"amount": "19999"})
    assert CollectionTally.objects.get().amount == 19_999
