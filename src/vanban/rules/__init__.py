"""Decree-30 facts as data, shared by the renderer and the checker."""
