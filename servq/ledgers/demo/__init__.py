"""Shilin's 2015 first-half records, spread over the months, giving the seed report's figures.

Run by `python manage.py load_demo` after core's loader; each part skips itself when its
records are already there, so running it twice changes nothing.
"""

from django.apps import apps
from django.contrib.auth import get_user_model

from servq.core.models import Agency

from servq.ledgers import reference_data

from . import activities, collections, indicators, people


def load(*, stdout) -> None:
    # The migration installs the reference data; a flushed database (or an admin who deleted a
    # row) gets it back here, since the records below refer to it.
    reference_data.load(apps)
    shilin = Agency.objects.get(code="sly")
    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="sly-")}
    done = [
        indicators.load(shilin, users["sly-secretariat"]),
        activities.load(shilin, users["sly-secretariat"]),
        people.load(shilin, users),
        collections.load(shilin, users["sly-accounting"]),
    ]
    parts = [part for part in done if part]
    stdout.write("ledgers: " + ("; ".join(parts) if parts else "Shilin 2015 records already loaded"))
