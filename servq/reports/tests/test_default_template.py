"""The default template: its form, its names against the real providers of every agency."""

from servq.core.models import Agency
from servq.reports import registry
from servq.reports.compose import FILTER_NAMES
from servq.reports.defaults import REQUIRED_NAMESPACES, default_source, install_default_templates
from servq.reports.language import Expression, Prose, parse_inline, parse_template
from servq.reports.services import template_problems
from servq.reports.tests.conftest import Q2


def expressions(tree):
    for section in tree.walk():
        parts = [section.heading, *section.body]
        for part in parts:
            if isinstance(part, Prose):
                yield from part.expressions()
            else:
                yield from part.title.expressions()
                for row in part.rows:
                    for cell in row:
                        yield from cell.expressions()
                for item in part.items:
                    yield from item.expressions()
                if "item" in part.options:
                    option = part.options["item"]
                    yield from (e for e in parse_inline(option.value, option.position)
                                if isinstance(e, Expression))


def test_it_writes_the_default_template_in_the_seeds_structure_with_known_formats_and_labels():
    tree = parse_template(default_source())
    assert [s.label for s in tree.sections] == [
        "壹、優質便民服務", "貳、資訊網路服務（豐富服務資訊，促進網路溝通）",
        "參、創新加值服務（創新服務方式，整合服務資源）"]
    found = list(expressions(tree))
    assert {e.path[0] for e in found} >= {"survey", "petitions", "media", "ledgers", "portal",
                                          "org", "period"}
    unknown = [(e.source, e.position.line) for e in found
               for f in e.filters if f.name not in FILTER_NAMES]
    assert unknown == []
    referenced = {f.kwarg("labels") for e in found for f in e.filters if f.kwarg("labels")}
    for section in tree.walk():
        for block in (p for p in section.body if not isinstance(p, Prose)):
            referenced |= {o.value[1:] for o in block.options.values() if o.value.startswith("@")}
    assert referenced <= set(tree.labels)


def test_it_validates_the_default_template_for_every_agency_without_any_record(agencies):
    """Providers promise their keys without data: a new branch's empty tree validates too."""
    assert set(REQUIRED_NAMESPACES) <= set(registry.namespaces())
    results = install_default_templates()
    assert len(results) == Agency.objects.count() == 14
    assert [f"{r.agency.code}: {e}" for r in results for e in r.errors] == []
    assert all(r.created and r.version_number == 1 for r in results)
    again = install_default_templates()
    assert [r.created for r in again] == [False] * 14  # unchanged text: no new version


def test_it_names_the_position_of_a_figure_the_providers_do_not_give(agencies):
    source = default_source().replace("{{ portal.download_forms }}",
                                      "{{ ledgers.download_forms.value }}")
    problems = template_problems(source, agencies["sly"], Q2)
    assert len(problems) == 1
    line = next(number for number, text in enumerate(source.splitlines(), start=1)
                if "ledgers.download_forms" in text)
    assert "ledgers.download_forms.value" in str(problems[0]) and f"第 {line} 行" in str(problems[0])
