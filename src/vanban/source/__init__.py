"""YAML text → plain data + a source map. The only package that imports yaml."""

from vanban.source.encoding import EncodingGuess, detect, fix_encoding
from vanban.source.loader import Loaded, load_file, load_text

__all__ = ["EncodingGuess", "Loaded", "detect", "fix_encoding", "load_file", "load_text"]
