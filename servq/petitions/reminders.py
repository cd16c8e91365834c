"""Reminder mail to assignees: a few days before the due date, and once overdue.

Several workers may run send_petition_reminders at the same time: each reminder is claimed
by inserting its unique row (petition, kind, due date) first; the worker whose insert fails
skips it. A reminder whose mail could not be sent (the server refused it, or nobody has an
address to send it to) is logged, counted and gives its claim back for the next run; the
other reminders of the run are still sent. A deadline extension gives a new due date, hence
new reminders.
"""

import logging
import smtplib

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import mail
from .models import Petition, PetitionReminder

logger = logging.getLogger(__name__)

BEFORE_DUE_DAYS = 2  # calendar days before the due date


@dataclass(frozen=True)
class ReminderRun:
    claimed: int
    sent: int
    skipped: int  # already claimed by another worker or an earlier run
    failed: int = 0  # not sent (mail refused, or no recipient): tried again on the next run


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
    claimed = sent = skipped = failed = 0
    for petition, kind in reminders_due(on):
        reminder = _claim(petition, kind)
        if reminder is None:
            skipped += 1
            continue
        claimed += 1
        try:
            recipients = mail.send_reminder(petition, kind=kind, connection=connection)
        except (smtplib.SMTPException, OSError) as error:  # the mail server: try next run
            # Without addresses in the log (SMTP errors name them).
            logger.warning("%s reminder for petition %s failed: %s", kind, petition.number,
                           type(error).__name__)
            recipients = None
        except BaseException:  # our own fault: give the claim back and stop loudly
            reminder.delete()
            raise
        else:
            if not recipients:
                logger.warning("%s reminder for petition %s has no recipient with an address",
                               kind, petition.number)
        if not recipients:
            reminder.delete()  # give the claim back: the next run tries again
            failed += 1
            continue
        PetitionReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now(),
                                                               recipients=recipients)
        sent += 1
    return ReminderRun(claimed, sent, skipped, failed)
