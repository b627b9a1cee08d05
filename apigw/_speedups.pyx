# cython: language_level=3
"""The shared library of apigw's compiled twins.

One shared library carries the compiled modules ``_matcher_c``, ``_headers_c`` and ``_encoder_c`` (each built from
its own ``.pyx`` with its own module name and its own pure twin) and this module, which describes it and lends the
resolver the ``ContextVar`` type. ``apigw._impl`` creates the modules from this one file, so a cold start loads one
library instead of three. Import ``apigw`` (or call ``apigw._impl.load("cython")``) to get them; importing this
module loads nothing else."""

from cpython.contextvars cimport PyContextVar_New

MODULES = ("apigw._matcher_c", "apigw._headers_c", "apigw._encoder_c")

# PERF: the type of the context variables that keep each request's state (``contextvars.ContextVar``), made with
# CPython's C API: importing it from Python loads another shared library, ``_contextvars``, after a search of
# sys.path (~100 µs of a cold start). The type is the interpreter's own, so both ways give the same class.
ContextVar = type(PyContextVar_New("apigw", NULL))
