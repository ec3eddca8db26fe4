"""All configuration, from environment variables, with defaults that work on a laptop."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from schemas import PageType

MB = 1024 * 1024


class Settings(BaseSettings):
    """One class, read once per process; every variable is documented in the README."""

    # env_ignore_empty: an empty variable (compose passes `${X:-}` through) means "use the default".
    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False, env_ignore_empty=True)

    redis_url: str = "redis://localhost:6379/0"
    key_prefix: str = Field("", description="Prepended to every Redis key we and kombu use.")
    pages_queue: str = "pages"
    results_stream: str = "articles"
    dead_letter_stream: str = "articles:dead"
    skipped_stream: str = Field("articles:skipped", description="Stream of SkippedPage records (other page types).")
    intake_stream: str = "pages:in"
    intake_group: str = "intake"
    intake_batch: int = Field(100, ge=1, description="Entries one intake reads per round.")
    intake_claim_idle: float = Field(
        60.0, gt=0, description="Seconds an entry stays pending with a silent intake before another claims it."
    )
    results_maxlen: int = Field(1_000_000, ge=1, description="Approximate MAXLEN of the results stream.")
    dead_letter_maxlen: int = Field(100_000, ge=1, description="Approximate MAXLEN of the dead-letter stream.")
    skipped_maxlen: int = Field(1_000_000, ge=1, description="Approximate MAXLEN of the skipped-page stream.")
    accept_page_types: Annotated[frozenset[PageType], NoDecode] = Field(
        frozenset({"article"}),
        min_length=1,
        description="Page types published as article events (comma-separated); others become skipped pages.",
    )

    visibility_timeout: int = Field(300, ge=1, description="Seconds before an unacked page is redelivered.")
    restore_interval: int = Field(10, ge=1, description="Seconds between sweeps for unacked pages.")
    reliable_fetch: bool = Field(True, description="Fetch with BLMOVE so a killed worker cannot lose a page.")
    soft_time_limit: float = Field(20.0, gt=0)
    hard_time_limit: float = Field(30.0, gt=0)
    max_attempts: int = Field(5, ge=1, description="Executions of one message before it is dead-lettered.")
    retry_backoff: float = Field(1.0, gt=0, description="First retry delay (s); doubles, with full jitter.")
    retry_backoff_max: float = Field(60.0, gt=0)
    dedup_ttl: int = Field(86_400, ge=0, description="Seconds an event id is remembered to skip re-publishing.")

    claim_check_bytes: int = Field(
        16_384,
        ge=0,
        description="Pages whose JSON is at least this many characters wait in their own key; the queue "
        "carries the key (0: never).",
    )
    claim_check_ttl: int = Field(
        7 * 86_400, ge=60, description="Seconds a claim-checked page may wait in the queue before it expires."
    )

    max_message_bytes: int = Field(14 * MB, ge=1024, description="Largest message accepted (base64 inflates 4/3).")
    max_page_bytes: int = Field(10 * MB, ge=1024, description="Largest page after base64/gzip decoding.")
    max_dom_nodes: int = Field(60_000, ge=100, description="Most elements in a page (counted before parsing).")
    max_dom_depth: int = Field(250, ge=16, le=250, description="Deepest element nesting (libxml2 stops at 255).")
    max_dom_blocks: int = Field(25_000, ge=100, description="Most block elements (each one a scored segment).")
    max_text_chars: int = Field(2_000_000, ge=10_000, description="Most characters of text in a page's body.")
    max_links: int = Field(20_000, ge=100, description="Most elements with an href or src in a page.")
    max_page_attributes: int = Field(200_000, ge=1000, description="Most attributes in a whole page.")
    max_attributes: int = Field(500, ge=16, description="Most attributes on one element (counted before parsing).")
    max_entity_refs: int = Field(100_000, ge=100, description="Most '&' (entity references) in a page.")
    max_jsonld_chars: int = Field(1 * MB, ge=1024, description="Largest JSON-LD block read; larger ones are ignored.")
    max_jsonld_depth: int = Field(64, ge=4, description="Deepest JSON-LD nesting read; deeper blocks are ignored.")
    dead_letter_original_bytes: int = Field(
        1 * MB, ge=1024, description="Largest original message copied verbatim into a dead letter."
    )

    concurrency: int | None = Field(None, ge=1, description="Pool processes per worker; default: CPU count.")
    prefetch_multiplier: int = Field(
        2, ge=1, description="Pages reserved per pool process: 2 fetches the next page during the current one."
    )
    max_tasks_per_child: int = Field(1_000, ge=1)
    max_memory_per_child_mb: int = Field(512, ge=16)
    heartbeat_interval: float = Field(5.0, gt=0)
    heartbeat_ttl: int = Field(
        15, ge=1, description="Seconds a liveness key lives: a dead worker's pages are redelivered this long after it."
    )
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"
    metrics_port: int = Field(0, ge=0, le=65535, description="Prometheus endpoint of each worker; 0: off.")

    @field_validator("accept_page_types", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        return frozenset(t.strip().lower() for t in value.split(",") if t.strip()) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _coherent(self) -> Settings:
        if self.hard_time_limit <= self.soft_time_limit:
            raise ValueError("HARD_TIME_LIMIT must exceed SOFT_TIME_LIMIT")
        if self.visibility_timeout <= self.hard_time_limit + self.retry_backoff_max:
            raise ValueError(
                "VISIBILITY_TIMEOUT must exceed HARD_TIME_LIMIT + RETRY_BACKOFF_MAX, "
                "or running and delayed pages are redelivered while still held"
            )
        return self

    def key(self, name: str) -> str:
        """A Redis key of ours, under the configured prefix."""
        return f"{self.key_prefix}{name}"

    @property
    def redacted_redis_url(self) -> str:
        return redact_url(self.redis_url)


def redact_url(url: str) -> str:
    """The URL with any password replaced, safe for logs and dead letters."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
