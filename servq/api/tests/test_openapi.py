"""The hand-written OpenAPI document matches the URL patterns and the real answers."""

import json
import re

from django.urls import reverse

from servq.api import urls as api_urls

from .test_api import NEW, post


def resolve(document, schema):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def conforms(document, schema, value, path="$") -> list[str]:
    """The few JSON Schema words this document uses: type, enum, required, properties,
    additionalProperties, items, format=date."""
    schema = resolve(document, schema)
    problems = []
    types = schema.get("type")
    if types:
        allowed = types if isinstance(types, list) else [types]
        python = {"string": str, "boolean": bool, "object": dict, "array": list,
                  "integer": int, "null": type(None)}
        if not any(isinstance(value, python[t]) for t in allowed):
            return [f"{path}: {value!r} is not {allowed}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{path}: {value!r} not in enum")
    if schema.get("format") == "date" and isinstance(value, str) and not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", value):
        problems.append(f"{path}: {value!r} is not a date")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        problems += [f"{path}: missing {key}" for key in schema.get("required", [])
                     if key not in value]
        for key, item in value.items():
            if key in props:
                problems += conforms(document, props[key], item, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{path}: unexpected {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                problems += conforms(document, schema["additionalProperties"], item,
                                     f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            problems += conforms(document, schema["items"], item, f"{path}[{n}]")
    return problems


def test_it_documents_every_route(client):
    document = client.get(reverse("api:openapi")).json()
    documented = set(document["paths"])
    routed = {"/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(p.pattern))
              for p in api_urls.urlpatterns}
    assert routed == documented
    assert document["openapi"].startswith("3.1")


def test_its_answers_match_the_document(api):
    client, headers = api
    document = client.get(reverse("api:openapi")).json()
    operation = document["paths"]["/v1/{agency}/petitions/"]["post"]
    schema = lambda op, code: op["responses"][code]["content"]["application/json"]["schema"]  # noqa
    cases = [
        (post(client, headers, NEW), operation, "201"),
        (post(client, headers, NEW), operation, "200"),
        (post(client, headers, {"channel": "x"}), operation, "400"),
        (post(client, {}, NEW), operation, "401"),
        (post(client, headers, NEW, agency="tpy"), operation, "404"),
    ]
    number = cases[0][0].json()["number"]
    get = document["paths"]["/v1/{agency}/petitions/{number}/"]["get"]
    cases += [
        (client.get(reverse("api:petition", kwargs={"agency": "sly", "number": number}),
                    **headers), get, "200"),
        (client.get(reverse("api:petition", kwargs={"agency": "sly", "number": "X"}),
                    **headers), get, "404"),
    ]
    for response, op, code in cases:
        assert str(response.status_code) == code
        assert conforms(document, schema(op, code), json.loads(response.content)) == [], code
    # The request example conforms to the request schema too.
    request_schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert conforms(document, request_schema, NEW) == []


def test_it_would_notice_an_undocumented_field(api):
    client, headers = api
    document = client.get(reverse("api:openapi")).json()
    body = post(client, headers, NEW).json() | {"petitioner_name": "x"}
    assert conforms(document, {"$ref": "#/components/schemas/PetitionStatus"}, body) == [
        "$: unexpected petitioner_name"]
