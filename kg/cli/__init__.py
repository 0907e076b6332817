"""The ``kg`` command line: a thin layer over the library.

Each command parses options, calls one library function and echoes the result.
Heavy modules are imported inside the commands, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "xml"]
NETWORK_FORMATS = ["graphml", "gexf", "json"]
DRAWING_FORMATS = ["dot", "svg", "png"]
LANGS = ["zh-Hant", "zh-Hans", "en"]
RESULT_FORMATS = ["table", "csv", "tsv", "json", "xml", "ttl", "nt"]
CONTEXT = {"help_option_names": ["-h", "--help"]}


def _articles(paths) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    from kg.resources import bundled_article

    return [bundled_article()]


def store_option(help_text: str):
    return click.option("--store", "store_dir", is_flag=False, flag_value="", default=None, metavar="[DIR]",
                        help=help_text + " Without DIR, the default store: $KG_STORE, else fupin-kg/store in the "
                                         "user data directory (~/.local/share on Linux).")


def _store_dir(value: str) -> Path:
    from kg.store.embedded import default_store_dir

    return Path(value) if value else default_store_dir()


def _progress(message: str) -> None:
    """Progress of long work on standard error, only when someone watches it."""
    if sys.stderr.isatty():
        click.echo(message, err=True)


def article_arguments(f):
    f = click.option("--encoding", metavar="ENC", help="Force the input encoding (default: detect UTF-8, GB18030/GBK, Big5).")(f)
    f = click.argument("articles", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))(f)
    return f


class _Group(click.Group):
    def invoke(self, ctx):
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
    """


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to publish the dataset into.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to build articles in (default: CPU count).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where built articles are kept, so unchanged ones are not extracted again "
                   "(default: $KG_CACHE, else fupin-kg/articles in the user cache directory).")
@click.option("--no-cache", is_flag=True, help="Build every article afresh and keep nothing.")
@click.option("--encoding", metavar="ENC", help="Force the input encoding (default: detect UTF-8, GB18030/GBK, Big5).")
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
    from kg.errors import NothingBuilt
    from kg.publish import build_dataset

    cache = None if no_cache else cache_dir
    if cache is None and not no_cache:
        from kg.corpus import default_cache_dir

        cache = default_cache_dir()
    with _progress_bar("building articles") as progress:
        try:
            result = build_dataset(_articles(paths), out_dir, encoding=encoding, jobs=jobs, cache_dir=cache,
                                   progress=progress)
        except NothingBuilt as e:
            _report_failures(e.failures)
            sys.exit(1)
    click.echo(result.summary())
    if result.failures:
        _report_failures(result.failures)
        click.echo(f"Error: {len(result.failures)} of {len(result.failures) + len(result.articles)} files did not build "
                   f"(listed above); the others were published", err=True)
        sys.exit(1)


def _report_failures(failures) -> None:
    for f in failures:
        click.echo(f"Error: {f}", err=True)


class _progress_bar:
    """A progress bar on standard error for long runs, only when someone watches it (a terminal)."""

    def __init__(self, label: str):
        self.label, self.bar = label, None

    def __enter__(self):
        return self.update

    def update(self, done: int, total: int) -> None:
        if not sys.stderr.isatty() or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True, show_eta=True)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


@main.command(context_settings=CONTEXT)
@article_arguments
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS + NETWORK_FORMATS + DRAWING_FORMATS),
              default=FORMATS[0], show_default=True,
              help="An RDF serialisation; a network (GraphML, GEXF, node-link JSON); or a drawing of the "
                   "responsibility network (Graphviz DOT, SVG, PNG).")
@click.option("--view", type=click.Choice(["full", "responsibility"]),
              help="Network formats: the whole graph (default) or only the responsibility view; drawings always "
                   "draw the responsibility view.")
