"""Document numbers (文號): one sequence per agency and year that never repeats or skips.

The counter row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions
already serialise writers) until the petition that uses the number commits. A transaction
that fails rolls its increment back with it, so no number is lost either.
"""

from django.db import IntegrityError, transaction

from servq.core.models import Agency

from .models import DocumentCounter


def format_number(agency: Agency, year: int, serial: int) -> str:
    """SLY104000123: agency code, ROC year, six-digit serial (typed on the tracking page)."""
    return f"{agency.code.upper()}{year - 1911:03d}{serial:06d}"


def _locked_counter(agency: Agency, year: int) -> DocumentCounter:
    counters = DocumentCounter.objects.select_for_update().filter(agency=agency, year=year)
    counter = counters.first()
    if counter is None:
        try:
            with transaction.atomic():
                DocumentCounter.objects.create(agency=agency, year=year)
        except IntegrityError:  # another writer created this year's counter first
            pass
        counter = counters.get()
    return counter


def reserve_serials(*, agency: Agency, year: int, count: int = 1) -> range:
    """Serials for `count` petitions; call inside the transaction that saves them."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("reserve_serials must run inside the transaction that uses them")
    counter = _locked_counter(agency, year)
    first = counter.last_serial + 1
    counter.last_serial += count
    counter.save(update_fields=["last_serial"])
    return range(first, first + count)
