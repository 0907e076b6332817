"""Remote triple stores: loads through the SPARQL 1.1 Graph Store HTTP Protocol, queries through the SPARQL 1.1
Protocol.

This is what ``kg load --endpoint`` and ``kg query --endpoint`` use to talk to a server such as Oxigraph,
Virtuoso or Fuseki. Credentials come from the environment (``KG_ENDPOINT_USER``, ``KG_ENDPOINT_PASSWORD``) or
else from a netrc file (``~/.netrc``, or ``$NETRC``) entry for the endpoint's host; never from the command line,
and they are never printed. The server's challenge decides between basic and digest authentication. A request
that meets a 5xx answer or a broken connection is retried with exponential backoff; a 4xx is reported with the
server's own words.

Loading and querying need a running server; :func:`graph_url` and :func:`query_form` are plain functions:

>>> import pyoxigraph as ox
>>> graph_url("http://localhost:7878/store", ox.NamedNode("https://w3id.org/fupin-kg/lexicon"))
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Ffupin-kg%2Flexicon'
>>> query_form("ASK { ?s ?p ?o }")
'ASK'
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import EndpointError
from kg.store.embedded import LoadReport
from kg.store.layout import GraphName

if TYPE_CHECKING:
    from requests import PreparedRequest, Response

__all__ = ["Endpoint", "load_graphs", "query_endpoint", "query_form", "graph_url", "USER_VARIABLE", "PASSWORD_VARIABLE"]

#: The environment variables that hold the user name and password for an endpoint that asks for them.
USER_VARIABLE, PASSWORD_VARIABLE = "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"
RETRY_STATUSES = (500, 502, 503, 504)
_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_GRAPHS = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8, application/ld+json;q=0.7"


class Endpoint:
    """An HTTP endpoint with retries, backoff and authentication as the server asks for it.

    Making one sends nothing: it checks the URL, finds credentials for its host and prepares a session; the
    credentials are sent only after a 401, in the scheme (basic or digest) that the server's challenge names.

    Parameters
    ----------
    url
        An ``http://`` or ``https://`` URL, without credentials in it.
    retries, backoff
        How many times to try again after a 5xx answer or a broken connection, and the backoff factor (seconds).
    idempotent
        ``False`` stops retries after a request may have reached the server (a POST that adds blank nodes would
        add them twice); connection failures before sending are retried either way.
    timeout
        (connect, read) in seconds; the first also bounds each stall while a body is sent, as a server that loads
        in one transaction reads a large body slowly.

    Raises
    ------
    EndpointError
        The URL is not an http(s) URL, or it carries credentials.

    Examples
    --------
    >>> endpoint = Endpoint("http://localhost:7878/store", retries=2)
    >>> endpoint.url, endpoint.retries, endpoint.timeout
    ('http://localhost:7878/store', 2, (60.0, 1800.0))
    >>> Endpoint("http://user:secret@example.org/sparql")
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: http://example.org…: credentials do not belong in the URL; set KG_ENDPOINT_USER and
    KG_ENDPOINT_PASSWORD, or add the host to ~/.netrc
    """

    def __init__(
        self,
        url: str,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        idempotent: bool = True,
        timeout: tuple[float, float] = (60.0, 1800.0),
    ):
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EndpointError(f"{url}: not an http:// or https:// URL")
        if parts.username or parts.password:
            raise EndpointError(
                f"{parts.scheme}://{parts.hostname}…: credentials do not belong in the URL; set "
                f"{USER_VARIABLE} and {PASSWORD_VARIABLE}, or add the host to ~/.netrc"
            )
        self.url, self.retries, self.timeout = url, retries, timeout
        self.credentials = _credentials(url)
        self.session = requests.Session()
        self.session.auth = _NO_AUTH  # credentials only as the server asks (requests would send netrc's as Basic)
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries if idempotent else 0,
            status=retries,
            other=0,
            backoff_factor=backoff,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=None,
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, HTTPAdapter(max_retries=retry))

    def request(self, method: str, url: str, **kwargs: Any) -> Response:
        """Send a request (``kwargs`` as ``requests`` takes them); return the response if it is a success.

        Raises
        ------
        EndpointError
            The server answered 4xx (or 5xx after the retries), refused the credentials, or could not be reached.
        """
        response = self._send(method, url, **kwargs)
        if response.status_code == 401 and self.session.auth is _NO_AUTH:
            self._authenticate(method, url, response)
            response = self._send(method, url, **kwargs)
        if response.status_code == 401:
            assert self.credentials is not None  # a second 401 only follows credentials that were sent
            raise EndpointError(
                f"{method} {url}: 401 {response.reason}: the server refused the credentials "
                f"(from {self.credentials[2]})"
            )
        if response.status_code >= 400:
            again = f" (after {self.retries} retries)" if response.status_code in RETRY_STATUSES else ""
            raise EndpointError(
                f"{method} {url}: {response.status_code} {response.reason}{again}: {_server_words(response)}"
            )
        return response

    def negotiate(self, url: str) -> None:
        """Learn the server's authentication scheme with a bodiless request, before a large upload."""
        if self.credentials and self.session.auth is _NO_AUTH:
            response = self._send("HEAD", url)
            if response.status_code == 401:
                self._authenticate("HEAD", url, response)
                self._send("HEAD", url)  # primes a digest nonce, so the upload is sent once

    def _send(self, method: str, url: str, **kwargs: Any) -> Response:
        import requests

        try:
            return self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.exceptions.Timeout:
            raise EndpointError(f"{method} {url}: the server did not answer within {self.timeout[1]:.0f} s") from None
        except requests.exceptions.RequestException as e:
            raise EndpointError(
                f"{method} {url}: {_connection_problem(e)} (gave up after {self.retries} retries)"
            ) from None

    def _authenticate(self, method: str, url: str, response: Response) -> None:
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        if not self.credentials:
            raise EndpointError(
                f"{method} {url}: 401 {response.reason}: the server asks for credentials; set "
                f"{USER_VARIABLE} and {PASSWORD_VARIABLE}, or add the host to ~/.netrc"
            )
        user, password, _ = self.credentials
        digest = response.headers.get("WWW-Authenticate", "").lower().startswith("digest")
        self.session.auth = HTTPDigestAuth(user, password) if digest else HTTPBasicAuth(user, password)


