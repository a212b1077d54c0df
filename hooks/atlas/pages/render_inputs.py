"""What a page is rendered from, written out as one text: two renders from equal texts give the same page.

A template sees only its context, so a generated page is a pure function of the template, the page's
address and the context (build_cache adds the code and templates to every key). The context is written out
by `repr`, which for everything a context holds writes every value completely: strings, numbers, lists,
tuples and dicts in order; enums, dataclasses and pydantic models by class with every field (none of ours
hides a field from its repr). An object whose repr is only its address (`<... object at 0x...>`) would make
a key that another object could share: such a context raises Unkeyable, and that page is simply rendered.
"""

from __future__ import annotations

from typing import Any

_ADDRESS = " at 0x"
"""What Python's default repr writes instead of an object's contents."""


class Unkeyable(TypeError):
    """A value that cannot be written out completely."""


def input_text(value: Any) -> str:
    """`value` written out with every type and field, for a cache key."""
    text = repr(value)
    if _ADDRESS in text:
        raise Unkeyable("a value in the context is written out only as its address")
    return text
