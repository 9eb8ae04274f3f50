"""Experiment: does a learned second opinion over the rule coder's events beat the rules?

Issue 9 asks for a model that scores each candidate event and filters the rule output. This
script measures the simplest honest version: a logistic regression over what the coder
knows about each event (CAMEO root, rule family, how each actor was resolved, planned,
historical, quote, sentence load), trained on the tuned-on half of guardian-syria.dev
(labels: does the event match a gold triple), its threshold chosen by leave-one-article-out
cross-validation on that half, and then applied once to the held-back half.

    .venv/bin/python scripts/second_opinion.py            # needs ../shared/gold

It prints triple F1 per threshold for both halves. The model is not shipped: on the
tuned-on half no threshold beats keeping every event (docs/accuracy.md, "Learned second
opinion"). numpy only; no new dependency.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

from parley.evaluate import ParleyCoder, load_gold, match_document
from parley.evaluate.split import HELD, TUNE, half_of
from parley.records import Event

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
ARTICLES = GOLD / "guardian-syria.dev.jsonl"
THRESHOLDS = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
_RESOLUTION_STEPS = ("sentence-country", "article-country", "np-country", "implied", "place",
                     "ethnic", "held-by")


def features(e: Event, sentence_events: int) -> dict[str, float]:
    """What the coder knows about one of its events, as named numeric features."""
    f: dict[str, float] = {f"root={e.cameo_root}": 1, f"rule={e.rule.split(':')[0]}": 1}
    for side, actor in (("src", e.source), ("tgt", e.target)):
        if actor is None:
            f[f"{side}=none"] = 1
            continue
        f[f"{side}_role={actor.role}"] = 1
        f[f"{side}_country"] = float(bool(actor.country))
        f[f"{side}_named"] = float(bool(actor.name))
        for step in _RESOLUTION_STEPS:
            if step in (actor.rule or ""):
                f[f"{side}_{step}"] = 1
    if e.source and e.target and e.source.country and e.source.country == e.target.country:
        f["domestic"] = 1
    f.update(planned=float(e.planned), historical=float(e.historical),
             quote=float(e.quote is not None), confidence=e.confidence,
             load=min(5, sentence_events) / 5, dated=float(e.date is not None))
    return f


def candidates(coder: ParleyCoder) -> list[tuple[str, str, int, dict[str, float]]]:
    """(half, article id, label, features) for every event the coder finds."""
    gold = load_gold(ARTICLES)
    rows = []
    articles = [r.to_article(source=str(ARTICLES)) for r in gold.records]
    for rec, (_, events) in zip(gold.records, coder.code_articles(articles), strict=True):
        m = match_document(rec.events, events)
        good = set(m.pairs.values())
        per_sentence = Counter(e.sentence_index for e in events)
        for i, e in enumerate(events):
            if i in m.mirrors:
                continue  # the other direction of a matched symmetric event: neither way
            rows.append((half_of(rec.id), rec.id, int(i in good),
                         features(e, per_sentence[e.sentence_index])))
    return rows


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 1500) -> np.ndarray:
    """L2-regularised logistic regression by gradient descent."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.5 * (x.T @ (p - y) + l2 * w) / len(y)
    return w


def matrix(rows: list, vocab: list[str]) -> np.ndarray:
    index = {k: i for i, k in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1
    for j, (_, _, _, f) in enumerate(rows):
        for k, v in f.items():
            if k in index:
                x[j, index[k]] = v
    return x


def f1(rows: list, keep: list[bool], gold_triples: int) -> tuple[int, int, float]:
    tp = sum(r[2] for r, k in zip(rows, keep, strict=True) if k)
    found = sum(keep)
    p, r = tp / max(1, found), tp / gold_triples
    return tp, found, 2 * p * r / max(1e-9, p + r)


def main() -> None:
    if not ARTICLES.exists():
        sys.exit(f"second_opinion: {ARTICLES} not found (the dev gold sets sit beside the repo)")
    gold = load_gold(ARTICLES)
    triples = {h: sum(len(match_document(r.events, []).triples) for r in gold.records
                      if half_of(r.id) == h) for h in (TUNE, HELD)}
    rows = candidates(ParleyCoder.load())
    tune = [r for r in rows if r[0] == TUNE]
    held = [r for r in rows if r[0] == HELD]
    counts = Counter(k for r in tune for k in r[3])
    vocab = sorted(k for k, n in counts.items() if n >= 2)
    y = np.array([r[2] for r in tune], dtype=float)
    w = fit(matrix(tune, vocab), y)
    cv = np.zeros(len(tune))
    for doc in sorted({r[1] for r in tune}):
        inside = [i for i, r in enumerate(tune) if r[1] != doc]
        out = [i for i, r in enumerate(tune) if r[1] == doc]
        w_doc = fit(matrix([tune[i] for i in inside], vocab), y[inside], steps=600)
        cv[out] = 1 / (1 + np.exp(-matrix([tune[i] for i in out], vocab) @ w_doc))
    scores = 1 / (1 + np.exp(-matrix(held, vocab) @ w))
    print(f"{len(tune)} tuned-on candidates ({int(y.sum())} right), {len(held)} held-back")
    print("threshold  tuned-on (cross-validated) TP/kept/F1   held-back TP/kept/F1")
    for t in THRESHOLDS:
        a = f1(tune, [s >= t for s in cv], triples[TUNE])
        b = f1(held, [s >= t for s in scores], triples[HELD])
        print(f"{t:9.2f}  {a[0]:4d} {a[1]:4d} {a[2]:.3f}                   "
              f"{b[0]:4d} {b[1]:4d} {b[2]:.3f}")


if __name__ == "__main__":
    main()
