"""The extraction pipeline. Pure: importing it imports neither celery nor redis."""

from .extract import extract
from .limits import Limits

__all__ = ["Limits", "extract"]
