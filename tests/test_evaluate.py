"""Scoring the machine reader: how figures are matched and fields counted."""

from etl.evaluate import match_claims, score


def claim(source="s", value=1000, subject="bodies", side="ukraine", at=0, **fields):
    row = {"source_id": source, "value": value, "subject": subject, "side": side, "figure_start": at, "figure": str(value),
           "qualifier": "exact", "measure": "transferred", "recipient": side, "claimant_id": "kyiv", "as_of": None, "quote": ""}
    row.update(fields)
    return row


def test_figures_match_on_value_subject_and_side_nearest_first():
    curated = [claim(at=10), claim(at=200)]
    machine = [claim(at=205), claim(at=12)]
    pairs, missed, spurious = match_claims(curated, machine)
    assert [(c["figure_start"], m["figure_start"]) for c, m in pairs] == [(10, 12), (200, 205)]
    assert missed == [] and spurious == []


def test_a_wrong_side_is_both_a_miss_and_a_spurious_claim():
    result = score([claim(side="ukraine")], [claim(side="russia")])
    figure = result.scores["figure"]
    assert (figure.right, figure.found, figure.expected) == (0, 1, 1)
    assert figure.precision == 0 and figure.recall == 0
    assert len(result.missed) == 1 and len(result.spurious) == 1


def test_a_field_counts_only_when_its_figure_is_right_too():
    curated = [claim(at=0), claim(value=19, side="russia", at=50)]
    machine = [claim(at=0, measure="cumulative")]
    result = score(curated, machine)
    assert result.scores["figure"].precision == 1.0 and result.scores["figure"].recall == 0.5
    assert result.scores["measure"].right == 0 and result.scores["qualifier"].right == 1
    assert [name for name, _, _ in result.wrong] == ["measure"]


def test_failures_name_the_measures_below_target():
    result = score([claim()], [claim(claimant_id="moscow")])
    assert result.failures() == ["claimant_id"]


def test_claims_are_matched_within_their_own_source():
    result = score([claim(source="a")], [claim(source="b")])
    assert result.scores["figure"].right == 0