@click.option("--lang", type=click.Choice(LANGS), default=LANGS[0], show_default=True,
              help="Label language of drawings.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: stdout).")
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
    from kg.corpus.inputs import build_articles

    quads = build_articles(_articles(articles), encoding)
    if fmt in FORMATS:
        from kg.export import RdfFormat, serialize

        data = serialize(quads, RdfFormat(fmt))
    elif fmt in NETWORK_FORMATS:
        from kg.graph.network import NetworkFormat, network, responsibility_view, serialize_network

        graph = responsibility_view(quads) if view == "responsibility" else network(quads)
        data = serialize_network(graph, NetworkFormat(fmt))
    else:
        from kg.graph.draw import render, to_dot
        from kg.graph.network import network, responsibility_view

        dot = to_dot(network(quads) if view == "full" else responsibility_view(quads), lang)
        data = dot.encode("utf-8") if fmt == "dot" else render(dot, fmt)
    _emit(data, output)


def _emit(data: bytes, output: Path | None) -> None:
    if output:
        from kg.output import write_atomic

        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@main.command(context_settings=CONTEXT)
@click.argument("term")
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--encoding", metavar="ENC", help="Force the input encoding of article files.")
@click.option("--up/--down", "up", default=True, show_default=True,
              help="Chains up to the top bodies, or down to villages and households.")
