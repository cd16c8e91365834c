"""Questionnaire fixtures: the seed questionnaire's structure, Shilin's 2015 demo responses,
a service shortcut for one response, and CSV files for imports."""

import json
import uuid
from datetime import date
from io import StringIO
from pathlib import Path

import pytest

from servq.core.tabular import csv_bytes
from servq.surveys import demo
from servq.surveys.services import survey_response_submit
from servq.surveys.structure import load_structure, questionnaire_in_effect

SEED_FILE = Path(__file__).parent / "seed_2015q2.json"


@pytest.fixture(scope="session")
def seed():
    """The seed report's questionnaire and 2015Q2 figures (see the file's "source")."""
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def structure(agencies):
    return load_structure(questionnaire_in_effect(agencies["sly"], date(2015, 6, 30)))


@pytest.fixture
def shilin_2015(agencies, office_calendar_2015):
    """Shilin's demo responses: 33 in 2015Q1, 26 in 2015Q2."""
    demo.load(stdout=StringIO())
    return agencies["sly"]


@pytest.fixture
def submit(structure):
    """submit(agency, day, answers, channel="web", **more) through the real service."""

    def submit_one(agency, day: date, answers: dict, channel: str = "web", **more):
        return survey_response_submit(structure=structure, agency=agency, submitted_on=day,
                                      channel=channel, answers=answers,
                                      token=more.pop("token", uuid.uuid4()), **more).response

    return submit_one


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(header, rows, name="responses.csv") -> path of a CSV as Excel writes it."""

    def write(header: list[str], rows: list[list], name: str = "responses.csv") -> Path:
        path = tmp_path / name
        path.write_bytes(csv_bytes(header, rows))
        return path

    return write
