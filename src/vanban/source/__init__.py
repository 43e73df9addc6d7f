"""YAML text → plain data + a source map. The only package that imports yaml.

Import the modules themselves (``vanban.source.loader``, ``vanban.source.encoding``): this file
stays empty so that a command reading only encodings does not pay for the YAML reader."""
