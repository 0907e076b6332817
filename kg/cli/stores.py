r"""The commands that read graphs and stores: ``chain`` walks responsibility chains, ``query`` runs SPARQL,
``load`` fills a triple store.

Each parses its options, calls one library function and prints what it returns; its docstring is its
``--help`` text. Heavy modules are imported inside the commands, so ``kg --help`` stays fast.

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(query, ["ASK { ?s ?p ?o }"])
>>> result.exit_code, result.output
(0, 'true\n')
"""

from __future__ import annotations

from collections.abc import Sequence
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
    lang_option,
    progress_line,
    resolve_store,
    store_option,
)
from kg.formats import ResultFormat, SummaryFormat

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["chain", "load", "query"]


@click.command(context_settings=CONTEXT)
@click.argument("term")
@inputs_argument()
@encoding_option
@click.option(
    "--up/--down",
    "up",
    default=True,
    show_default=True,
    help="Chains up to the top bodies, or down to villages and households.",
)
@click.option(
    "--attached",
    is_flag=True,
    help="Also list what hangs on the nodes of the chains: responsibility lists, funding standards "
    "(with who pays), documents, personnel actions.",
)
@format_option(SummaryFormat)
@lang_option("Label language.")
@store_option("Read the graph from the embedded store that `kg load` filled, instead of INPUTS.")
def chain(term, inputs, encoding, up, attached, fmt, lang, store_dir):
    """Every responsibility chain up from TERM, or down from it, each step with the text that states it.

    TERM is a label in Traditional or Simplified Chinese or English
    (第一書記, 第一书记, "first secretary"), a label fragment that names one
    node, an IRI, or a CURIE (lex:role-first-secretary). INPUTS are RDF files
    or articles, as for `kg validate`; by default the bundled article. Steps are
    marked stated, implied, or background (an administrative fact from the
    gazetteer, not stated in the article).

    \b
    Example:
        kg chain 貧困村 --up                 # who answers for the poor villages
        kg chain 选派单位 --down --attached   # what the dispatching units send down and pay
        kg chain 第一书记 --attached          # who funds a first secretary
        kg chain "first secretary" --format json out/kg.nq
        kg chain 第一书记 --store              # the articles loaded into the default store
    """
    from kg.graph.chain import chain_report
    from kg.graph.network import responsibility_view

    if inputs and store_dir is not None:
        raise click.UsageError("give INPUTS or --store, not both")
    view = responsibility_view(_graph(inputs, encoding, store_dir))
    report = chain_report(view, term, "up" if up else "down", attached=attached, lang=lang)
    click.echo(report.to_json() if fmt == SummaryFormat.JSON.value else report.text())


def _graph(inputs: Sequence[Path], encoding: str | None, store: str | None) -> list[pyoxigraph.Quad]:
    """The quads of INPUTS (default: the bundled article), or of the embedded store ``--store`` names."""
    if store is not None:
        from kg.store.embedded import store_quads

        directory = resolve_store(store)
        assert directory is not None  # a --store was given
        return store_quads(directory)
    from kg.corpus import read_inputs

    return read_inputs(articles_or_bundled(inputs), encoding)


