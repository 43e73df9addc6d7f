"""Rules on the rendered layout (``vanban check --pdf``): filled in once vanban.pdf.measure exists."""

from __future__ import annotations
