"""Stable ids: the same job and content always give the same ids, so duplicates are recognisable."""

from __future__ import annotations

import hashlib

from schemas import RawPage


def content_digest(raw: RawPage) -> str:
    body = raw.content if raw.content is not None else raw.content_b64 or ""
    digest = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(b"\x00b64" if raw.content is None else b"\x00text")
    return digest.hexdigest()


def job_id_for(raw: RawPage) -> str:
    """The producer's job id, or one derived from url and content (enqueuing twice = one job)."""
    if raw.job_id:
        return raw.job_id
    seed = f"{raw.url}\x00{content_digest(raw)}".encode("utf-8", "surrogatepass")
    return "page-" + hashlib.blake2b(seed, digest_size=12).hexdigest()


def event_id_for(job_id: str, raw: RawPage) -> str:
    seed = f"{job_id}\x00{content_digest(raw)}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(seed, digest_size=16).hexdigest()
