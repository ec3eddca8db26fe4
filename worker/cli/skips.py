"""What a bulk command did not send, and why: one category per reason, a summary at the end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

NON_RESPONSE = "not a response record"
NOT_200 = "HTTP status not 200"
NON_HTML = "not HTML or text"
TOO_LARGE = "too large"
UNREADABLE = "unreadable"
INVALID = "invalid RawPage"
NOT_A_PAGE_FILE = "not a page file"
MISSING = "no such file or directory"


@dataclass(frozen=True)
class Skipped:
    source: str
    why: str  # one of the categories above
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.why}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class SkipReport:
    """Counts per category, the most frequent details, and the first source of each category."""

    counts: Counter[str] = field(default_factory=Counter)
    details: dict[str, Counter[str]] = field(default_factory=dict)
    first: dict[str, str] = field(default_factory=dict)

    def add(self, skipped: Skipped) -> None:
        self.counts[skipped.why] += 1
        self.details.setdefault(skipped.why, Counter())[skipped.detail] += 1
        self.first.setdefault(skipped.why, skipped.source)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        out = []
        for why, count in self.counts.most_common():
            common = ", ".join(f"{d} ×{n}" for d, n in self.details[why].most_common(3) if d)
            out.append(f"  {count} {why}" + (f": {common}" if common else "") + f"  (first: {self.first[why]})")
        return out
