"""Stationed staff, trainings, public-welfare activities and facility inspections."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from servq.ledgers.models import (Facility, FacilityInspection, InspectionFinding,
                                  InspectionRota, PublicWelfareActivity, StationedStaff,
                                  Training, TransferringAgency)
from servq.ledgers.services.inspections import (facility_inspection_save,
                                                inspection_rota_generate)
from servq.ledgers.services.records import record_save


def posting(agency, name, headcount, since, until=None):
    return record_save(agency=agency, instance=StationedStaff(), data=dict(
        sending_agency=TransferringAgency.objects.get(name=name), headcount=headcount,
        from_date=since, to_date=until))


def test_it_counts_stationed_staff_in_post_at_the_periods_end(cast, figures):
    posting(cast.sly, "財政部臺北國稅局", 12, date(2010, 1, 1))
    posting(cast.sly, "勞工保險局", 5, date(2012, 1, 1))
    left = posting(cast.sly, "勞工保險局", 2, date(2012, 1, 1), until=date(2015, 5, 31))
    posting(cast.sly, "財政部北區國稅局", 3, date(2015, 7, 1))  # not yet
    posting(cast.tpy, "財政部臺北國稅局", 20, date(2010, 1, 1))
    figure = figures(cast.sly, "2015Q2")["stationed_staff"]
    assert figure["by"] == {"財政部臺北國稅局": 12, "勞工保險局": 5} and figure["total"] == 17
    assert figures(cast.sly, "2015Q1")["stationed_staff"]["total"] == 19
    left.to_date = None
    left.save()
    assert figures(cast.sly, "2015Q2")["stationed_staff"]["by"]["勞工保險局"] == 7
    assert figures(cast.aee, consolidated=True)["stationed_staff"]["by"]["財政部臺北國稅局"] == 32


def test_it_lists_the_years_trainings_with_invited_branches(cast, figures):
    training = record_save(agency=cast.sly, instance=Training(), data=dict(
        held_on=date(2015, 3, 4), topic="區分所有建物基地拍賣實例", speaker="李書記官",
        attendees=71, hours=Decimal("3"), invited_agencies=[cast.tpy]))
    record_save(agency=cast.sly, instance=Training(), data=dict(
        held_on=date(2014, 12, 4), topic="去年的課", speaker="某人", attendees=5,
        hours=Decimal("1"), invited_agencies=[]))
    listed = figures(cast.sly, "2015Q2")["trainings"]
    assert listed == [{"date": date(2015, 3, 4), "topic": "區分所有建物基地拍賣實例",
                       "speaker": "李書記官", "attendees": 71, "hours": Decimal("3.0"),
                       "agency": "士林分署", "invited": ["臺北分署"]}]
    training.attendees = 80
    training.save()
    assert figures(cast.sly, "2015Q2")["trainings"][0]["attendees"] == 80


def test_it_lists_public_welfare_activities_dated_by_day_or_month(cast, figures):
    for data in (dict(first_day=date(2015, 2, 5), last_day=date(2015, 2, 5), title="捐血",
                      donors=10, bags=14, cc=5000),
                 dict(first_day=date(2015, 1, 1), last_day=date(2015, 6, 30), dated_by="month",
                      title="協助清理辦公廳舍周邊環境", person_hours=1173),
                 dict(first_day=date(2015, 2, 1), last_day=date(2015, 2, 28), dated_by="month",
                      title="寒假課輔"),
                 dict(first_day=date(2015, 8, 1), last_day=date(2015, 8, 1), title="later")):
        record_save(agency=cast.sly, instance=PublicWelfareActivity(), data=data)
    listed = figures(cast.sly, "2015Q2")["public_welfare"]
    assert [(a["date"], a["title"]) for a in listed] == [
        ("2015-01..2015-06", "協助清理辦公廳舍周邊環境"), ("2015-02", "寒假課輔"),
        ("2015-02-05", "捐血")]
    blood = listed[2]
    assert (blood["donors"], blood["bags"], blood["cc"], blood["person_hours"]) == (10, 14, 5000,
                                                                                  None)
    assert figures(cast.sly, "2015-01")["public_welfare"][0]["person_hours"] == 1173


def test_it_totals_the_trainings_of_the_year_and_of_the_quarter(cast, figures):
    for held_on, attendees, hours in ((date(2015, 3, 4), 71, "3"), (date(2015, 5, 6), 52, "1.5"),
                                      (date(2015, 7, 1), 9, "1")):
        record_save(agency=cast.sly, instance=Training(), data=dict(
            held_on=held_on, topic="t", speaker="s", attendees=attendees, hours=Decimal(hours),
            invited_agencies=[]))
    totals = figures(cast.sly, "2015Q2")["trainings_totals"]
    assert (totals["count"], totals["attendees"], totals["hours"], totals["person_hours"]) == (
        2, 123, Decimal("4.5"), Decimal("291"))  # 71 × 3 + 52 × 1.5
    quarter = totals["quarter"]
    assert (quarter["count"], quarter["attendees"], quarter["hours"], quarter["person_hours"]) \
        == (1, 52, Decimal("1.5"), Decimal("78"))
    assert figures(cast.tpy, "2015Q2")["trainings_totals"]["count"] == 0


def test_it_totals_public_welfare_and_blood_drives_of_the_year_and_of_the_quarter(cast, figures):
    for data in (dict(first_day=date(2015, 2, 5), last_day=date(2015, 2, 5), title="捐血",
                      participants=10, donors=10, bags=14, cc=5000),
                 dict(first_day=date(2015, 5, 8), last_day=date(2015, 5, 8), title="捐血",
                      donors=3, bags=4, cc=1000),
                 dict(first_day=date(2015, 1, 1), last_day=date(2015, 6, 30), dated_by="month",
                      title="協助清理辦公廳舍周邊環境", person_hours=1173),
                 dict(first_day=date(2015, 2, 2), last_day=date(2015, 2, 2), title="關懷",
                      participants=4, person_hours=32)):
        record_save(agency=cast.sly, instance=PublicWelfareActivity(), data=data)
    totals = figures(cast.sly, "2015Q2")["public_welfare_totals"]
    assert {key: totals[key] for key in ("count", "participants", "person_hours", "donors",
                                         "bags", "cc")} == {
        "count": 4, "participants": 14, "person_hours": 1205, "donors": 13, "bags": 18,
        "cc": 6000}
    # the quarter: the May drive and the cleaning that ran through it
    assert {key: totals["quarter"][key] for key in ("count", "person_hours", "donors", "bags",
                                                    "cc")} == {
        "count": 2, "person_hours": 1173, "donors": 3, "bags": 4, "cc": 1000}


def test_it_changes_the_public_welfare_figures_when_an_activity_is_corrected(cast, client_for,
                                                                             figures):
    new = reverse("ledgers:record-create", args=["sly", "public-welfare"])
    data = {"first_day": "104/02/05", "last_day": "104/02/05", "dated_by": "day", "title": "捐血",
            "partner": "", "participants": "", "person_hours": "", "donors": "10", "bags": "14",
            "cc": "5000", "note": ""}
    assert client_for(cast.secretariat).post(new, data).status_code == 302
    activity = PublicWelfareActivity.objects.get()
    assert figures(cast.sly)["public_welfare_totals"]["bags"] == 14
    edit = reverse("ledgers:record-edit", args=["sly", "public-welfare", activity.pk])
    response = client_for(cast.secretariat).post(edit, data | {"bags": "15", "cc": "5250",
                                                               "last_day": "104/05/05"})
    assert response.status_code == 302
    result = figures(cast.sly)
    assert (result["public_welfare"][0]["bags"], result["public_welfare"][0]["date"]) == (
        15, "2015-02-05..2015-05-05")
    assert (result["public_welfare_totals"]["bags"], result["public_welfare_totals"]["cc"]) == (
        15, 5250)
    assert result["public_welfare_totals"]["quarter"]["bags"] == 15  # now runs into Q2


def test_it_rotates_inspectors_weekly_and_counts_inspections_and_defects(cast, roster, figures):
    officers = [p for p in roster if p.title == "行政執行官"][:3]
    assert inspection_rota_generate(agency=cast.sly, first_week=date(2015, 4, 8), weeks=4,
                                    inspectors=officers) == 4
    rota = list(InspectionRota.objects.order_by("week_start"))
    assert rota[0].week_start == date(2015, 4, 6)  # the Monday of that week
    assert [r.inspector for r in rota] == [*officers, officers[0]]
    assert inspection_rota_generate(agency=cast.sly, first_week=date(2015, 4, 6), weeks=5,
                                    inspectors=officers) == 1
    assert InspectionRota.objects.order_by("week_start").last().inspector == officers[1]

    for name in ("飲水機", "輪椅", "冷氣"):
        Facility.objects.create(agency=cast.sly, name=name)
    inspection = facility_inspection_save(agency=cast.sly, instance=FacilityInspection(),
                                          data=dict(inspected_on=date(2015, 4, 7),
                                                    inspector=officers[0]))
    assert inspection.facilities.count() == 3  # the whole checklist in use
    facility_inspection_save(agency=cast.sly, instance=FacilityInspection(),
                             data=dict(inspected_on=date(2015, 3, 3), inspector=officers[1]))
    water = InspectionFinding.objects.create(
        inspection=inspection, facility=Facility.objects.get(name="飲水機"), defect="濾心過期",
        repair_requested_on=date(2015, 4, 8))
    figure = figures(cast.sly, "2015Q2")["facility_inspections"]
    counts = (figure["inspections"], figure["defects"], figure["fixed"], figure["open"])
    assert counts == (2, 1, 0, 1)
    assert figure["quarter"]["inspections"] == 1
    assert figure["records"][1]["defects"][0]["facility"] == "飲水機"
    water.fixed_on = date(2015, 4, 10)
    water.save()
    figure = figures(cast.sly, "2015Q2")["facility_inspections"]
    assert (figure["fixed"], figure["open"]) == (1, 0)


def test_it_enters_and_corrects_records_on_the_shared_screens(cast, client_for, figures):
    new = reverse("ledgers:record-create", args=["sly", "trainings"])
    data = {"held_on": "104/05/06", "topic": "毒品危害與防治", "speaker": "林主任檢察官",
            "attendees": 52, "hours": "2", "invited_agencies": [cast.tpy.pk], "note": ""}
    assert client_for(cast.secretariat).post(new, data).status_code == 403
    response = client_for(cast.personnel).post(new, data)
    training = Training.objects.get()
    assert response["Location"] == reverse("ledgers:record-detail",
                                           args=["sly", "trainings", training.pk])
    detail = client_for(cast.hq_auditor).get(response["Location"]).content.decode()
    assert "民國104年5月6日" in detail and "臺北分署" in detail
    edit = reverse("ledgers:record-edit", args=["sly", "trainings", training.pk])
    client_for(cast.personnel).post(edit, data | {"attendees": 55})
    assert figures(cast.sly)["trainings"][0]["attendees"] == 55
    page = client_for(cast.personnel).post(edit, data | {"held_on": "104/13/01"})
    assert "請以民國日期填寫" in page.content.decode()
    delete = reverse("ledgers:record-delete", args=["sly", "trainings", training.pk])
    assert client_for(cast.director).post(delete).status_code == 403
    client_for(cast.personnel).post(delete)
    assert figures(cast.sly)["trainings"] == []


def test_it_keeps_another_agencys_record_out_of_reach(cast, client_for):
    theirs = record_save(agency=cast.tpy, instance=Training(), data=dict(
        held_on=date(2015, 5, 6), topic="x", speaker="y", attendees=1, hours=Decimal("1"),
        invited_agencies=[]))
    for name in ("record-detail", "record-edit", "record-delete"):
        url = reverse(f"ledgers:{name}", args=["sly", "trainings", theirs.pk])
        assert client_for(cast.personnel).get(url).status_code == 404


def test_it_refuses_a_web_link_listed_twice(cast, client_for):
    url = reverse("ledgers:record-create", args=["sly", "web-links"])
    data = {"title": "法務部", "url": "https://www.moj.gov.tw/", "sort_order": 1,
            "is_active": "on"}
    client_for(cast.statistics).post(url, data)
    page = client_for(cast.statistics).post(url, data).content.decode()
    assert "這個網址已在連結清單中" in page
