import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from servq.core.models import Agency
from servq.petitions.models import Petition, PetitionReminder
from servq.petitions.selectors import dashboard_counts, overdue_list


@pytest.mark.django_db
def test_it_gives_the_shilin_report_figures_after_loading_twice(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for _ in range(2):
        call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("build_report", agency="sly", period="2015Q2", format="json", stdout=out)
    figures = json.loads(out.getvalue(), parse_float=Decimal)
    petitions, media = figures["petitions"], figures["media"]
    assert (petitions["received_ytd"], petitions["average_days_ytd"], petitions["overdue_open"],
            media["press_releases_ytd"], media["negative_news_ytd"]) == (
        19, Decimal("4.3"), 0, 6, 0)
    assert petitions["closed_ytd"] == 19 and petitions["closed_late_ytd"] == 0


@pytest.mark.django_db
def test_it_shows_overdue_july_petitions_with_the_flag_and_a_reminder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    from django.contrib.auth import get_user_model

    shilin = Agency.objects.get(code="sly")
    secretariat = get_user_model().objects.get(username="sly-secretariat")
    counts = dashboard_counts(user=secretariat, agency=shilin, on=date(2015, 7, 31))
    assert counts["overdue"] == 3 and counts["overdue_without_call"] == 2
    flagged = [p for p in overdue_list(user=secretariat, agency=shilin, on=date(2015, 7, 31))
               if not p.has_timely_call]
    assert len(flagged) == 2
    july = Petition.objects.filter(agency=shilin, received_on__month=7)
    assert PetitionReminder.objects.filter(petition__in=july, kind="overdue",
                                           sent_at__isnull=False).count() == 3
