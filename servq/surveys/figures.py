"""Report figures of the questionnaire: namespace `survey` (see README for the keys).

Every key is present whether or not there are responses (n 0, percentages None), so report
templates can be checked against the tree. Consolidated scopes pool the counts of all their
agencies before any percentage is computed.
"""

from servq.reports.registry import ReportScope, provider

from .statistics import Distribution, QuestionStats, RankTier, survey_statistics
from .structure import load_structure, questionnaire_for_report


def distribution_figures(distribution: Distribution, *, top_two: bool) -> dict:
    figures = {
        "n": distribution.n,
        "counts": dict(distribution.counts),
        "percent": dict(distribution.percent),
    }
    if top_two:
        figures["top2_percent"] = distribution.top2_percent
    return figures


def question_figures(stats: QuestionStats) -> dict:
    question = stats.question
    top_two = question.has_top_two
    figures = {
        "text": question.text,
        "short": question.label,
        "group": question.group_code,
        "scale": question.scale_code,
        "overall": question.is_overall,
        "labels": {option.code: option.label for option in question.options},
        **distribution_figures(stats.current, top_two=top_two),
        "ytd": distribution_figures(stats.year_to_date, top_two=top_two),
    }
    if top_two:
        figures["previous_top2_percent"] = stats.previous.top2_percent
        figures["change_points"] = stats.change_points
    return figures


def ranking_figures(tiers: list[RankTier]) -> list[dict]:
    return [
        {
            "rank": tier.rank,
            "top2_percent": tier.top2_percent,
            "items": [{"code": s.question.code, "short": s.question.label,
                       "group": s.question.group_code, "group_title": s.question.group_title}
                      for s in tier.items],
        }
        for tier in tiers
    ]


EMPTY = {
    "questionnaire": None, "respondents": 0, "respondents_ytd": 0, "respondents_previous": 0,
    "respondents_by_channel": {}, "questions": {}, "groups": [], "ranking": [],
    "ranking_overall": [],
}


@provider("survey")
def survey_figures(scope: ReportScope) -> dict:
    questionnaire = questionnaire_for_report(scope.agency, scope.period.end)
    if questionnaire is None:  # no questionnaire installed at all
        return dict(EMPTY)
    structure = load_structure(questionnaire)
    stats = survey_statistics(structure=structure, agency_ids=scope.agency_ids,
                              period=scope.period)
    return {
        "questionnaire": {"code": questionnaire.code, "version": questionnaire.version,
                          "title": questionnaire.title},
        "respondents": stats.respondents,
        "respondents_ytd": stats.respondents_ytd,
        "respondents_previous": stats.respondents_previous,
        "respondents_by_channel": stats.respondents_by_channel,
        "questions": {code: question_figures(s) for code, s in stats.questions.items()},
        "groups": [
            {"code": group.code, "title": group.title,
             "overall": group.overall.code if group.overall else None,
             "items": [q.code for q in group.items if not q.is_text]}
            for group in structure.groups if any(not q.is_text for q in group.questions)
        ],
        "ranking": ranking_figures(stats.ranking),
        "ranking_overall": ranking_figures(stats.ranking_overall),
    }
