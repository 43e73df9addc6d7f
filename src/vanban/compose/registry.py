"""Former home of the registry; kept so that code written against it keeps working.

Lookups now live in ``vanban.resolve.registry``, loading the files in ``vanban.workspace``.
"""

from vanban.resolve.registry import Hit, Registry, unknown_unit
from vanban.workspace import SHARED_DIR, load_registry, shared_dirs

__all__ = ["SHARED_DIR", "Hit", "Registry", "load_registry", "shared_dirs", "unknown_unit"]
