import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.config import load_config
from peacewatch.errors import ConfigError
from peacewatch.pipeline import Pipeline, register
from peacewatch.types import Document


class Boom:
    name = "boom"
    requires = ("tokens",)
    provides = ()

    def __call__(self, ann):
        if "boom" in ann.document.text:
            raise RuntimeError("exploded")
        return ann


register("test-boom", requires=("tokens",), provides=())(lambda config: Boom())
register("test-needs-quotes", requires=("quotes-not-there",), provides=())(lambda config: Boom())


def test_unknown_component_is_refused(nlp):
    with pytest.raises(ConfigError) as err:
        Pipeline.build(load_config(pipeline=["no-such-thing"]), nlp=nlp)
    assert err.value.code == "E022"


def test_unmet_requirement_is_refused_at_build_time(nlp):
    with pytest.raises(ConfigError) as err:
        Pipeline.build(load_config(pipeline=["test-needs-quotes"]), nlp=nlp)
    assert err.value.code == "E023" and "quotes-not-there" in err.value.message


def test_a_failing_component_fails_one_document_and_the_batch_goes_on(make_pipeline):
    pipe = make_pipeline("mentions", "test-boom")
    docs = [Document("a", "Kenya and Uganda met."), Document("b", "boom goes it"),
            Document("c", "Talks resumed in Nairobi.")]
    results = list(pipe.annotate(docs))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert results[1].error is not None and results[1].error.code == "E030"
    assert "exploded" in results[1].error.message
    assert results[0].error is None and results[2].error is None
    assert any(m.text == "Nairobi" for m in results[2].mentions)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_every_span_slices_the_text(make_pipeline, text):
    pipe = make_pipeline(*load_config().pipeline)
    [result] = list(pipe.annotate([Document("h", text, published="2024-01-15")]))
    for m in result.mentions:
        assert text[m.start:m.end] == m.text
    for t in result.timexes:
        assert text[t.start:t.end] == t.text
    for q in result.quotes:
        for span in (q.content_span, q.speaker_span, q.cue_span):
            assert span is None or 0 <= span[0] <= span[1] <= len(text)
    for ev in result.events:
        assert 0 <= ev.trigger_span[0] <= ev.trigger_span[1] <= len(text)
