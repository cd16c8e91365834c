"""The seed report's facts (../shared/seed-figures.json, the 2015 H1 report of the Shilin
branch), kept in the project once for every app's tests: its figures, never its sentences."""

from pathlib import Path

SEED_FIGURES = Path(__file__).with_name("seed_figures.json")
