# cython: language_level=3
"""The shared library of apigw's compiled twins.

One shared library carries the compiled modules ``_matcher_c``, ``_headers_c`` and ``_encoder_c`` (each built from
its own ``.pyx`` with its own module name and its own pure twin) and this module, which only describes it.
``apigw._impl`` creates the three modules from this one file, so a cold start loads one library instead of three.
Import ``apigw`` (or call ``apigw._impl.load("cython")``) to get them; importing this module loads nothing else."""

MODULES = ("apigw._matcher_c", "apigw._headers_c", "apigw._encoder_c")