@click.command(context_settings=CONTEXT)
@click.argument("query_arg", metavar="QUERY")
@click.option(
    "--data",
    "data_files",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="An RDF file (by extension) or an article to query, with the vocabulary beside it (repeatable; "
    "default: the bundled article).",
)
@store_option("Query the embedded store at DIR (put QUERY first when DIR is left out).")
@click.option(
    "--endpoint",
    metavar="URL",
    help="Query a SPARQL 1.1 endpoint: …/query (Oxigraph), …/sparql (Virtuoso), …/DATASET/sparql (Fuseki), "
    "…/repositories/REPO (GraphDB).",
)
@format_option(
    ResultFormat,
    help="table (labels beside IRIs), or a W3C SPARQL 1.1 results format: csv, tsv, json, "
    "xml. A CONSTRUCT or DESCRIBE prints a graph: table and ttl give Turtle, nt "
    "N-Triples, json JSON-LD, xml RDF/XML.",
)
@lang_option("Language of the labels the table shows beside IRIs.")
@encoding_option
def query(query_arg, data_files, store_dir, endpoint, fmt, lang, encoding):
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph.

    QUERY is the name of a shipped query (cq01 … cq23, chain-up, chain-down),
    a file, - for standard input, or the query text. By default it runs over
    the bundled article; --data, --store or --endpoint choose other graphs.
    Local queries see the union of all graphs as the default graph (the
    articles and the vocabulary; GRAPH ?g names each article's graph) and
    know the prefixes of the published files (fp:, lex:, kgid:, org:, skos:,
    rdfs: …); at an endpoint, declare them.

    \b
    Example:
        kg query 'SELECT ?figure ?value WHERE { ?figure fp:value ?value }'
        kg query cq12 --lang en
        kg query cq07 --format csv --data out/kg.nq
        kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --store
        kg query my.rq --endpoint http://localhost:7878/query --format json
    """
    from kg.store.query import answer, open_target, query_text

    if sum(x is not None for x in (data_files or None, store_dir, endpoint)) > 1:
        raise click.UsageError("give at most one of --data, --store and --endpoint")
    text, origin = query_text(query_arg)
    with open_target(
        data=data_files,
        store_dir=resolve_store(store_dir),
        endpoint=endpoint,
        encoding=encoding,
        progress=progress_line,
    ) as target:
        emit(answer(target, text, origin, fmt, lang))


def _graph_iri(ctx: click.Context, param: click.Parameter, value: str | None) -> pyoxigraph.NamedNode | None:
    """``--graph``: an absolute IRI, as a pyoxigraph node (a click callback).

    Raises
    ------
    click.BadParameter
        ``value`` is not an IRI, or not an absolute one.
    """
    if value is None:
        return None
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(value)
    except ValueError as e:
        raise click.BadParameter(f"not an IRI: {e}") from None
    if ":" not in value:
        raise click.BadParameter(f"{value!r} is not an absolute IRI")
    return node


@click.command(context_settings=CONTEXT)
@inputs_argument()
@store_option("Load into the embedded store at DIR (the default target).")
@click.option(
    "--endpoint",
    metavar="URL",
    help="Load into a SPARQL 1.1 Graph Store Protocol endpoint: …/store (Oxigraph), "
    "…/sparql-graph-crud-auth (Virtuoso), …/DATASET/data (Fuseki), "
    "…/repositories/REPO/rdf-graphs/service (GraphDB).",
)
@click.option(
    "--graph",
    metavar="IRI",
    callback=_graph_iri,
    help="Put every data triple into this one graph (default: each article in its own named graph).",
)
@click.option("--append", is_flag=True, help="Add to the graphs instead of replacing them whole.")
@click.option(
    "--vocabulary/--no-vocabulary",
    default=True,
    show_default=True,
    help="Also load the ontology, lexicon, gazetteer and repair table, each into its own graph.",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 20),
    default=4,
    show_default=True,
    help="Endpoint: retries after a 5xx answer or a broken connection, with exponential backoff.",
)
@encoding_option
def load(inputs, store_dir, endpoint, graph, append, vocabulary, retries, encoding):
    """Load graphs into a triple store: the embedded store, or a server.

    Each INPUT is an RDF file (by extension; N-Quads and TriG keep their
    graphs) or an article, built first; by default the bundled article. Each
    graph is replaced whole unless --append. The embedded store applies the
    whole load or none of it; an endpoint applies each graph (one PUT or
    POST) whole or not at all.

    Credentials for an endpoint come from KG_ENDPOINT_USER and
    KG_ENDPOINT_PASSWORD, or from ~/.netrc, never from the command line;
    basic or digest authentication, as the server asks.

    \b
    Example:
        kg load                                   # the bundled article → the default store
        kg load out/kg.nq --store ./store
        kg load --endpoint http://localhost:7878/store
        kg load out/kg.nq --endpoint http://localhost:8890/sparql-graph-crud-auth --graph https://example.org/fupin
    """
    from kg.store.load import load_inputs

    if store_dir is not None and endpoint:
        raise click.UsageError("give --store or --endpoint, not both")
    report = load_inputs(
        inputs,
        store_dir=resolve_store(store_dir),
        endpoint=endpoint,
        graph=graph,
        append=append,
        vocabulary=vocabulary,
        retries=retries,
        encoding=encoding,
        progress=progress_line,
    )
    click.echo(report.summary())
