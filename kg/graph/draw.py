"""The responsibility view as a picture: Graphviz DOT, rendered to SVG or PNG by Graphviz's ``dot``.

This is what ``kg export --format dot|svg|png`` writes. Bodies the others answer to sit above them: an upward
edge (a first secretary coordinated by the group) is drawn from the lower node to the upper, a downward edge
(first secretaries assigned to the poor villages) from the upper to the lower, both with the arrow in the RDF
direction and the relation's label. Attached items (lists, funding standards, documents, actions) are left out
of the picture unless asked for (``attached=True``): they hang below their node as notes, with dotted edges.
Background edges (the gazetteer's, not stated in the article) are dashed and grey.

Examples
--------
>>> from kg.graph.network import responsibility_view
>>> from kg.corpus import read_inputs
>>> from kg.resources import bundled_article
>>> view = responsibility_view(read_inputs([bundled_article()]))
>>> dot = to_dot(view)
>>> dot.splitlines()[0]
'digraph responsibility {'
>>> dot == to_dot(view), dot == to_dot(view, attached=True)
(True, False)
"""

from __future__ import annotations

import shutil
import subprocess

import networkx as nx

from kg.errors import DrawingError
from kg.graph.network import display_label, property_label, superclasses
from kg.namespaces import curie

__all__ = ["FONTS", "render", "to_dot"]

#: The CJK font Graphviz is asked for, per label language (Debian's fonts-noto-cjk); other languages get zh-Hant's.
FONTS = {"zh-Hant": "Noto Sans CJK TC", "zh-Hans": "Noto Sans CJK SC", "en": "Noto Sans CJK SC"}

#: Node styles by the most general class that applies, first match wins.
STYLES = (
    ("org:Organization", 'shape=box, style="rounded,filled", fillcolor="#dbe8f6"'),
    ("org:Post", 'shape=box, style="filled", fillcolor="#fbe7c6"'),
    ("org:Role", 'shape=ellipse, style="filled", fillcolor="#fbe7c6"'),
    ("fp:AdministrativeDivision", 'shape=house, style="filled", fillcolor="#e4f1dc"'),
    ("fp:EntitySet", 'shape=folder, style="filled", fillcolor="#e4f1dc"'),
)
ATTACHED_STYLE = 'shape=note, style="filled", fillcolor="#f4f4f4", fontcolor="#555555", fontsize=10'


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _style(data: dict) -> str:
    classes = set().union(*(superclasses(t) for t in data.get("type", "").split())) if data.get("type") else set()
    for cls, style in STYLES:
        if cls in classes:
            return style
    return ATTACHED_STYLE


def _short(text: str, width: int = 14) -> str:
    """Wrap a long label over lines of ``width`` characters, at most three."""
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    return "\n".join(lines[:3]) + ("…" if len(lines) > 3 else "")


