#!/usr/bin/env bash
# `make demo`: code the bundled sample corpus into a fresh parley.db and show what Parley finds.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PARLEY=.venv/bin/parley
DB=${PARLEY_DEMO_DB:-parley.db}  # tests point this elsewhere

rm -f "$DB" "$DB-wal" "$DB-shm"
CORPUS=$("$PY" -c 'from parley.store.demo import corpus_path; print(corpus_path())')

echo "== Ingesting the demo corpus ($(wc -l < "$CORPUS") articles) into $DB"
"$PARLEY" ingest "$CORPUS" --db "$DB"

echo
echo "== The busiest pairs of actors"
"$PARLEY" dyad --db "$DB" --limit 8

# The time series of the busiest pair, both directions.
PAIR=$("$PARLEY" dyad --db "$DB" --limit 1 --format jsonl \
    | "$PY" -c 'import json, sys; rows = [json.loads(l) for l in sys.stdin]; print(rows[0]["a"], rows[0]["b"]) if rows else None')
if [ -n "$PAIR" ]; then
    echo
    echo "== How they treated each other, by quarter"
    # shellcheck disable=SC2086
    "$PARLEY" dyad $PAIR --by quarter --db "$DB"
fi

# The event reported by the most outlets, with every sentence that reports it.
EVENT=$("$PARLEY" events --db "$DB" --limit 1000 --format jsonl \
    | "$PY" -c 'import json, sys; rows = [json.loads(l) for l in sys.stdin]; rows.sort(key=lambda r: (-r["num_sources"], -r["num_mentions"], r["event_id"])); print(rows[0]["event_id"] if rows else "")')
if [ -n "$EVENT" ]; then
    echo
    echo "== One event and its evidence"
    "$PARLEY" show "$EVENT" --db "$DB"
fi

echo
echo "Explore it in the dashboard:"
echo "  .venv/bin/parley serve --db $DB"
echo "then open http://127.0.0.1:8000/"
