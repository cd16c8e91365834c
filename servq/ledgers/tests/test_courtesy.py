from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from servq.core.demo import ensure_roster
from servq.core.models import StaffMember
from servq.ledgers.models import CourtesyItem, CourtesyRatingBand, CourtesyTest
from servq.ledgers.services.courtesy import courtesy_test_save


def scores_for(total: int) -> dict[int, int]:
    """Item scores summing to `total` (points deducted from the first items)."""
    items = list(CourtesyItem.objects.order_by("sort_order"))
    scores, missing = {}, 100 - total
    for item in items:
        cut = min(missing, item.max_score)
        scores[item.pk] = item.max_score - cut
        missing -= cut
    return scores


def record(agency, person, total, *, source="self", on=date(2015, 4, 15)):
    return courtesy_test_save(agency=agency, instance=CourtesyTest(), scores=scores_for(total),
                              data=dict(source=source, tested_on=on, tester="研考",
                                        staff_member=person))


def test_it_averages_and_rates_the_tests_of_each_source(cast, roster, figures):
    for total, day in ((95, date(2015, 1, 20)), (92, date(2015, 4, 15)), (93, date(2015, 4, 15))):
        record(cast.sly, roster[0], total, on=day)
    record(cast.sly, roster[1], 88, source="hq", on=date(2015, 5, 4))
    result = figures(cast.sly, "2015Q2")
    own = result["phone_courtesy_self"]
    assert (own["person_times"], own["tests"], own["average"], own["rating"]) == (
        3, 2, Decimal("93.3"), "優等")
    assert own["quarter"] == {"person_times": 2, "tests": 1, "average": Decimal("92.5"),
                              "rating": "優等"}
    hq = result["phone_courtesy_hq"]
    assert (hq["person_times"], hq["average"], hq["rating"]) == (1, Decimal("88.0"), "甲等")


def test_it_rates_by_the_bands_in_the_admin(cast, roster, figures):
    record(cast.sly, roster[0], 89)
    assert figures(cast.sly)["phone_courtesy_self"]["rating"] == "甲等"
    CourtesyRatingBand.objects.filter(label="優等").update(min_score=Decimal("88.5"))
    assert figures(cast.sly)["phone_courtesy_self"]["rating"] == "優等"


def test_it_rates_the_rounded_average(cast, roster, figures):
    # 359 / 4 = 89.75, printed 89.8: below 90, so 甲等.
    for total in (90, 90, 89, 90):
        record(cast.sly, roster[0], total)
    figure = figures(cast.sly)["phone_courtesy_self"]
    assert (figure["average"], figure["rating"]) == (Decimal("89.8"), "甲等")


def test_it_sums_the_item_scores_into_the_total_and_refuses_too_many_points(cast, roster):
    test = record(cast.sly, roster[0], 87)
    assert test.total == 87 and test.scores.count() == CourtesyItem.objects.count()
    item = CourtesyItem.objects.get(code="tone")
    with pytest.raises(ValueError):
        courtesy_test_save(agency=cast.sly, instance=test, scores={item.pk: 26},
                           data={})


def test_it_records_a_test_with_item_scores_on_the_staff_screen(cast, roster, client_for,
                                                                figures):
    url = reverse("ledgers:record-create", args=["sly", "courtesy-tests"])
    data = {"source": "self", "tested_on": "104/04/15", "tester": "研考", "note": "",
            "staff_member": roster[3].pk, "score_answer_speed": 15, "score_greeting": 18,
            "score_tone": 25, "score_answer": 24, "score_closing": 15}
    assert client_for(cast.ethics).post(url, data).status_code == 403
    response = client_for(cast.secretariat).post(url, data)
    assert response.status_code == 302
    assert figures(cast.sly)["phone_courtesy_self"]["average"] == Decimal("97.0")
    test = CourtesyTest.objects.get()
    edit = reverse("ledgers:record-edit", args=["sly", "courtesy-tests", test.pk])
    client_for(cast.secretariat).post(edit, data | {"score_tone": 20})
    assert figures(cast.sly)["phone_courtesy_self"]["average"] == Decimal("92.0")
    page = client_for(cast.secretariat).post(edit, data | {"score_tone": 30}).content.decode()
    assert "score_tone" in page and CourtesyTest.objects.get().total == 92


def test_it_only_offers_the_agencys_own_staff(cast, roster, client_for):
    ensure_roster(cast.tpy)
    stranger = StaffMember.objects.filter(agency=cast.tpy).first()
    url = reverse("ledgers:record-create", args=["sly", "courtesy-tests"])
    page = client_for(cast.secretariat).post(url, {
        "source": "self", "tested_on": "104/04/15", "tester": "研考",
        "staff_member": stranger.pk, "score_answer_speed": 15, "score_greeting": 20,
        "score_tone": 25, "score_answer": 25, "score_closing": 15}).content.decode()
    assert "errorlist" in page and not CourtesyTest.objects.exists()
