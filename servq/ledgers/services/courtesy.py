"""Telephone courtesy tests: a test and its item scores are saved together."""

from django.db import transaction

from servq.core.models import Agency

from ..models import CourtesyItem, CourtesyScore, CourtesyTest
from .records import assign_fields, audit_change


@transaction.atomic
def courtesy_test_save(*, agency: Agency, instance: CourtesyTest, data: dict,
                       scores: dict[int, int], actor=None, request=None) -> CourtesyTest:
    """`scores`: CourtesyItem id -> points; the total is their sum."""
    items = {item.pk: item for item in CourtesyItem.objects.filter(pk__in=scores)}
    if set(items) != set(scores):
        raise ValueError("unknown courtesy item")
    for pk, score in scores.items():
        if not 0 <= score <= items[pk].max_score:
            raise ValueError(f"{items[pk].name}: {score} is outside 0..{items[pk].max_score}")
    assign_fields(instance, data)
    instance.agency = agency
    instance.total = sum(scores.values())
    created = instance._state.adding
    if created:
        instance.recorded_by = actor
    instance.save()
    CourtesyScore.objects.filter(test=instance).delete()
    CourtesyScore.objects.bulk_create(
        CourtesyScore(test=instance, item_id=pk, score=score) for pk, score in scores.items())
    audit_change("create" if created else "update", instance=instance, agency=agency, actor=actor,
           request=request)
    return instance
