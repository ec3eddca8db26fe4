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

# A claim-checked page's key (optional last KEY) is replaced by an empty tombstone living `tomb_ttl`
# seconds (deleted when 0): a redelivery after the `done` marker expired then finds the tombstone and
# only acks, instead of calling the page missing.
# KEYS: attempts, done, published, stream[, claim-checked page]. ARGV: dedup_ttl, done_ttl, maxlen, fields...
# (the tombstone lives dedup_ttl, as long as the published marker that stops a re-extracted duplicate)
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
if KEYS[5] then
  if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[5], '', 'EX', ARGV[1]) else redis.call('DEL', KEYS[5]) end
end
return {status, id}
"""

# KEYS: attempts, done, stream[, claim-checked page]. ARGV: done_ttl, maxlen, tomb_ttl, fields...
# -> {status, entry id} as above.
PUBLISH_DEAD_LETTER = """
local done = redis.call('GET', KEYS[2])
if done then return {0, done} end
local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 4))
redis.call('SET', KEYS[2], id, 'EX', ARGV[1])
redis.call('DEL', KEYS[1])
if KEYS[4] then
  if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[4], '', 'EX', ARGV[3]) else redis.call('DEL', KEYS[4]) end
end
return {1, id}
"""
