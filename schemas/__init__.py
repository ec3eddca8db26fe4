"""The wire contract: every message that crosses Redis, as pydantic models."""

from .article import Article, Author, Dateline, Image
from .base import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from .dead_letter import DeadLetter
from .event import ArticleEvent, Extractor
from .raw_page import RawPage
from .reasons import Reason

__all__ = [
    "SCHEMA_VERSION",
    "SUPPORTED_SCHEMA_VERSIONS",
    "Article",
    "ArticleEvent",
    "Author",
    "Dateline",
    "DeadLetter",
    "Extractor",
    "Image",
    "RawPage",
    "Reason",
]