@click.option("--attached", is_flag=True,
              help="Also list what hangs on the nodes of the chains: responsibility lists, funding standards "
                   "(with who pays), documents, personnel actions.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), default=LANGS[0], show_default=True, help="Label language.")
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

    if store_dir is not None:
        from kg.store.embedded import store_quads

        if inputs:
            raise click.UsageError("give INPUTS or --store, not both")
        quads = store_quads(_store_dir(store_dir))
    else:
        from kg.corpus.inputs import load_inputs

        quads = load_inputs(_articles(inputs), encoding)
    report = chain_report(responsibility_view(quads), term,
                          "up" if up else "down", attached=attached, lang=lang)
    click.echo(report.to_json() if fmt == "json" else report.text())


@main.command(context_settings=CONTEXT)
@click.argument("query_arg", metavar="QUERY")
@click.option("--data", "data_files", multiple=True, metavar="FILE",
              type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="An RDF file (by extension) or an article to query, with the vocabulary beside it (repeatable; "
                   "default: the bundled article).")
@store_option("Query the embedded store at DIR (put QUERY first when DIR is left out).")
@click.option("--endpoint", metavar="URL",
              help="Query a SPARQL 1.1 endpoint: …/query (Oxigraph), …/sparql (Virtuoso), …/DATASET/sparql (Fuseki), "
                   "…/repositories/REPO (GraphDB).")
@click.option("-f", "--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help="table (labels beside IRIs), or a W3C SPARQL 1.1 results format: csv, tsv, json, xml. A CONSTRUCT "
                   "or DESCRIBE prints a graph: table and ttl give Turtle, nt N-Triples, json JSON-LD, xml RDF/XML.")
@click.option("--lang", type=click.Choice(LANGS), default=LANGS[0], show_default=True,
              help="Language of the labels the table shows beside IRIs.")
@click.option("--encoding", metavar="ENC", help="Force the input encoding of article files.")
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
    from kg.store.query import EndpointTarget, LocalTarget, labeler, open_store, query_text
    from kg.store.results import render

    if sum(x is not None for x in (data_files or None, store_dir, endpoint)) > 1:
        raise click.UsageError("give at most one of --data, --store and --endpoint")
    text, origin = query_text(query_arg)

    def answer(target):
        _emit(render(target.run(text, origin), fmt, labeler(target, lang)), None)

    if endpoint:
        answer(EndpointTarget(endpoint))
    elif store_dir is not None:
        from kg.store.embedded import reading

        with reading(_store_dir(store_dir), progress=_progress) as store:
            answer(LocalTarget(store))
    else:
        from kg.corpus.inputs import load_inputs

        answer(LocalTarget(open_store(load_inputs(_articles(data_files), encoding))))


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@store_option("Load into the embedded store at DIR (the default target).")
@click.option("--endpoint", metavar="URL",
              help="Load into a SPARQL 1.1 Graph Store Protocol endpoint: …/store (Oxigraph), "
                   "…/sparql-graph-crud-auth (Virtuoso), …/DATASET/data (Fuseki), "
                   "…/repositories/REPO/rdf-graphs/service (GraphDB).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Put every data triple into this one graph (default: each article in its own named graph).")
@click.option("--append", is_flag=True, help="Add to the graphs instead of replacing them whole.")
@click.option("--vocabulary/--no-vocabulary", default=True, show_default=True,
              help="Also load the ontology, lexicon, gazetteer and repair table, each into its own graph.")
@click.option("--retries", type=click.IntRange(0, 20), default=4, show_default=True,
              help="Endpoint: retries after a 5xx answer or a broken connection, with exponential backoff.")
@click.option("--encoding", metavar="ENC", help="Force the input encoding of article files.")
def load(inputs, store_dir, endpoint, graph_iri, append, vocabulary, retries, encoding):
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
    import pyoxigraph as ox

    from kg.store.layout import store_layout
    from kg.corpus.inputs import load_inputs
    from kg.resources import VOCABULARY_FILES

    if store_dir is not None and endpoint:
        raise click.UsageError("give --store or --endpoint, not both")
    graph = None
    if graph_iri is not None:
        try:
            graph = ox.NamedNode(graph_iri)
        except ValueError as e:
            raise click.BadParameter(f"not an IRI: {e}", param_hint="--graph") from None
        if ":" not in graph_iri:
            raise click.BadParameter(f"{graph_iri!r} is not an absolute IRI", param_hint="--graph")
    _progress("reading the input…")
    layout = store_layout(load_inputs(_articles(inputs), encoding), graph=graph,
                          vocabulary=VOCABULARY_FILES if vocabulary else ())
    if endpoint:
        from kg.store.remote import load_graphs

        report = load_graphs(endpoint, layout, append=append, retries=retries, progress=_progress)
    else:
        from kg.store.embedded import load_store

        report = load_store(_store_dir(store_dir), layout, append=append, progress=_progress)
    click.echo(report.summary())


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--encoding", metavar="ENC", help="Force the input encoding of article files.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "ttl", "json"]), default="text", show_default=True,
              help="Report format: readable text, a SHACL validation report in Turtle, or JSON.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to validate graphs in (default: CPU count).")
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
    from kg.corpus.inputs import load_inputs
    from kg.validate import validate as run_validation

    try:
        quads = load_inputs(_articles(inputs), encoding)
    except KgError as e:
        raise _Unusable(str(e)) from None
    report = run_validation(quads, jobs=jobs)
    if fmt == "ttl":
        _emit(report.to_turtle(), None)
    else:
        click.echo(report.to_json() if fmt == "json" else report.text())
    sys.exit(0 if report.conforms else 1)


class _Unusable(click.ClickException):
    exit_code = 2


@main.command("eval", context_settings=CONTEXT)
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--articles", "article_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory holding the articles the gold files name (repeatable; the bundled articles are always searched).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_(gold, article_dirs, fmt):
    """Measure extraction against gold annotations: precision and recall per category.

    Each GOLD file names its article (metadata.source_file); the article is looked up
    by file name in --articles directories and among the bundled articles. Gold files
    are only read here, never by the pipeline.

    \b
    Example:
        kg eval ../shared/spec/gold/seed.json
        kg eval ../shared/spec/gold/dev0*.json --articles ../shared/corpus/dev
    """
    from kg.evaluate import evaluate_files

    report = evaluate_files(list(gold), list(article_dirs))
    click.echo(report.to_json() if fmt == "json" else report.table())


if __name__ == "__main__":  # pragma: no cover
    main()
