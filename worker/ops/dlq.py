"""The dead-letter stream as an operator sees it: list, show, replay, purge.

Replay re-enqueues the original message verbatim (a new task id, so it gets fresh attempts; a large
one by claim check) and then deletes the letter: a crash in between leaves both, never neither.
Retention is the stream's approximate MAXLEN (DEAD_LETTER_MAXLEN), applied on every write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from schemas import DeadLetter

from ..settings import Settings
from ..store.keys import Keys

_BATCH = 500


@dataclass(frozen=True)
class Entry:
    id: str
    letter: DeadLetter


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def entries(client: Any, settings: Settings, reason: str | None = None) -> Iterator[Entry]:
    """Oldest first, optionally only one reason code; reads the stream in batches."""
    stream, start = Keys(settings).dead_letters, "-"
    while True:
        batch = client.xrange(stream, min=start, max="+", count=_BATCH)
        for entry_id, fields in batch:
            if reason is None or _text(fields.get(b"reason", b"")) == reason:
                yield Entry(_text(entry_id), DeadLetter.model_validate_json(fields[b"dead_letter"]))
        if len(batch) < _BATCH:
            return
        start = "(" + _text(batch[-1][0])


def get(client: Any, settings: Settings, entry_id: str) -> Entry | None:
    found = client.xrange(Keys(settings).dead_letters, min=entry_id, max=entry_id)
    return Entry(_text(found[0][0]), DeadLetter.model_validate_json(found[0][1][b"dead_letter"])) if found else None


def replayable(letter: DeadLetter) -> str | None:
    """Why this letter cannot be replayed, or None when it can."""
    if letter.stage != "task":
        return f"refused by the {letter.stage} stage (not a task argument)"
    if letter.original_truncated or letter.original_encoding != "utf-8":
        return "only a truncated or binary copy of the message is kept"
    return None


def replay(
    client: Any, settings: Settings, selected: list[Entry], send: Callable[[str], object]
) -> tuple[int, list[str]]:
    """Re-enqueue each replayable letter's original message with `send` (the producer's `send_text`:
    a large one by claim check, as `enqueue` sends it), then delete the letter."""
    sent, skipped = 0, []
    for entry in selected:
        why = replayable(entry.letter)
        if why:
            skipped.append(f"{entry.id}: {why}")
            continue
        send(entry.letter.original)
        client.xdel(Keys(settings).dead_letters, entry.id)
        sent += 1
    return sent, skipped


def purge(client: Any, settings: Settings, selected: list[Entry]) -> int:
    stream = Keys(settings).dead_letters
    ids = [entry.id for entry in selected]
    return sum(int(client.xdel(stream, *ids[i : i + _BATCH])) for i in range(0, len(ids), _BATCH))
