"""YAML text → plain data + a source map. The only package that imports yaml."""

from vanban.source.loader import Loaded, load_file, load_text

__all__ = ["Loaded", "load_file", "load_text"]
