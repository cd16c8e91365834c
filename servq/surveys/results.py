"""What the staff results page, its charts and its downloads show: one agency (or an HQ with
its branches) and one period, chosen from the query string."""

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from servq.core.models import Agency
from servq.core.periods import Period

from .models import RespondentTally
from .statistics import SurveyStatistics, survey_statistics
from .structure import load_structure, questionnaire_for_report


@dataclass
class ResultsSelection:
    agency: Agency
    period: Period
    consolidated: bool
    agency_ids: list[int]
    periods: list[Period]  # periods with responses, for the chooser
    stats: SurveyStatistics | None

    @property
    def query(self) -> str:
        return f"period={self.period.code}" + ("&scope=all" if self.consolidated else "")

    @property
    def name(self) -> str:
        return f"{self.agency.short_name}{'（含所屬分署）' if self.consolidated else ''}"


def periods_with_responses(agency_ids: list[int]) -> list[Period]:
    """Quarters, halves and years that have responses, newest first."""
    months = RespondentTally.objects.filter(agency_id__in=agency_ids, n__gt=0) \
        .dates("month", "month", order="DESC")
    found: list[Period] = []
    for month in months:
        for kind in ("quarter", "half", "year"):
            period = Period.containing(month, kind)
            if period not in found:
                found.append(period)
    return sorted(found, key=lambda p: (-p.end.toordinal(), p.days))


def select_results(agency: Agency, query) -> ResultsSelection:
    consolidated = query.get("scope") == "all" and agency.children.exists()
    agency_ids = Agency.objects.subtree_ids(agency) if consolidated else [agency.pk]
    periods = periods_with_responses(agency_ids)
    code = query.get("period")
    if code:
        try:
            period = Period.parse(code)
        except ValueError as error:
            raise Http404(str(error)) from None
    else:
        period = next((p for p in periods if p.kind == "quarter"),
                      Period.containing(timezone.localdate(), "quarter"))
    questionnaire = questionnaire_for_report(agency, period.end)
    stats = None
    if questionnaire is not None:
        stats = survey_statistics(structure=load_structure(questionnaire),
                                  agency_ids=agency_ids, period=period)
    return ResultsSelection(agency, period, consolidated, agency_ids, periods, stats)


@dataclass
class GroupTable:
    """Rows of one group's questions that share an option list (a group may mix scales)."""

    options: list[str]
    rows: list


def group_tables(stats: SurveyStatistics) -> list[tuple]:
    """[(group, [GroupTable])] for the page's tables."""
    result = []
    for group, items in stats.group_stats():
        tables: list[GroupTable] = []
        for item in items:
            labels = [option.label for option in item.question.options]
            if not tables or tables[-1].options != labels:
                tables.append(GroupTable(labels, []))
            tables[-1].rows.append(item)
        if tables:
            result.append((group, tables))
    return result
