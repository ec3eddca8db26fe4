#!/usr/bin/env bash
# `make demo`: a worker, the sample pages through it, the events printed, the worker stopped.
# Every run starts clean and leaves nothing behind: the demo's keys live under their own prefix
# (DEMO_PREFIX) and are deleted before the run (a previous run's pages would otherwise be skipped as
# already published, DEDUP_TTL) and after it. `make demo-clean` (part of `make clean`) deletes them too.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
mkdir -p .demo

export REDIS_URL; REDIS_URL=$(bash scripts/ensure_redis.sh)
export KEY_PREFIX="${DEMO_PREFIX:-article-worker-demo:}"   # the demo's keys, apart from anything else on that Redis
export LOG_FORMAT=text
# The demo's keys: count them, or delete them (a prefix of ours, so nothing else is touched).
demo_keys() {
  "$bin/python" - "$1" <<'PY'
import os, sys
from worker.store.client import make_client
from worker.store.keys import pattern
client, prefix = make_client(os.environ["REDIS_URL"]), os.environ["KEY_PREFIX"]
found = list(client.scan_iter(match=pattern(prefix), count=1000))
if sys.argv[1] == "delete" and found:
    client.delete(*found)
print(len(found))
PY
}
echo "== Redis: $("$bin/python" -c 'import os; from worker.settings import redact_url; print(redact_url(os.environ["REDIS_URL"]))'), key prefix ${KEY_PREFIX}"
echo "== cleared $(demo_keys delete) key(s) a previous demo left under ${KEY_PREFIX}"

cleanup() {
  [ -n "${worker_pid:-}" ] && kill -TERM "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null || true
  [ -n "${worker_pid:-}" ] && echo "== worker stopped; deleted the demo's $(demo_keys delete) key(s) (events kept in .demo/events.jsonl)"
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

count=$(ls samples/*.html samples/*.txt | wc -l)
"$bin/article-worker" enqueue samples/*.html samples/*.txt
echo "== events (title, input format, words, body start):"
"$bin/article-worker" tail -f --after 0 --count "$count" --timeout 60 > .demo/events.jsonl
"$bin/python" - <<'PY'
import json
for line in open(".demo/events.jsonl"):
    e = json.loads(line); a = e["article"]
    print(f"- {a['title']!r} [{a['input_format']}, {a['language']}, {a['word_count']} words]\n    {a['body_text'][:110]!r}...")
PY
got=$(wc -l < .demo/events.jsonl)
echo "== full events in .demo/events.jsonl ($got of $count)"
if [ "$got" -ne "$count" ]; then
  echo "== not every page became an event; what the workers saw:"
  "$bin/article-worker" stats
  exit 2
fi
