"""Counting stream entries inside Redis, in bounded Lua calls.

Only counts cross the network, never the entries (events carry whole articles, dead letters the
original message), and each call stops after a few thousand entries so Redis is never held long.
"""

from __future__ import annotations

from typing import Any

_COUNT = """
local start, stop, field, limit = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local n, last, done, counts = 0, '', 0, {}
while n < limit do
  local batch = redis.call('XRANGE', KEYS[1], start, stop, 'COUNT', 100)
  for _, entry in ipairs(batch) do
    n = n + 1
    last = entry[1]
    local f = entry[2]
    for i = 1, #f, 2 do
      if f[i] == field then counts[f[i + 1]] = (counts[f[i + 1]] or 0) + 1 break end
    end
  end
  if #batch < 100 then done = 1 break end
  start = '(' .. last
end
local out = {n, last, done}
for value, count in pairs(counts) do out[#out + 1] = value out[#out + 1] = count end
return out
"""


class StreamCounter:
    def __init__(self, client: Any) -> None:
        self._count = client.register_script(_COUNT)

    def count(
        self, stream: str, start: str, stop: str, field: str = "", per_call: int = 5000
    ) -> tuple[int, dict[str, int]]:
        """Entries between the XRANGE bounds `start` and `stop`, and how many carry each value of `field`."""
        total, counts = 0, dict[str, int]()
        while True:
            n, last, done, *pairs = self._count(keys=[stream], args=[start, stop, field, per_call])
            total += n
            for value, count in zip(pairs[::2], pairs[1::2], strict=True):
                key = value.decode("utf-8", "replace")
                counts[key] = counts.get(key, 0) + count
            if done or not last:
                return total, counts
            start = "(" + last.decode()
