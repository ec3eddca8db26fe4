"""The wire contract: every message that crosses Redis, as pydantic models."""

from .article import PAGE_TYPES, Article, Author, Dateline, Image, PageType
from .base import SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS
from .dead_letter import DeadLetter
from .event import ArticleEvent, Extractor
from .metadata import PageMetadata
from .raw_page import RawPage
from .reasons import Reason
from .skipped_page import SkippedPage

__all__ = [
    "PAGE_TYPES",
    "SCHEMA_VERSION",
    "SUPPORTED_SCHEMA_VERSIONS",
    "Article",
    "ArticleEvent",
    "Author",
    "Dateline",
    "DeadLetter",
    "Extractor",
    "Image",
    "PageMetadata",
    "PageType",
    "RawPage",
    "Reason",
    "SkippedPage",
]
