"""Link check runs: claim the agency's run, check its links, record every result."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from servq.core.audit import audit_record
from servq.core.models import Agency

from ..linkcheck import DEFAULT_TIMEOUT, DEFAULT_WORKERS, LinkOutcome, check_urls
from ..models import LinkCheckResult, LinkCheckRun, WebLink

STALE_AFTER = timedelta(hours=1)


class LinkCheckBusy(Exception):
    pass


def link_check_claim(*, agency: Agency, actor=None, now: datetime | None = None) -> LinkCheckRun:
    """Start a run for the agency; refused while another run of it is going (a run older than
    an hour is taken to have died and is marked abandoned)."""
    now = now or timezone.now()
    LinkCheckRun.objects.filter(agency=agency, status=LinkCheckRun.Status.RUNNING,
                                started_at__lt=now - STALE_AFTER
                                ).update(status=LinkCheckRun.Status.ABANDONED)
    try:
        with transaction.atomic():
            return LinkCheckRun.objects.create(agency=agency, started_at=now, started_by=actor)
    except IntegrityError:
        raise LinkCheckBusy(f"{agency.short_name}的連結檢測正在進行中。") from None


@transaction.atomic
def link_check_finish(*, run: LinkCheckRun, links: list[WebLink], outcomes: list[LinkOutcome],
                      finished_at: datetime | None = None, request=None) -> LinkCheckRun:
    """Record the outcomes (in the order of `links`) and close the run."""
    if len(links) != len(outcomes):
        raise ValueError("one outcome per link")
    LinkCheckResult.objects.bulk_create(
        LinkCheckResult(run=run, link=link, title=link.title, url=link.url, ok=outcome.ok,
                        status_code=outcome.status, final_url=outcome.final_url[:2000],
                        elapsed_ms=outcome.elapsed_ms, error=outcome.error[:300])
        for link, outcome in zip(links, outcomes))
    run.checked = len(outcomes)
    run.healthy = sum(1 for outcome in outcomes if outcome.ok)
    run.broken = run.checked - run.healthy
    run.status = LinkCheckRun.Status.FINISHED
    run.finished_at = finished_at or timezone.now()
    run.save(update_fields=["checked", "healthy", "broken", "status", "finished_at"])
    audit_record(action="ledgers.links.check", request=request, actor=run.started_by,
                 agency=run.agency, target=run,
                 detail={"checked": run.checked, "broken": run.broken})
    return run


def link_check_run(*, agency: Agency, workers: int = DEFAULT_WORKERS,
                   timeout: float = DEFAULT_TIMEOUT, actor=None, request=None) -> LinkCheckRun:
    """Check every published link of the agency now (the network wait is outside any
    transaction)."""
    run = link_check_claim(agency=agency, actor=actor)
    links = list(WebLink.objects.filter(agency=agency, is_active=True))
    try:
        outcomes = check_urls([link.url for link in links], workers=workers, timeout=timeout)
    except BaseException:
        LinkCheckRun.objects.filter(pk=run.pk).update(status=LinkCheckRun.Status.ABANDONED)
        raise
    return link_check_finish(run=run, links=links, outcomes=outcomes, request=request)
