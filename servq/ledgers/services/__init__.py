"""Writes to the ledgers: every change goes through a service here (views and commands call
them)."""
