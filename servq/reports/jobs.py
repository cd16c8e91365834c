"""Report builds as background jobs, claimed from the database.

A worker claims a build with a conditional UPDATE (`... WHERE pk = %s AND status = 'queued'`):
the database lets exactly one of two racing workers change the row, so no build runs twice.
A running build whose worker stopped reporting for STALE_AFTER is claimed again the same way
(the condition then includes the old heartbeat).

Workers: `python manage.py run_report_jobs` (production: run it as a service or from cron),
and, for the development server only, a thread started in the web process after a build is
requested (settings.REPORT_BUILD_IN_PROCESS, default on when DEBUG and not testing). Both claim
the same way, so running both at once is safe.
"""

import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import F, Q
from django.utils import timezone

from .models import ReportBuild
from .services import build_run

STALE_AFTER = timedelta(minutes=10)


def worker_name(kind: str = "worker") -> str:
    return f"{kind}@{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def claim(build_id: int, worker: str, *, status=ReportBuild.Status.QUEUED, heartbeat=None) -> bool:
    """Take one build if it is still in the state we saw; True if this worker got it."""
    now = timezone.now()
    condition = Q(pk=build_id, status=status)
    if status == ReportBuild.Status.RUNNING:
        condition &= Q(heartbeat_at=heartbeat) if heartbeat else Q(heartbeat_at__isnull=True)
    return ReportBuild.objects.filter(condition).update(
        status=ReportBuild.Status.RUNNING, claimed_by=worker[:100], started_at=now,
        heartbeat_at=now, attempts=F("attempts") + 1, progress=0,
    ) == 1


def claim_next(worker: str) -> ReportBuild | None:
    """The oldest waiting build (or a stale running one), claimed for this worker."""
    stale = timezone.now() - STALE_AFTER
    candidates = (
        ReportBuild.objects.filter(
            Q(status=ReportBuild.Status.QUEUED)
            | Q(status=ReportBuild.Status.RUNNING, heartbeat_at__lt=stale))
        .order_by("requested_at", "pk")
        .values_list("pk", "status", "heartbeat_at")[:20]
    )
    for pk, status, heartbeat in candidates:
        if claim(pk, worker, status=status, heartbeat=heartbeat):
            return ReportBuild.objects.select_related(
                "agency", "template_version__template").get(pk=pk)
    return None


def run_pending(*, worker: str, limit: int | None = None) -> int:
    """Run waiting builds until none is left (or `limit` were run); how many were run."""
    done = 0
    while limit is None or done < limit:
        build = claim_next(worker)
        if build is None:
            break
        build_run(build=build)
        done += 1
    return done


_thread_lock = threading.Lock()
_thread: threading.Thread | None = None


def in_process_enabled() -> bool:
    default = settings.DEBUG and not getattr(settings, "TESTING", False)
    return bool(getattr(settings, "REPORT_BUILD_IN_PROCESS", default))


def start_in_process_worker() -> bool:
    """Start a thread that runs waiting builds (development server); False if disabled or
    one is already running (it will pick the new build up)."""
    global _thread
    if not in_process_enabled():
        return False
    with _thread_lock:
        if _thread is not None and _thread.is_alive():
            return False

        def work():
            try:
                close_old_connections()
                run_pending(worker=worker_name("thread"))
            finally:
                connection.close()

        _thread = threading.Thread(target=work, name="servq-report-builds", daemon=True)
        _thread.start()
        return True
