"""Context building and the one module that touches docxtpl and jinja2."""
