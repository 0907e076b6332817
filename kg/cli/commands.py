"""The commands of ``kg``: each parses its options, calls one library function and prints what it returns.

Heavy modules are imported inside the commands, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

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
    progress_line,
    report_failures,
    resolve_store,
    store_option,
)
from kg.errors import KgError
from kg.formats import DrawingFormat, NetworkFormat, NetworkView, RdfFormat, ReportFormat, ResultFormat, SummaryFormat

__all__ = ["build", "chain", "eval_", "export", "load", "query", "validate"]


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


def _graph(inputs, encoding, store):
    """The quads of INPUTS (default: the bundled article), or of the embedded store ``--store`` names."""
    if store is not None:
        from kg.store.embedded import store_quads

        return store_quads(resolve_store(store))
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

    QUERY is the name of a shipped query (cq01 … cq19, chain-up, chain-down),
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


def _graph_iri(ctx, param, value):
    """``--graph``: an absolute IRI, as a pyoxigraph node."""
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
