import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from servq.core.models import Agency, Membership, Unit


@pytest.mark.django_db
def test_it_loads_the_agency_tree_twice_without_duplicates():
    for _ in range(2):
        call_command("load_demo", stdout=StringIO())
    hq = Agency.objects.get(code="aee")
    assert hq.name == "法務部行政執行署"
    assert Agency.objects.filter(parent=hq).count() == 13
    shilin = Agency.objects.get(code="sly")
    assert shilin.name == "法務部行政執行署士林分署"
    assert Unit.objects.filter(agency=shilin, kind=Unit.Kind.SECTION).count() == 15
    assert get_user_model().objects.filter(username="sly-ethics").count() == 1
    assert Membership.objects.filter(user__username="sly-ethics").count() == 1


@pytest.mark.django_db
def test_it_prints_the_report_figures_as_json(agencies):
    out = StringIO()
    call_command("build_report", agency="sly", period="2015Q2", format="json", output="-",
                 stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["agency"]["code"] == "sly"
    assert (figures["period"]["code"], figures["period"]["start"], figures["period"]["end"]) == (
        "2015Q2", "2015-04-01", "2015-06-30")


@pytest.mark.django_db
def test_it_names_a_bad_agency_or_period(agencies):
    with pytest.raises(CommandError, match="xyz"):
        call_command("build_report", agency="xyz", period="2015Q2", stdout=StringIO())
    with pytest.raises(CommandError, match="2015Q9"):
        call_command("build_report", agency="sly", period="2015Q9", stdout=StringIO())
