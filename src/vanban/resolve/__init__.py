"""The registry lookups and the resolve stage (names looked up once, before checks and compose)."""

from vanban.resolve.registry import Hit, Registry, unknown_unit
from vanban.resolve.stage import Resolved, Units, resolve

__all__ = ["Hit", "Registry", "Resolved", "Units", "resolve", "unknown_unit"]
