from ..jsonfigures import figures_to_json


def render_json(figures: dict) -> bytes:
    """Every figure of the report: exactly registry.collect(scope), as build_report prints it."""
    return (figures_to_json(figures) + "\n").encode("utf-8")
