"""The extract stage: the machine reader that turns an article into figures-with-context."""

from .reader import extract_claims
from .reading import ClaimReading

__all__ = ["extract_claims", "ClaimReading"]
