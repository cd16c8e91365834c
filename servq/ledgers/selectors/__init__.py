"""Reads for the ledgers' screens and figures; they aggregate in the database."""
