from datetime import date

from servq.core.models import StaffMember, Unit
from servq.petitions.selectors import attitude_complaints
from servq.petitions.services import petition_assign, petition_set_officer


def test_it_lists_the_complaints_referred_to_the_committee_with_the_officer(make_petition, rules):
    officer = StaffMember.objects.create(agency=rules.sly, name="周執行", title="執行員",
                                         is_enforcement_officer=True)
    committee = Unit.objects.get(agency=rules.sly, code="attitude")
    june = make_petition(category_code="attitude", received_on=date(2015, 6, 3), subject="態度")
    july = make_petition(category_code="attitude", received_on=date(2015, 7, 3))
    make_petition(category_code="service", received_on=date(2015, 6, 4))  # not referred
    for petition in (june, july):
        petition_assign(petition=petition, unit=committee, actor=rules.secretariat)
    petition_set_officer(petition=june, officer=officer, actor=rules.secretariat)
    [row] = attitude_complaints(agency=rules.sly, start=date(2015, 6, 1), end=date(2015, 6, 30))
    assert (row.number, row.received_on, row.subject, row.officer_id, row.officer_name) == (
        june.number, date(2015, 6, 3), "態度", officer.pk, "周執行")
    assert len(attitude_complaints(agency=rules.sly, start=date(2015, 1, 1),
                                   end=date(2015, 12, 31))) == 2
    assert attitude_complaints(agency=rules.tpy, start=date(2015, 1, 1),
                               end=date(2015, 12, 31)) == []
