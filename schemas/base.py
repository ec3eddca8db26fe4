"""Shared pieces of the wire contract: the version number and the base model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

#: Bumped when a change to any model would break an existing producer or consumer.
SCHEMA_VERSION = 1
SUPPORTED_SCHEMA_VERSIONS = frozenset({1})


class WireModel(BaseModel):
    """Base for every message on the wire: JSON only, unknown fields refused."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, ser_json_timedelta="float")
