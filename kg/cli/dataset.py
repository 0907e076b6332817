"""The commands that build, print, check and score the dataset: ``build``, ``export``, ``validate``, ``eval``.

Each parses its options, calls one library function and prints what it returns; its docstring is its
``--help`` text. Heavy modules are imported inside the commands, so ``kg --help`` stays fast.

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(export, ["--format", "nt"])
>>> result.exit_code, result.output.startswith("<https://w3id.org/fupin-kg/")
(0, True)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.options import (
    CONTEXT,
    articles_or_bundled,
    emit,
    encoding_option,
    format_option,
    inputs_argument,
    jobs_option,
    lang_option,
    progress_bar,
    report_failures,
)
from kg.errors import KgError
from kg.formats import DrawingFormat, NetworkFormat, NetworkView, RdfFormat, ReportFormat, SummaryFormat

if TYPE_CHECKING:
    pass

__all__ = ["build", "eval_", "export", "validate"]


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory to publish the dataset into.",
)
@jobs_option("Processes to build articles in (default: CPU count).")
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where built articles are kept, so unchanged ones are not extracted again "
    "(default: $KG_CACHE, else fupin-kg/articles in the user cache directory).",
)
@click.option("--no-cache", is_flag=True, help="Build every article afresh and keep nothing.")
@encoding_option
def build(paths, out_dir, jobs, cache_dir, no_cache, encoding):
    """Build the graph from article files and folders and publish it into OUT.

    Each PATH is an article file or a folder, searched for *.txt and *.html
    files. With no PATH, builds the bundled article (CPC News, 2016-12-13).
    Each article becomes a named graph; an entity named in several articles
    (the same city, body, role, document) gets one IRI, and merges.tsv says
    which and why.

    A file that cannot be read or built is reported (one Error line each) and
    the others are published; the exit status is then 1. The graph is
    validated, and an article whose graph breaks the core shapes is left out
    the same way.

    Writes kg.nq and kg.trig (each article in its named graph, the ontology,
    lexicon, gazetteer and repairs in theirs), kg.ttl, kg.nt and kg.jsonld
    (the facts in one graph), the ontology, void.ttl, validation-report.ttl,
    merges.tsv, network.graphml and responsibility.dot. Each file is replaced
    atomically.

    \b
    Example:
        kg build
        kg build articles/ --out site/data --jobs 4
    """
    from kg.corpus import default_cache_dir
    from kg.errors import NothingBuilt
    from kg.publish import build_and_publish

    cache = None if no_cache else cache_dir or default_cache_dir()
    with progress_bar("building articles") as progress:
        try:
            result = build_and_publish(
                articles_or_bundled(paths), out_dir, encoding=encoding, jobs=jobs, cache_dir=cache, progress=progress
            )
        except NothingBuilt as e:
            report_failures(e.failures)
            sys.exit(1)
    click.echo(result.summary())
    if result.failures:
        report_failures(result.failures)
        click.echo(
            f"Error: {len(result.failures)} of {len(result.failures) + len(result.articles)} files did not build "
            f"(listed above); the others were published",
            err=True,
        )
        sys.exit(1)


@click.command(context_settings=CONTEXT)
@inputs_argument("articles")
@encoding_option
@format_option(
    RdfFormat,
    NetworkFormat,
    DrawingFormat,
    help="An RDF serialisation; a network (GraphML, GEXF, node-link JSON); or a drawing of the "
    "responsibility network (Graphviz DOT, SVG, PNG).",
)
@click.option(
    "--view",
    type=click.Choice([v.value for v in NetworkView]),
    help="Network formats: the whole graph (default) or only the responsibility view; drawings always "
    "draw the responsibility view.",
)
@lang_option("Label language of drawings.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: stdout)."
)
def export(articles, encoding, fmt, view, lang, output):
    """Print (or write) the graph of article files in an RDF, network or picture format.

    With no ARTICLE, exports the bundled article. Network formats load in
    networkx (read_graphml, read_gexf, node_link_graph), Gephi and D3; nodes
    are keyed by IRI and every triple is kept as an edge or an attribute.
    Drawings need Graphviz with a CJK font (apt install graphviz fonts-noto-cjk).

    \b
    Example:
        kg export --format ttl
        kg export --format jsonld -o kg.jsonld article.txt
        kg export --format graphml -o kg.graphml
        kg export --format svg -o responsibility.svg
    """
    from kg.corpus import read_inputs
    from kg.export import export_graph

    emit(export_graph(read_inputs(articles_or_bundled(articles), encoding), fmt, view=view, lang=lang), output)


class _Unusable(click.ClickException):
    """An input that cannot be read: exit status 2, as pySHACL's."""

    exit_code = 2


@click.command(context_settings=CONTEXT)
@inputs_argument()
@encoding_option
@format_option(ReportFormat, help="Report format: readable text, a SHACL validation report in Turtle, or JSON.")
@jobs_option("Processes to validate graphs in (default: CPU count).")
def validate(inputs, encoding, fmt, jobs):
    """Check graphs against the SHACL shapes and print the report.

    Each INPUT is an RDF file (by extension: .ttl .nt .nq .trig .jsonld .rdf),
    validated as it is, or an article file, built first. With no INPUT, the
    bundled article is built and validated.

    Exit status: 0 conforms (warnings and info may be listed), 1 does not
    conform (a sh:Violation), 2 an input is unusable (missing, unparsable).

    \b
    Example:
        kg validate
        kg validate out/kg.ttl
        kg validate --format json article.txt
    """
    from kg.corpus import read_inputs
    from kg.validate import validate as validate_graphs

    try:
        quads = read_inputs(articles_or_bundled(inputs), encoding)
    except KgError as e:
        raise _Unusable(str(e)) from None
    report = validate_graphs(quads, jobs=jobs)
    if fmt == ReportFormat.TURTLE.value:
        emit(report.to_turtle())
    else:
        click.echo(report.to_json() if fmt == ReportFormat.JSON.value else report.text())
    sys.exit(0 if report.conforms else 1)


@click.command("eval", context_settings=CONTEXT)
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--articles",
    "article_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory holding the articles the gold files name (repeatable; the bundled articles and the "
    "evaluation set's are always searched).",
)
@format_option(SummaryFormat, short=False)
def eval_(gold, article_dirs, fmt):
    """Measure extraction against gold annotations: precision and recall per category.

    With no GOLD, scores the evaluation set that ships with fupin-kg: the
    bundled article and five dev articles with hand-made gold (eval/ in the
    repository). Each GOLD file names its article (metadata.source_file); the
    article is looked up by file name in --articles directories, the bundled
    articles and the evaluation set. Gold files are only read here, never by
    the pipeline.

    \b
    Example:
        kg eval
        kg eval --format json
        kg eval my-gold/*.json --articles my-articles/
    """
    from kg.evaluate import evaluate_files

    report = evaluate_files(list(gold), list(article_dirs))
    click.echo(report.to_json() if fmt == SummaryFormat.JSON.value else report.text())
