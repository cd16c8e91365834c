"""The receipt mail (case number and tracking code) to the citizen, which never fails a
submission.

It is sent after the petition commits. If the mail server refuses or is down, the citizen
still gets the code on screen (or in the API answer): the failure is logged without the
address or the code, audited, and kept as a ReceiptRetry row for `send_petition_reminders`
to retry. The row holds the address and the code only until the mail goes out or is given
up after MAX_ATTEMPTS; then it is deleted. Several workers may retry at once: each row is
claimed with a conditional UPDATE first.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from servq.core.audit import audit_record

from . import mail
from .models import Petition, ReceiptRetry

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
CLAIM_TIMEOUT = timedelta(minutes=15)  # a claim older than this belonged to a dead worker


@dataclass(frozen=True)
class RetryRun:
    sent: int
    failed: int
    abandoned: int


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:200]


@sensitive_variables("to", "tracking_code")
def receipt_send(petition: Petition, *, to: str, tracking_code: str, request=None) -> bool:
    """Send the receipt now; on failure keep it for a retry. Never raises."""
    try:
        mail.send_receipt(petition, to=to, tracking_code=tracking_code, request=request)
        return True
    except Exception as error:  # the mail server is the outside world: any failure
        logger.warning("receipt mail for petition %s failed: %s", petition.number,
                       type(error).__name__)
        try:
            _keep_for_retry(petition, to, tracking_code, error)
        except Exception:
            logger.exception("could not keep the receipt mail of petition %s for a retry",
                             petition.number)
        return False


@transaction.atomic
def _keep_for_retry(petition: Petition, to: str, tracking_code: str, error: Exception) -> None:
    ReceiptRetry.objects.create(petition=petition, to=to, tracking_code=tracking_code,
                                last_error=_describe(error), failed_at=timezone.now())
    audit_record(action="petition.receipt_mail_failed", agency=petition.agency, target=petition,
                 detail={"error": type(error).__name__})


def _claim(row: ReceiptRetry, now: datetime) -> bool:
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    return ReceiptRetry.objects.filter(free, pk=row.pk).update(claimed_at=now) == 1


def receipts_retry(*, now: datetime | None = None) -> RetryRun:
    """Retry every kept receipt mail once; delete each row sent or given up."""
    now = now or timezone.now()
    sent = failed = abandoned = 0
    for row in ReceiptRetry.objects.select_related("petition__agency").order_by("pk"):
        if not _claim(row, now):
            continue  # another worker has it
        try:
            mail.send_receipt(row.petition, to=row.to, tracking_code=row.tracking_code)
        except Exception as error:
            attempts = row.attempts + 1
            if attempts >= MAX_ATTEMPTS:
                with transaction.atomic():
                    row.delete()
                    audit_record(action="petition.receipt_mail_abandoned",
                                 agency=row.petition.agency, target=row.petition,
                                 detail={"attempts": attempts, "error": type(error).__name__})
                abandoned += 1
            else:
                ReceiptRetry.objects.filter(pk=row.pk).update(
                    attempts=attempts, last_error=_describe(error), claimed_at=None)
                failed += 1
            continue
        row.delete()
        sent += 1
    return RetryRun(sent, failed, abandoned)