def to_dot(view: nx.MultiDiGraph, lang: str = "zh-Hant", attached: bool = False) -> str:
    """DOT source (Graphviz's language) for a picture of the responsibility view.

    Nodes and edges are written in a fixed order: the same view always gives the same text. Nodes are shaped
    and coloured by their class (organisations, posts, roles, divisions, sets of people or places); labels are
    wrapped at 14 characters over at most three lines, with the node's count below.

    Parameters
    ----------
    view
        A responsibility view (:func:`kg.graph.network.responsibility_view`).
    lang
        The language of the labels; it also picks the font (:data:`FONTS`).
    attached
        Also draw the attached items (lists, standards, documents, actions) as notes below their nodes.

    Returns
    -------
    str
        The DOT source.

    See Also
    --------
    render : turn it into SVG or PNG.

    Examples
    --------
    >>> import networkx as nx
    >>> view = nx.MultiDiGraph()
    >>> view.add_node("role", type="org:Role", **{"label@en": "secretary"})
    >>> view.add_node("group", type="org:Organization", **{"label@en": "leading group"})
    >>> view.add_edge("role", "group", key="fp:coordinatedBy", direction="up",
    ...               predicate="https://w3id.org/fupin-kg/ontology#coordinatedBy")
    'fp:coordinatedBy'
    >>> print(to_dot(view, "en"), end="")
    digraph responsibility {
      graph [rankdir=TB, fontname="Noto Sans CJK SC", nodesep=0.25, ranksep=0.45, newrank=true];
      node [fontname="Noto Sans CJK SC", fontsize=12, margin="0.08,0.04"];
      edge [fontname="Noto Sans CJK SC", fontsize=9, color="#444444", fontcolor="#444444"];
      n0 [label="leading group", tooltip="group", shape=box, style="rounded,filled", fillcolor="#dbe8f6"];
      n1 [label="secretary", tooltip="role", shape=ellipse, style="filled", fillcolor="#fbe7c6"];
      n0 -> n1 [label="coordinated by", dir=back];
    }
    """
    if not attached:
        view = view.edge_subgraph([e for e in view.edges(keys=True) if view.edges[e].get("direction") != "attached"])
    font = FONTS.get(lang, FONTS["zh-Hant"])
    ids = {node: f"n{i}" for i, node in enumerate(sorted(view))}
    lines = [
        "digraph responsibility {",
        f"  graph [rankdir=TB, fontname={_quote(font)}, nodesep=0.25, ranksep=0.45, newrank=true];",
        f'  node [fontname={_quote(font)}, fontsize=12, margin="0.08,0.04"];',
        f'  edge [fontname={_quote(font)}, fontsize=9, color="#444444", fontcolor="#444444"];',
    ]
    for node in sorted(view):
        data = view.nodes[node]
        label = _short(display_label(data, lang, curie(node)))
        if isinstance(data.get("fp:count"), int):
            label += f"\n({data['fp:count']})"
        lines.append(f"  {ids[node]} [label={_quote(label)}, tooltip={_quote(node)}, {_style(data)}];")
    for s, o, _key, data in sorted(view.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        direction = data.get("direction")
        attrs = [f"label={_quote(property_label(data['predicate'], lang))}"]
        if direction == "up":  # draw from the upper node (the object), arrow back at it
            tail, head = o, s
            attrs.append("dir=back")
        else:
            tail, head = s, o
            if direction == "attached":
                tail, head = o, s
                attrs += ["dir=back", "style=dotted", 'color="#999999"']
        if data.get("basis") == "background":
            attrs += ["style=dashed", 'color="#999999"']
        lines.append(f"  {ids[tail]} -> {ids[head]} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(dot: str, fmt: str) -> bytes:
    """Run Graphviz's ``dot`` to turn DOT source into a picture.

    Parameters
    ----------
    dot
        DOT source, e.g. from :func:`to_dot`.
    fmt
        A Graphviz output format: ``svg``, ``png`` …

    Returns
    -------
    bytes
        The picture.

    Raises
    ------
    DrawingError
        ``dot`` is not installed, or failed (the message gives its first line of complaint).

    Examples
    --------
    >>> import shutil
    >>> if shutil.which("dot"):  # Graphviz is installed
    ...     assert b"<svg" in render("digraph { a -> b }", "svg")
    >>> from unittest import mock
    >>> with mock.patch("shutil.which", return_value=None):
    ...     render("digraph { a -> b }", "svg")
    Traceback (most recent call last):
    ...
    kg.errors.DrawingError: Graphviz is not installed: `dot` is not on PATH (Debian: apt install graphviz
    fonts-noto-cjk; or export --format dot)
    """
    exe = shutil.which("dot")
    if exe is None:
        raise DrawingError(
            "Graphviz is not installed: `dot` is not on PATH "
            "(Debian: apt install graphviz fonts-noto-cjk; or export --format dot)"
        )
    done = subprocess.run([exe, f"-T{fmt}"], input=dot.encode("utf-8"), capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DrawingError(
            f"Graphviz failed to draw {fmt}: {message[0] if message else 'exit ' + str(done.returncode)}"
        )
    return done.stdout
