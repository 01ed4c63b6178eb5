"""The synthetic corpus generator (bench/corpus.py): deterministic, and its truth matches its articles."""

import json

from bench.corpus import article, read_truth, write_corpus


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_the_same_bytes(tmp_path):
    write_corpus(tmp_path / "a", 40, seed=7)
    write_corpus(tmp_path / "b", 40, seed=7)
    write_corpus(tmp_path / "c", 40, seed=8)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert a == b
    assert len(a) == 41  # 40 articles and truth.jsonl
    assert a != c


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path):
    write_corpus(tmp_path / "small", 10, seed=3)
    write_corpus(tmp_path / "large", 12, seed=3)
    small, large = _files(tmp_path / "small"), _files(tmp_path / "large")
    assert all(large[name] == data for name, data in small.items() if name != "truth.jsonl")
    assert large["truth.jsonl"].startswith(small["truth.jsonl"])
    write_corpus(tmp_path / "small", 12, seed=3, start=10)  # grown by two articles
    assert _files(tmp_path / "small") == large


def test_every_truth_claim_is_in_its_article(tmp_path):
    write_corpus(tmp_path, 150, seed=1)
    texts = {}
    for path in (tmp_path / "articles").iterdir():
        texts[path.stem] = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    truth = read_truth(tmp_path / "truth.jsonl")
    assert len(truth) >= 150
    assert {c["source_id"] for c in truth} <= set(texts)
    for claim in truth:
        text = texts[claim["source_id"]]
        start = claim["figure_start"]
        assert text[start:start + len(claim["figure"])] == claim["figure"], claim
        assert claim["value"] > 0
    kinds = {(c["subject"], c["qualifier"], c["measure"]) for c in truth}
    assert len(kinds) > 10  # varied: subjects, hedges, measures
    assert any(c["claimant"] is None for c in truth) and any(c["claimant"] for c in truth)


def test_an_article_is_a_pure_function_of_seed_and_number():
    assert article(5, 17) == article(5, 17)
    name, data, truth = article(5, 17)
    assert name.startswith("0000017_") and name.endswith(".txt")
    assert json.dumps(truth)
