"""`python -m vanban …` is the `vanban` program (for a machine where the script is not on PATH)."""

from vanban.cli import run

run()
