"""Templates are validated against real figures when saved, and versioned."""

import pytest

from servq.core.periods import Period
from servq.reports.language import TemplateInvalid
from servq.reports.models import Immutable, TemplateVersion
from servq.reports.services import template_problems, template_version_save
from servq.reports.tests.conftest import Q2


def position_of(source: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(source.split("\n"), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in source")


def test_it_saves_a_valid_template_as_version_1(office_template):
    version = office_template.current_version()
    assert (version.number, version.reference_period) == (1, "2015Q2")


def test_it_refuses_an_unknown_figure_naming_it_with_section_line_and_column(
        office_template, office_template_source):
    source = office_template_source.replace("{{ org.sections }}", "{{ org.sectionz }}")
    with pytest.raises(TemplateInvalid) as caught:
        template_version_save(template=office_template, source=source, reference_period=Q2)
    [error] = caught.value.errors
    line, column = position_of(source, "{{ org.sectionz }}")
    assert (error.section, error.position.line, error.position.column) == ("一、組織與人力", line, column)
    assert "org.sectionz" in error.message and "sections" in error.message  # names what exists
    assert office_template.versions.count() == 1


def test_it_refuses_an_unknown_format_naming_it_with_section_line_and_column(
        office_template, office_template_source):
    source = office_template_source.replace("{{ org.staff|thousands }}",
                                            "{{ org.staff|thousandz }}")
    with pytest.raises(TemplateInvalid) as caught:
        template_version_save(template=office_template, source=source, reference_period=Q2)
    [error] = caught.value.errors
    line, column = position_of(source, "{{ org.staff|thousandz }}")
    assert (error.section, error.position.line, error.position.column) == ("一、組織與人力", line, column)
    assert "thousandz" in error.message and "thousands" in error.message  # names what exists
    assert office_template.versions.count() == 1


def test_it_never_changes_a_saved_version(office_template, office_template_source):
    version = office_template.current_version()
    saved = (version.source, version.note)
    version.source = office_template_source.replace("機關概況", "機關組織概況")
    with pytest.raises(Immutable):
        version.save()
    with pytest.raises(Immutable):
        TemplateVersion.objects.filter(pk=version.pk).update(note="改過")
    with pytest.raises(Immutable):
        office_template.versions.update(source="")
    version.refresh_from_db()
    assert (version.source, version.note) == saved


@pytest.mark.parametrize("change, named", [
    ("|percent }} |\n| 其他", "percentt"),          # an unknown format
    ("items: @months", "monthz"),                   # an unknown label set
    ("m06=6月", "m07"),                             # an item the figures don't have
    ("name=名稱", "nam"),                            # a record field the figures don't have
])
def test_it_refuses_unknown_formats_labels_items_and_fields(office_template, office_template_source,
                                                             change, named):
    wrong = {"|percent }} |\n| 其他": "|percentt }} |\n| 其他", "items: @months": "items: @monthz",
             "m06=6月": "m07=7月", "name=名稱": "nam=名稱"}[change]
    source = office_template_source.replace(change, wrong, 1)
    problems = template_problems(source, office_template.agency, Q2)
    assert problems and all(named in str(p) for p in problems), problems


def test_it_saves_an_edit_as_a_new_version_and_an_unchanged_text_as_none(
        office_template, office_template_source):
    same = template_version_save(template=office_template, source=office_template_source + "\n\n",
                                 reference_period=Q2)
    assert same.number == 1
    edited = template_version_save(template=office_template,
                                   source=office_template_source.replace("機關概況", "機關組織概況"),
                                   reference_period=Q2, note="改標題")
    assert (edited.number, edited.note) == (2, "改標題")
    assert office_template.versions.get(number=1).source == office_template_source.rstrip("\n") + "\n"


def test_it_validates_names_that_exist_only_in_the_data_of_the_period(office_template,
                                                                      office_template_source):
    """Month keys come from the period: a template naming April is valid for Q2, not for Q3."""
    a_year_before = Period.parse("2014Q2")  # April again
    assert template_problems(office_template_source, office_template.agency, a_year_before) == []
    autumn = template_problems(office_template_source, office_template.agency,
                               Period.parse("2015Q3"))
    assert any("m04" in str(p) for p in autumn)
