"""Facility inspections record which facilities they checked (the checklist); a defect can only
be found on a facility that was checked, and the figures count the checklist."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from servq.ledgers.models import Facility, FacilityInspection, InspectionFinding
from servq.ledgers.services.inspections import facility_inspection_save, inspection_finding_save

NAMES = ["樓層配置圖", "飲水機", "輪椅", "愛心鈴"]


@pytest.fixture
def checklist(cast):
    facilities = [Facility.objects.create(agency=cast.sly, name=name, sort_order=n)
                  for n, name in enumerate(NAMES)]
    Facility.objects.create(agency=cast.sly, name="公共電話", is_active=False)
    return {f.name: f for f in facilities}


@pytest.fixture
def officer(roster):
    return next(p for p in roster if p.title == "行政執行官")


def inspect(cast, officer, day, facilities, instance=None):
    return facility_inspection_save(agency=cast.sly, instance=instance or FacilityInspection(),
                                    data=dict(inspected_on=day, inspector=officer,
                                              facilities=facilities))


def find(cast, inspection, facility, **dates):
    return inspection_finding_save(agency=cast.sly, instance=InspectionFinding(), data=dict(
        inspection=inspection, facility=facility, defect="故障", **dates))


def screen(name, *args):
    return reverse(f"ledgers:{name}", args=["sly", *args])


def test_it_offers_the_active_checklist_all_ticked_for_a_new_inspection(cast, checklist,
                                                                      client_for):
    page = client_for(cast.secretariat).get(screen("record-create", "inspections"))
    html = page.content.decode()
    assert "<legend>巡查設施</legend>" in html and "公共電話" not in html
    for n, name in enumerate(NAMES):  # each box has its own label, and is ticked
        box = f'<label for="id_facilities_{n}"><input type="checkbox" name="facilities" ' \
              f'value="{checklist[name].pk}"'
        assert box in html and f"{box} id=\"id_facilities_{n}\" checked>" in html


def test_it_saves_the_ticked_facilities_and_shows_them_with_the_findings(cast, checklist,
                                                                         officer, client_for):
    client = client_for(cast.secretariat)
    ticked = [checklist["飲水機"].pk, checklist["輪椅"].pk]
    response = client.post(screen("record-create", "inspections"), {
        "inspected_on": "104/05/06", "inspector": officer.pk, "facilities": ticked, "note": ""})
    assert response.status_code == 302
    inspection = FacilityInspection.objects.get()
    assert sorted(inspection.facilities.values_list("pk", flat=True)) == sorted(ticked)
    detail = client.get(screen("record-detail", "inspections", inspection.pk)).content.decode()
    assert "飲水機、輪椅" in detail and "樓層配置圖" not in detail
    find(cast, inspection, checklist["輪椅"], repair_requested_on=date(2015, 5, 7))
    listing = client.get(screen("record-list", "inspections") + "?year=2015").content.decode()
    assert '<td class="num">2</td>' in listing and "輪椅：故障（已送修）" in listing
    edit = client.get(screen("record-edit", "inspections", inspection.pk)).content.decode()
    assert f'value="{checklist["樓層配置圖"].pk}" id="id_facilities_0">' in edit  # not ticked


def test_it_refuses_a_finding_on_a_facility_the_inspection_did_not_check(cast, checklist,
                                                                        officer, client_for):
    inspection = inspect(cast, officer, date(2015, 5, 6), [checklist["飲水機"]])
    with pytest.raises(ValueError, match="未勾選「輪椅」"):
        find(cast, inspection, checklist["輪椅"])
    response = client_for(cast.secretariat).post(
        screen("record-create", "inspection-findings"),
        {"inspection": inspection.pk, "facility": checklist["輪椅"].pk, "defect": "破胎"})
    assert response.status_code == 200
    assert "民國104年5月6日的巡查未勾選「輪椅」" in response.context["form"].errors["facility"][0]
    assert not InspectionFinding.objects.exists()
    find(cast, inspection, checklist["飲水機"])
    assert InspectionFinding.objects.count() == 1


def test_it_refuses_to_untick_a_facility_that_has_a_finding(cast, checklist, officer,
                                                           client_for):
    inspection = inspect(cast, officer, date(2015, 5, 6), [checklist["飲水機"], checklist["輪椅"]])
    find(cast, inspection, checklist["飲水機"])
    response = client_for(cast.secretariat).post(
        screen("record-edit", "inspections", inspection.pk),
        {"inspected_on": "104/05/06", "inspector": officer.pk,
         "facilities": [checklist["輪椅"].pk], "note": ""})
    assert response.status_code == 200
    assert "「飲水機」已登錄本次巡查的缺失" in response.content.decode()
    assert inspection.facilities.count() == 2


def test_it_refuses_an_inspection_that_checked_nothing(cast, checklist, officer, client_for):
    response = client_for(cast.secretariat).post(
        screen("record-create", "inspections"),
        {"inspected_on": "104/05/06", "inspector": officer.pk, "note": ""})
    assert response.context["form"].errors["facilities"] == ["請至少勾選一項巡查的設施。"]
    with pytest.raises(ValueError, match="至少勾選一項"):
        inspect(cast, officer, date(2015, 5, 6), [])
    assert not FacilityInspection.objects.exists()


def test_it_counts_the_facilities_checked_and_follows_a_correction(cast, checklist, officer,
                                                                   figures):
    march = inspect(cast, officer, date(2015, 3, 3), list(checklist.values()))
    may = inspect(cast, officer, date(2015, 5, 6), [checklist["飲水機"], checklist["輪椅"]])
    figure = figures(cast.sly, "2015Q2")["facility_inspections"]
    assert (figure["facilities_checked"], figure["quarter"]["facilities_checked"]) == (6, 2)
    assert [r["facilities_checked"] for r in figure["records"]] == [4, 2]
    inspect(cast, officer, date(2015, 5, 6), [checklist["輪椅"]], instance=may)
    figure = figures(cast.sly, "2015Q2")["facility_inspections"]
    assert (figure["facilities_checked"], figure["quarter"]["facilities_checked"]) == (5, 1)
    assert [r["facilities_checked"] for r in figure["records"]] == [4, 1]
    assert figures(cast.aee, "2015Q2", consolidated=True)["facility_inspections"][
        "facilities_checked"] == 5
    assert march.facilities.count() == 4


BEFORE = [("ledgers", "0002_reference_data")]
AFTER = [("ledgers", "0003_inspection_checklist")]


@pytest.mark.django_db(transaction=True)
def test_it_gives_old_inspections_the_checklist_their_count_stood_for(latest_schema_afterwards,
                                                                      cast, officer):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Facility = apps.get_model("ledgers", "Facility")
    Inspection = apps.get_model("ledgers", "FacilityInspection")
    in_use = [Facility.objects.create(agency_id=cast.sly.pk, name=name) for name in NAMES[:3]]
    retired = Facility.objects.create(agency_id=cast.sly.pk, name="公共電話", is_active=False)

    def old(count, note=""):
        return Inspection.objects.create(agency_id=cast.sly.pk, inspected_on=date(2015, 5, 6),
                                         inspector_id=officer.pk, facilities_checked=count,
                                         note=note)

    whole, changed, empty = old(3), old(5, note="x" * 300), old(0)
    apps.get_model("ledgers", "InspectionFinding").objects.create(
        inspection=changed, facility=retired, defect="話筒損壞")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Inspection = apps.get_model("ledgers", "FacilityInspection")

    def checked(inspection):
        row = Inspection.objects.get(pk=inspection.pk)
        return sorted(row.facilities.values_list("pk", flat=True)), row.note

    assert checked(whole) == (sorted(f.pk for f in in_use), "")
    assert checked(empty) == ([], "")
    # the checklist has changed since: the facilities in use and the one its finding names,
    # and the count it stored kept in the note, which stays within its length
    facilities, note = checked(changed)
    assert facilities == sorted([*(f.pk for f in in_use), retired.pk])
    assert note.endswith("；轉換前登錄檢查設施數為5項，勾選項目係依轉換時之設施清單推定。")
    assert len(note) == 300 and note.startswith("x" * 200)
