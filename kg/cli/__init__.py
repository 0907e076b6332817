"""The ``kg`` command line: a thin layer over the library.

Each command (:mod:`kg.cli.dataset`, :mod:`kg.cli.stores`) parses its options, calls one library function and
prints the result; options that several commands take are declared once
(:mod:`kg.cli.options`). An error the library raises on purpose (:class:`kg.errors.KgError`)
is printed as one ``Error: …`` line with exit status 1.

:func:`main` is the ``kg`` entry point (also ``python -m kg.cli``).

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(main, ["--version"])
>>> result.output.startswith("kg, version ")
True
>>> result = CliRunner().invoke(main, ["export", "no-such-article.txt"])
>>> result.exit_code, result.output.startswith("Error: no-such-article.txt: no such file")
(1, True)
"""

from __future__ import annotations

from typing import Any

import click

from kg import __version__
from kg.cli.dataset import build, eval_, export, validate
from kg.cli.options import CONTEXT
from kg.cli.stores import chain, load, query
from kg.errors import KgError

__all__ = ["main"]


class _Group(click.Group):
    """A command group that turns the library's errors into ``Error: …`` lines."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a :class:`~kg.errors.KgError` becomes a :class:`click.ClickException` (exit status 1)."""
        try:
            return super().invoke(ctx)
        except KgError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kg")
def main():
    """fupin-kg: poverty-alleviation reports as a provenance-linked RDF knowledge graph.

    \b
    Example:
        kg build                      # the bundled article → out/
        kg export --format ttl        # Turtle on stdout
        kg eval                       # extraction quality on the evaluation set
    """


for _command in (build, export, chain, query, load, validate, eval_):
    main.add_command(_command)