def _no_auth(request: PreparedRequest) -> PreparedRequest:
    return request


_NO_AUTH = _no_auth


def load_graphs(
    url: str,
    layout: dict[GraphName, list[ox.Quad]],
    *,
    append: bool = False,
    retries: int = 4,
    backoff: float = 0.5,
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Send each graph of ``layout`` to a Graph Store Protocol ``url``: PUT (replace the graph whole) or POST (add).

    Each graph is one request, which the server applies whole or not at all; graphs sent before a failure stay.
    ``url`` is, for instance, ``…/store`` of Oxigraph or ``…/sparql-graph-crud-auth`` of Virtuoso; ``layout`` is
    what :func:`kg.store.layout.store_layout` makes; ``retries`` and ``backoff`` are as for :class:`Endpoint`.

    Raises
    ------
    EndpointError
        The URL is not usable, the server refused a graph (4xx, or 5xx after the retries) or could not be reached.

    Examples
    --------
    Loading needs a running server; the URL is checked before anything is sent:

    >>> load_graphs("ftp://example.org/store", {})
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: ftp://example.org/store: not an http:// or https:// URL
    """
    blank = any(isinstance(t, ox.BlankNode) for quads in layout.values() for q in quads for t in (q.subject, q.object))
    endpoint = Endpoint(url, retries=retries, backoff=backoff, idempotent=not (append and blank))
    method = "POST" if append else "PUT"
    report = LoadReport(target=url)
    started = time.perf_counter()
    for i, (graph, quads) in enumerate(layout.items(), 1):
        target = graph_url(url, graph)
        if i == 1:
            endpoint.negotiate(target)
        body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
        try:
            response = endpoint.request(
                method, target, data=body, headers={"Content-Type": ox.RdfFormat.N_TRIPLES.media_type}
            )
        except EndpointError as e:
            done = f"; {i - 1} of {len(layout)} graphs were loaded before it" if i > 1 else ""
            raise EndpointError(f"{e}{done}") from None
        action = "added to" if append else "created" if response.status_code == 201 else "replaced"
        report.graphs.append((graph, len(quads), action))
        progress(
            f"[{i}/{len(layout)}] {method} {target}: {response.status_code} {response.reason}, {len(quads):,} triples"
        )
    report.seconds = time.perf_counter() - started
    return report


def graph_url(url: str, graph: GraphName) -> str:
    """The Graph Store Protocol URL of ``graph``: ``?graph=IRI`` (indirect identification), or ``?default``.

    Examples
    --------
    >>> graph_url("http://localhost:7878/store", ox.NamedNode("https://example.org/g?x=1"))
    'http://localhost:7878/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1'
    >>> graph_url("http://localhost:8890/sparql-graph-crud?user=x", ox.DefaultGraph())
    'http://localhost:8890/sparql-graph-crud?user=x&default'
    """
    join = "&" if "?" in url else "?"
    if isinstance(graph, ox.DefaultGraph):
        return f"{url}{join}default"
    return f"{url}{join}graph={quote(graph.value, safe='')}"


def query_endpoint(url: str, text: str, *, retries: int = 4) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
    """Run a query at a SPARQL 1.1 Protocol endpoint: ``ox.QuerySolutions`` or ``ox.QueryBoolean`` for SELECT and
    ASK, a list of ``ox.Triple`` for CONSTRUCT and DESCRIBE, read in whatever format the server answers.

    Raises
    ------
    EndpointError
        The URL is not usable, the server failed or could not be reached, or its answer is in no format this reads
        or does not parse.

    Examples
    --------
    Querying needs a running server (``query_endpoint("http://localhost:7878/query", "ASK { ?s ?p ?o }")``);
    the URL is checked before anything is sent:

    >>> query_endpoint("ftp://example.org/sparql", "ASK { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: ftp://example.org/sparql: not an http:// or https:// URL
    """
    endpoint = Endpoint(url, retries=retries)
    accept = _GRAPHS if query_form(text) in ("CONSTRUCT", "DESCRIBE") else _RESULTS
    response = endpoint.request("POST", url, data={"query": text}, headers={"Accept": accept})
    media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    try:
        results_format = ox.QueryResultsFormat.from_media_type(media)
        if results_format is not None:
            return ox.parse_query_results(response.content, results_format)
        rdf_format = ox.RdfFormat.N_TRIPLES if media == "text/plain" else ox.RdfFormat.from_media_type(media)
        if rdf_format is None:
            raise EndpointError(
                f"POST {url}: the server answered in {media or 'an unnamed format'}, which is "
                "neither a SPARQL results format nor RDF"
            )
        return [t.triple if isinstance(t, ox.Quad) else t for t in ox.parse(response.content, rdf_format)]
    except SyntaxError as e:
        raise EndpointError(f"POST {url}: the server's answer ({media}) does not parse: {e}") from None


def query_form(text: str) -> str:
    r"""SELECT, ASK, CONSTRUCT or DESCRIBE: the first query keyword outside comments, IRIs and strings (else SELECT).

    Examples
    --------
    >>> query_form('PREFIX ex: <http://example.org/select#> # ASK?\nCONSTRUCT { ?s ?p "SELECT" } WHERE { ?s ?p ?o }')
    'CONSTRUCT'
    >>> query_form("describe <https://w3id.org/fupin-kg/lexicon/role-first-secretary>")
    'DESCRIBE'
    """
    stripped = re.sub(
        r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>\s]*>|#[^\n]*', " ", text
    )
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", stripped, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def _credentials(url: str) -> tuple[str, str, str] | None:
    """(user, password, where they came from), from the environment or a netrc file."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password is not None:
        return user, password, f"{USER_VARIABLE}/{PASSWORD_VARIABLE}"
    from requests.utils import get_netrc_auth

    found = get_netrc_auth(url)
    return (found[0], found[1], os.environ.get("NETRC", "~/.netrc")) if found else None


def _server_words(response: Response, limit: int = 400) -> str:
    """The server's explanation on one line: tags removed, whitespace collapsed, shortened."""
    text = response.text
    if "html" in response.headers.get("Content-Type", ""):
        text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split()) or "(no explanation given)"
    return text if len(text) <= limit else text[:limit] + "…"


def _connection_problem(error: BaseException) -> str:
    """What went wrong with the connection, without the library's nesting of exception reprs."""
    text = str(error)
    for pattern, words in (
        (r"Connection refused", "connection refused"),
        (r"Connection reset|Connection aborted|RemoteDisconnected|BrokenPipe|Broken pipe", "the connection was cut"),
        (r"Name or service not known|nodename nor servname|getaddrinfo", "unknown host"),
    ):
        if re.search(pattern, text):
            return words
    match = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    return match.group(1).strip() if match else type(error).__name__
