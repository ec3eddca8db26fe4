#!/usr/bin/env bash
# `make demo`: a worker, the sample pages through it, the events printed, the worker stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
mkdir -p .demo

export REDIS_URL; REDIS_URL=$(bash scripts/ensure_redis.sh)
export KEY_PREFIX="${KEY_PREFIX:-demo:}"   # keep the demo's keys apart from anything else on that Redis
echo "== Redis: $("$bin/python" -c 'import os; from worker.settings import redact_url; print(redact_url(os.environ["REDIS_URL"]))'), key prefix ${KEY_PREFIX}"

cleanup() {
  [ -n "${worker_pid:-}" ] && kill -TERM "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null || true
  [ -f .demo/redis.pid ] && kill "$(cat .demo/redis.pid)" 2>/dev/null && rm -f .demo/redis.pid || true
}
trap cleanup EXIT

"$bin/article-worker" worker --concurrency 2 -n "demo-$$@%h" > .demo/worker.log 2>&1 &
worker_pid=$!
for _ in $(seq 100); do
  "$bin/article-worker" check --quiet 2>/dev/null && break
  kill -0 "$worker_pid" 2>/dev/null || { echo "worker failed to start:"; cat .demo/worker.log; exit 1; }
  sleep 0.2
done
echo "== worker started (log: .demo/worker.log)"

last=$("$bin/python" -c 'from worker.settings import Settings; from worker.store.client import make_client; from worker.store.keys import Keys; s=Settings(); e=make_client(s.redis_url).xrevrange(Keys(s).results, count=1); print(e[0][0].decode() if e else "0")')
count=$(ls samples/*.html samples/*.txt | wc -l)
"$bin/article-worker" enqueue samples/*.html samples/*.txt
echo "== events (title, input format, words, body start):"
"$bin/article-worker" tail --after "$last" --count "$count" --timeout 60 > .demo/events.jsonl
"$bin/python" - <<'PY'
import json
for line in open(".demo/events.jsonl"):
    e = json.loads(line); a = e["article"]
    print(f"- {a['title']!r} [{a['input_format']}, {a['language']}, {a['word_count']} words]\n    {a['body_text'][:110]!r}...")
PY
echo "== full events in .demo/events.jsonl ($(wc -l < .demo/events.jsonl) of $count)"
[ "$(wc -l < .demo/events.jsonl)" -eq "$count" ]
