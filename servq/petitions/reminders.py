"""Reminder mail to assignees: a few days before the due date, and once overdue.

Several workers may run send_petition_reminders at the same time: each reminder is claimed
by inserting its unique row (petition, kind, due date) first; the worker whose insert fails
skips it. A reminder whose mail could not be sent gives its claim back for the next run.
A deadline extension gives a new due date, hence new reminders.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import mail
from .models import Petition, PetitionReminder

BEFORE_DUE_DAYS = 2  # calendar days before the due date


@dataclass(frozen=True)
class ReminderRun:
    claimed: int
    sent: int
    skipped: int  # already claimed by another worker or an earlier run


def _claim(petition: Petition, kind: str) -> PetitionReminder | None:
    try:
        with transaction.atomic():
            return PetitionReminder.objects.create(petition=petition, kind=kind,
                                                   due_on=petition.due_on)
    except IntegrityError:
        return None


def reminders_due(on: date):
    """(petition, kind) pairs to remind on `on` that nobody has claimed yet."""
    open_ = Petition.objects.open().select_related("agency", "category", "assigned_user")
    soon = open_.filter(due_on__gte=on, due_on__lte=on + timedelta(days=BEFORE_DUE_DAYS))
    late = open_.filter(due_on__lt=on)
    for kind, petitions in [(PetitionReminder.Kind.BEFORE_DUE, soon),
                            (PetitionReminder.Kind.OVERDUE, late)]:
        claimed = PetitionReminder.objects.filter(petition=OuterRef("pk"), kind=kind,
                                                  due_on=OuterRef("due_on"))
        for petition in list(petitions.exclude(Exists(claimed)).order_by("due_on", "pk")):
            yield petition, kind


def send_reminders(*, on: date | None = None, connection=None) -> ReminderRun:
    on = on or timezone.localdate()
    claimed = sent = skipped = 0
    for petition, kind in reminders_due(on):
        reminder = _claim(petition, kind)
        if reminder is None:
            skipped += 1
            continue
        claimed += 1
        try:
            recipients = mail.send_reminder(petition, kind=kind, connection=connection)
        except Exception:
            reminder.delete()  # give the claim back: the next run tries again
            raise
        PetitionReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now(),
                                                               recipients=recipients)
        sent += 1 if recipients else 0
    return ReminderRun(claimed, sent, skipped)
