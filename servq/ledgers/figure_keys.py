"""The keys the ledgers' figures use besides the indicators' own codes.

An indicator defined in the admin becomes a figure under its code, so its code must not be one
of these (Indicator.clean refuses them).
"""

LEDGER_FIGURE_KEYS = frozenset({
    "stationed_staff",
    "phone_courtesy_self", "phone_courtesy_hq",
    "attitude_baseline",
    "lunch_duty_services",
    "collections", "store_collections", "insurance_collections", "store_payment_threshold",
    "web_links",
    "trainings", "trainings_totals", "public_welfare", "public_welfare_totals",
    "facility_inspections",
})
# Not among them: `web_updates`, the portal's news count, which an indicator of that code
# replaces for an agency whose website is not servq's portal (figures.py).
