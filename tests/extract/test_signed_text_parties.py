"""A text told as signed in the passive with no signer named ("a peace agreement between X and Y was
signed in Z on Monday") is signed by the parties it is between (coding guide: signing is SUPPORT by the
signatories). Before, such a signing had no actor; with a headline set apart from its lede, a report
of the Washington signing told this way joined no cluster of the parties' signing."""

from __future__ import annotations

import pytest

from .annotate import arg_codes, events_pipeline, typed_events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


@pytest.mark.parametrize("text", [
    "A peace agreement between Ghana and Togo was signed in Accra on Monday.",
    "The accord between Ghana and Togo was initialled on Monday.",
    "The accord between Ghana and Togo was signed by their foreign ministers on Monday.",  # signers uncoded
])
def test_the_parties_of_a_text_signed_with_no_signer_named_sign_it(pipe, text) -> None:  # type: ignore[no-untyped-def]
    [signing] = typed_events(pipe, text, "SUPPORT")
    assert sorted(arg_codes(signing.actor)) == ["GHA", "TGO"]
    assert "the act of the parties it is between" in signing.why


def test_a_named_signer_stays_the_signer(pipe) -> None:  # type: ignore[no-untyped-def]
    [signing] = typed_events(pipe, "The accord between Ghana and Togo was signed by Benin on Monday.", "SUPPORT")
    assert arg_codes(signing.actor) == ["BEN"]


def test_a_text_of_one_party_gives_no_signers(pipe) -> None:  # type: ignore[no-untyped-def]
    # "Ghana's proposal was signed": one party named is not who signed
    [signing] = typed_events(pipe, "Ghana's draft agreement was signed on Monday.", "SUPPORT")
    assert "the act of the parties it is between" not in (signing.why or "")
