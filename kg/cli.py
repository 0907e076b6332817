"""The ``kg`` command line: a thin layer over the library.

Each command parses options, calls one library function and echoes the result.
Heavy modules are imported inside the commands, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import KgError

FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "xml"]
NETWORK_FORMATS = ["graphml", "gexf", "json"]
DRAWING_FORMATS = ["dot", "svg", "png"]
LANGS = ["zh-Hant", "zh-Hans", "en"]
CONTEXT = {"help_option_names": ["-h", "--help"]}


def _articles(paths) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    from .resources import bundled_article

    return [bundled_article()]


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
@article_arguments
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to publish the dataset into.")
def build(articles, encoding, out_dir):
    """Build the graph from article files and publish it into OUT.

    With no ARTICLE, builds the bundled article (CPC News, 2016-12-13).
    Validates the graph first and refuses to publish one that breaks the core
    shapes. Writes kg.ttl, kg.nt, kg.nq, kg.jsonld, the ontology, void.ttl,
    validation-report.ttl, network.graphml (the graph as a network) and
    responsibility.dot (the responsibility view for Graphviz); each file is
    replaced atomically, and nothing is written if any input fails.

    \b
    Example:
        kg build
        kg build article.txt --out site/data
    """
    from .publish import build_dataset

    result = build_dataset(_articles(articles), out_dir, encoding=encoding)
    click.echo(result.summary())


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
    from .pipeline import build_articles

    quads = build_articles(_articles(articles), encoding)
    if fmt in FORMATS:
        from .export import RdfFormat, serialize

        data = serialize(quads, RdfFormat(fmt))
    elif fmt in NETWORK_FORMATS:
        from .network import NetworkFormat, network, responsibility_view, serialize_network

        graph = responsibility_view(quads) if view == "responsibility" else network(quads)
        data = serialize_network(graph, NetworkFormat(fmt))
    else:
        from .draw import render, to_dot
        from .network import network, responsibility_view

        dot = to_dot(network(quads) if view == "full" else responsibility_view(quads), lang)
        data = dot.encode("utf-8") if fmt == "dot" else render(dot, fmt)
    _emit(data, output)


def _emit(data: bytes, output: Path | None) -> None:
    if output:
        from .export import write_atomic

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
def chain(term, inputs, encoding, up, attached, fmt, lang):
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
    """
    from .chain import chain_report
    from .network import responsibility_view
    from .pipeline import load_inputs

    report = chain_report(responsibility_view(load_inputs(_articles(inputs), encoding)), term,
                          "up" if up else "down", attached=attached, lang=lang)
    click.echo(report.to_json() if fmt == "json" else report.text())


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
    from .pipeline import load_inputs
    from .validate import validate as run_validation

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
    from .evaluate import evaluate_files

    report = evaluate_files(list(gold), list(article_dirs))
    click.echo(report.to_json() if fmt == "json" else report.table())


if __name__ == "__main__":  # pragma: no cover
    main()
