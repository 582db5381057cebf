"""A property-based run over the generated OpenAPI schema (schemathesis): requests made from every
operation's parameters, derandomized and bounded, never get a server error, and every answer has
the status and shape the schema declares."""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import schemathesis
    from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def test_no_request_makes_a_server_error(app) -> None:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, derandomize=True, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        def run(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            said = f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
            assert response.status_code < 500, said
            case.validate_response(response, checks=CHECKS)

        run()
