"""Lua scripts that make one message's bookkeeping atomic in Redis.

Each message (task id) has an attempt counter and, once finished, a `done` marker. A script runs
alone on the server, so "seen? -> XADD -> remember -> forget the counter" cannot be cut in half by
a worker dying between two commands: a redelivered message finds the marker and publishes nothing.
"""

from __future__ import annotations

# KEYS: attempts, done. ARGV: ttl. -> -1 when the message already finished, else this attempt's number.
START = """
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return n
"""

# KEYS: attempts, done, published, stream[, claim-checked page]. ARGV: dedup_ttl, done_ttl, maxlen, fields...
# -> {status, entry id}; status 1 appended, 0 this message already finished, 2 same event already
# published by another message (the same page enqueued twice).
PUBLISH_EVENT = """
local done = redis.call('GET', KEYS[2])
if done then return {0, done} end
local status, id = 1, false
if tonumber(ARGV[1]) > 0 then id = redis.call('GET', KEYS[3]) end
if id then
  status = 2
else
  id = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
  if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[3], id, 'EX', ARGV[1]) end
end
redis.call('SET', KEYS[2], id, 'EX', ARGV[2])
redis.call('DEL', KEYS[1])
if KEYS[5] then redis.call('DEL', KEYS[5]) end
return {status, id}
"""

# KEYS: attempts, done, stream[, claim-checked page]. ARGV: done_ttl, maxlen, fields... -> {status, entry id} as above.
PUBLISH_DEAD_LETTER = """
local done = redis.call('GET', KEYS[2])
if done then return {0, done} end
local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
redis.call('SET', KEYS[2], id, 'EX', ARGV[1])
redis.call('DEL', KEYS[1])
if KEYS[4] then redis.call('DEL', KEYS[4]) end
return {1, id}
"""
