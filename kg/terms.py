"""RDF terms as Python values: what a query's rows and a network's attributes hold."""

from __future__ import annotations

import pyoxigraph as ox

__all__ = ["python_value"]


def python_value(literal: ox.Literal) -> str | int | float | bool:
    """A literal as Python: xsd integers as int, decimals and doubles as float, booleans as bool, else the text.

    Examples
    --------
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> python_value(ox.Literal("25", datatype=ox.NamedNode(xsd + "integer")))
    25
    >>> python_value(ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")))
    True
    >>> python_value(ox.Literal("2016-12-13", datatype=ox.NamedNode(xsd + "date")))
    '2016-12-13'
    """
    dt = literal.datatype.value.rsplit("#", 1)[-1]
    if dt in ("integer", "nonNegativeInteger", "int", "long"):
        return int(literal.value)
    if dt in ("decimal", "double", "float"):
        return float(literal.value)
    if dt == "boolean":
        return literal.value == "true"
    return literal.value
