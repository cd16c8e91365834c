"""Every ledger screen tried by every role: who gets it, who is refused (403: works in the
agency without the right; 404: no standing there; anonymous visitors go to the login page)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from servq.ledgers.linkcheck import LinkOutcome
from servq.ledgers.models import (Collection, CourtesyTest, Facility, FacilityInspection,
                                  InspectionFinding, LunchDuty, PublicWelfareActivity,
                                  StationedStaff, Training, TransferringAgency, WebLink)
from servq.ledgers.records import LEDGERS
from servq.ledgers.services.attitude import (attitude_review_approve, attitude_review_open,
                                             attitude_review_submit)
from servq.ledgers.services.links import link_check_claim, link_check_finish

EVERYONE = ["secretariat", "ethics", "statistics", "personnel", "accounting", "clerk",
            "committee", "front_desk", "director", "hq_auditor", "outsider", "sysadmin",
            "no_role"]
NO_STANDING = {"outsider", "sysadmin", "no_role"}
VIEWERS = {"secretariat", "ethics", "statistics", "personnel", "accounting", "committee",
           "director", "hq_auditor"}
OWNER = {"secretariat": "secretariat", "personnel": "personnel", "accounting": "accounting",
         "statistics": "statistics"}


@pytest.fixture
def world(cast, roster):
    """One record of every ledger in Shilin, a draft and an approved review, a link check."""
    sly = cast.sly
    person = roster[10]
    records = {
        "stationed-staff": StationedStaff.objects.create(
            agency=sly, sending_agency=TransferringAgency.objects.first(), headcount=1,
            from_date=date(2015, 1, 1)),
        "courtesy-tests": CourtesyTest.objects.create(
            agency=sly, source="self", tested_on=date(2015, 4, 1), tester="x",
            staff_member=person, total=90),
        "lunch-duty": LunchDuty.objects.create(agency=sly, day=date(2015, 4, 1),
                                               staff_member=person),
        "collections": Collection.objects.create(
            agency=sly, paid_on=date(2015, 4, 1), channel="store", category="income_tax",
            case_number="A", amount=100),
        "trainings": Training.objects.create(agency=sly, held_on=date(2015, 4, 1), topic="t",
                                             speaker="s", attendees=1, hours=Decimal(1)),
        "public-welfare": PublicWelfareActivity.objects.create(
            agency=sly, first_day=date(2015, 4, 1), last_day=date(2015, 4, 1), title="t"),
        "inspections": FacilityInspection.objects.create(agency=sly, inspected_on=date(2015, 4, 1),
                                                         inspector=person),
        "web-links": WebLink.objects.create(agency=sly, title="t", url="https://example.org/"),
    }
    records["inspection-findings"] = InspectionFinding.objects.create(
        inspection=records["inspections"], defect="d",
        facility=Facility.objects.create(agency=sly, name="飲水機"))
    committee = [p for p in roster if p.title in ("秘書室主任", "人事室主任", "政風室主任")]
    attitude_review_open(agency=sly, month=date(2015, 6, 1), committee=committee)
    approved = attitude_review_open(agency=sly, month=date(2015, 5, 1), committee=committee)
    attitude_review_submit(review=approved)
    attitude_review_approve(review=approved)
    run = link_check_claim(agency=sly)
    link = records["web-links"]
    link_check_finish(run=run, links=[link],
                      outcomes=[LinkOutcome(link.url, True, 200, link.url, 10, "")])
    return {"records": records, "run": run}


@pytest.fixture
def expect(cast, client_for):
    """expect(url, allowed): allowed roles get 200, the others are refused. With method="post"
    only the refusals are tried (the allowed roles' writes are tested elsewhere)."""

    def check(url, allowed: set[str], method="get"):
        for who in EVERYONE:
            if method == "post" and who in allowed:
                continue
            status = getattr(client_for(getattr(cast, who)), method)(url).status_code
            wanted = 200 if who in allowed else 404 if who in NO_STANDING else 403
            assert status == wanted, f"{who} {method.upper()} {url}: {status}, not {wanted}"
        assert getattr(client_for(None), method)(url).status_code == 302

    return check


def url(name, *args):
    return reverse(f"ledgers:{name}", args=["sly", *args])


READ_SCREENS = [
    ("home", ()), ("indicators", ()), ("indicator-grid", ("case_inquiries", 2015)),
    ("lunch-roster", ()), ("inspection-rota", ()), ("link-runs", ()), ("attitude", ()),
]


@pytest.mark.parametrize("name,args", READ_SCREENS)
def test_it_shows_the_ledgers_to_every_office_and_the_director_only(world, expect, name, args):
    expect(url(name, *args), VIEWERS)


@pytest.mark.parametrize("ledger", LEDGERS, ids=lambda ledger: ledger.slug)
def test_it_lets_only_the_owning_office_enter_and_correct_each_ledger(world, expect, ledger):
    record = world["records"][ledger.slug]
    expect(url("record-list", ledger.slug), VIEWERS)
    expect(url("record-detail", ledger.slug, record.pk), VIEWERS)
    owners = {who for who, office in OWNER.items() if office == ledger.office}
    assert owners, ledger.slug
    for name, args in (("record-create", ()), ("record-edit", (record.pk,)),
                       ("record-delete", (record.pk,))):
        target = url(name, ledger.slug, *args)
        expect(target, owners)
        expect(target, owners, method="post")
    assert ledger.model.objects.filter(pk=record.pk).exists()


def test_it_guards_the_link_check_result_and_the_check_itself(world, expect):
    expect(url("link-run", world["run"].pk), VIEWERS)
    expect(url("link-check"), {"statistics"}, method="post")


def test_it_lets_offices_that_keep_indicators_import_them(world, expect):
    expect(url("indicator-import"),
           {"secretariat", "ethics", "statistics", "personnel", "accounting", "committee"})


def test_it_guards_the_indicator_grid_and_baseline_writes(world, expect):
    expect(url("indicator-grid", "case_inquiries", 2015), {"secretariat"}, method="post")
    expect(url("indicator-baseline", "web_visitors"), {"statistics"}, method="post")


def test_it_opens_the_tally_to_the_front_desk_and_sections(world, expect):
    expect(url("tally"), {"secretariat", "clerk", "front_desk"})


TALLIERS = {"secretariat", "clerk", "front_desk"}
IMPORTERS = {"secretariat", "ethics", "statistics", "personnel", "accounting", "committee"}


def test_it_refuses_tally_and_indicator_import_posts_and_changes_nothing(world, cast,
                                                                        client_for):
    """Valid requests by the roles that may not make them: the write would happen if the role
    check were missing."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from servq.core.models import ImportBatch
    from servq.core.tabular import csv_bytes
    from servq.ledgers.models import IndicatorCategory, IndicatorValue

    onsite = IndicatorCategory.objects.get(indicator__code="case_inquiries", code="onsite")
    content = csv_bytes(["indicator", "month", "category", "value"],
                        [["case_inquiries", "2015-04", "onsite", "120"]])
    before = (IndicatorValue.objects.count(), ImportBatch.objects.count())
    for who in [*EVERYONE, None]:
        client = client_for(getattr(cast, who) if who else None)
        wanted = 302 if who is None else 404 if who in NO_STANDING else 403
        if who not in TALLIERS:
            status = client.post(url("tally"), {"indicator": "case_inquiries",
                                                "category": onsite.pk}).status_code
            assert status == wanted, f"{who} tally: {status}"
        if who not in IMPORTERS:
            upload = SimpleUploadedFile("values.csv", content, content_type="text/csv")
            status = client.post(url("indicator-import"), {"file": upload}).status_code
            assert status == wanted, f"{who} import: {status}"
    assert (IndicatorValue.objects.count(), ImportBatch.objects.count()) == before
    # the same requests by a role that may make them do write
    client_for(cast.front_desk).post(url("tally"), {"indicator": "case_inquiries",
                                                    "category": onsite.pk})
    upload = SimpleUploadedFile("values.csv", content, content_type="text/csv")
    assert client_for(cast.secretariat).post(url("indicator-import"),
                                             {"file": upload}).status_code == 302
    assert IndicatorValue.objects.count() == before[0] + 2


def test_it_lets_only_accounting_import_collections(world, expect):
    expect(url("collection-import"), {"accounting"})
    expect(url("collection-batch-delete", 1), {"accounting"}, method="post")


def test_it_lets_only_the_secretariat_generate_the_rotas(world, expect):
    expect(url("lunch-roster"), {"secretariat"}, method="post")
    expect(url("inspection-rota"), {"secretariat"}, method="post")


def test_it_shows_a_draft_review_to_the_committee_and_the_director(world, expect):
    expect(url("attitude-sheet", "2015-06"), {"committee", "director"})
    expect(url("attitude-submit", "2015-06"), {"committee"}, method="post")
    expect(url("attitude-approve", "2015-06"), {"director"}, method="post")
    expect(url("attitude-return", "2015-06"), {"director"}, method="post")
    expect(url("attitude"), {"committee"}, method="post")


def test_it_shows_an_approved_review_and_its_export_to_the_ledgers_readers(world, expect):
    expect(url("attitude-sheet", "2015-05"), VIEWERS)
    expect(url("attitude-export", "2015-05", "ods"), VIEWERS)


def test_it_shows_the_honour_roll_to_all_staff_of_the_agency(world, expect):
    expect(url("honour-roll"), VIEWERS | {"clerk", "front_desk"})


def test_it_lists_the_ledgers_in_a_fixed_number_of_queries(world, cast, client_for,
                                                            django_assert_max_num_queries):
    client = client_for(cast.secretariat)
    for ledger in LEDGERS:
        with django_assert_max_num_queries(12):
            assert client.get(url("record-list", ledger.slug) + "?year=2015").status_code == 200


def test_it_does_not_query_once_per_row_on_lists_with_people(world, cast, roster, client_for,
                                                             django_assert_num_queries):
    """The same number of queries for one row as for thirty."""
    client = client_for(cast.secretariat)
    pages = [url("record-list", slug) + "?year=2015"
             for slug in ("courtesy-tests", "lunch-duty", "inspections", "inspection-findings")]
    counts = []
    for page in pages:
        with CaptureQueriesContext(connection) as few:
            client.get(page)
        counts.append(len(few))
    inspection = world["records"]["inspections"]
    for n in range(30):
        person = roster[n]
        CourtesyTest.objects.create(agency=cast.sly, source="hq", tested_on=date(2015, 5, 1),
                                    tester="x", staff_member=person, total=90)
        LunchDuty.objects.create(agency=cast.sly, day=date(2015, 5, 1), staff_member=person)
        FacilityInspection.objects.create(agency=cast.sly, inspected_on=date(2015, 5, 2),
                                          inspector=person)
        InspectionFinding.objects.create(inspection=inspection, defect=str(n),
                                         facility=Facility.objects.get(name="飲水機"))
    for page, count in zip(pages, counts):
        with django_assert_num_queries(count):
            client.get(page)


def test_it_puts_the_ledgers_in_each_roles_staff_menu(cast, client_for):
    home = reverse("core:staff-home")
    front_desk = client_for(cast.front_desk).get(home).content.decode()
    assert "案件查詢即時計數" in front_desk and "執行態度考核榮譽榜" in front_desk
    assert "為民服務紀錄" not in front_desk
    statistics = client_for(cast.statistics).get(home).content.decode()
    assert "為民服務紀錄" in statistics and "網站連結檢測" in statistics
    assert "網站連結檢測" not in client_for(cast.secretariat).get(home).content.decode()
