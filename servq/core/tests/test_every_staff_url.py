"""Every staff page sends an anonymous visitor to log in, for GET and POST alike, before it
looks anything up: the routes are walked from the URL configuration, so a page added later
without the login check in front of access.py fails here."""

import re

from django.urls import URLResolver, get_resolver, reverse

# a real agency for <agency>, dummy values elsewhere: the refusal must come before any lookup
VALUES = {"agency": "sly"}
DUMMY = {"int": "1", "slug": "x", "str": "x", "path": "x",
         "uuid": "00000000-0000-0000-0000-000000000001"}
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def staff_routes(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from staff_routes(entry.url_patterns, route)
        elif route.startswith("staff/"):
            yield route


def url_for(route: str) -> str:
    return "/" + PARAMETER.sub(
        lambda m: VALUES.get(m["name"], DUMMY[m["converter"] or "str"]), route)


ROUTES = sorted(set(staff_routes()))


def test_it_finds_the_staff_pages_of_every_app():
    apps = {route.split("/")[2] for route in ROUTES if route.count("/") > 2}
    assert {"surveys", "petitions", "ledgers", "reports", "portal", "audit"} <= apps
    assert all("<" not in url_for(route) for route in ROUTES)


def test_it_sends_anonymous_visitors_to_log_in(agencies, client):
    login = reverse("login") + "?next="
    not_sent_to_log_in = []
    for route in ROUTES:
        for method in ("GET", "POST"):
            response = client.generic(method, url_for(route))
            if response.status_code != 302 or not response["Location"].startswith(login):
                not_sent_to_log_in.append((method, url_for(route), response.status_code))
    assert not_sent_to_log_in == []
