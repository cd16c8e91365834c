import pytest

from servq.api.tokens import api_token_create
from servq.petitions.reference import ensure_rules


@pytest.fixture
def api(cast, office_calendar_2015, client):
    """(client, headers) for Shilin's document-system token."""
    ensure_rules(cast.sly)
    _, key = api_token_create(agency=cast.sly, name="公文系統")
    return client, {"HTTP_AUTHORIZATION": f"Token {key}"}
