"""A mail backend whose server is down (the outside world failing, for the reminder tests)."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionError("mail server unreachable")
