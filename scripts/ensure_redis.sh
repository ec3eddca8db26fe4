#!/usr/bin/env bash
# Prints a reachable Redis URL: $REDIS_URL, else localhost:6379, else a throwaway redis-server on a
# free port (its pid in .demo/redis.pid). Exits 1 with advice when none can be found or started.
set -euo pipefail
py=${PYTHON:-.venv/bin/python}

reachable() {
  "$py" - "$1" <<'PY' >/dev/null 2>&1
import sys, redis
redis.Redis.from_url(sys.argv[1], socket_connect_timeout=2).ping()
PY
}

if [ -n "${REDIS_URL:-}" ] && reachable "$REDIS_URL"; then echo "$REDIS_URL"; exit 0; fi
if reachable "redis://localhost:6379/0"; then echo "redis://localhost:6379/0"; exit 0; fi
if command -v redis-server >/dev/null 2>&1; then
  mkdir -p .demo
  port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$PWD/.demo/redis.pid" --logfile "$PWD/.demo/redis.log" --dir "$PWD/.demo" >/dev/null
  for _ in $(seq 50); do reachable "redis://127.0.0.1:$port/0" && { echo "redis://127.0.0.1:$port/0"; exit 0; }; sleep 0.1; done
fi
cat >&2 <<'MSG'
No Redis found. Start one, then run `make demo` again; any of these works:
  docker run -d -p 6379:6379 redis:7            # Docker
  sudo apt-get install redis-server             # Debian/Ubuntu (starts it too)
  brew install redis && brew services start redis   # macOS
or point REDIS_URL at an existing server: REDIS_URL=redis://host:6379/0 make demo
MSG
exit 1
