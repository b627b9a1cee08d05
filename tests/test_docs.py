"""The examples in the docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES_WITH_EXAMPLES = [
    "apigw",
    "apigw._case_insensitive",
    "apigw._encoder_py",
    "apigw._headers_py",
    "apigw._matcher_py",
    "apigw.events",
    "apigw.integrations",
    "apigw.middlewares",
    "apigw.resolver",
    "apigw.response",
    "apigw.cookies",
]


@pytest.mark.parametrize("name", MODULES_WITH_EXAMPLES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))

    assert result.attempted > 0, f"{name} has no examples left: remove it from the list"
    assert result.failed == 0
