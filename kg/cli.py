"""The ``kg`` command: one thin function per subcommand over the pipeline modules."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import click

from kg import __version__, folder, formats
from kg.folder import BaseMismatch
from kg.ledger import STATES
from kg.settings import Settings, SettingsError, describe, env_name
from kg.snapshots import SnapshotError
from kg.store import StoreError

if TYPE_CHECKING:
    from kg.entities import KnownEntities
    from kg.snapshots import Snapshot
    from kg.store import Store

_EPILOG = "Every option also reads an environment variable; `kg settings` lists them all."
_SETTINGS = {row["name"]: row for row in describe()}


class _Context:
    def __init__(self, given: Settings):
        self.given = given

    @cached_property
    def settings(self) -> Settings:
        """The settings, with the base IRI recorded with the data (see :mod:`kg.folder`)."""
        try:
            return folder.resolve(self.given)
        except BaseMismatch as exc:
            raise Failure(str(exc)) from None


class Failure(click.ClickException):
    """A command that cannot do what was asked: ``kg: message`` on standard error, exit 2
    (or ``exit_code``)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        click.secho(f"kg: {self.format_message()}", fg="red", err=True)


def _help(name: str, text: str | None = None) -> str:
    """An option's help: ``text`` (else the setting's own help), its variable and its default,
    all from the settings table."""
    row = _SETTINGS[name]
    default = row["default"] or "(empty)"
    return f"{text or row['help'].rstrip('.')} [env {row['env']}; default {default}]."


@click.group(name="kg", epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help=_help("data_dir"))
@click.option("--base-iri", default=None, help=_help("base_iri"))
@click.version_option(__version__, prog_name="newskg")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, base_iri: str | None) -> None:
    """newskg: turn a news archive into a validated knowledge graph and publish it.

    \b
    Typical use:
      kg ingest seeds/          read, extract, map, validate and store the articles
      kg serve                  publish SPARQL, linked data and dumps on localhost:5000
    """
    try:
        ctx.obj = _Context(Settings.from_env(data_dir=data_dir, base_iri=base_iri))
    except SettingsError as exc:
        raise Failure(str(exc)) from None


@cli.command(epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Re-map and re-store articles even when unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--ner", type=click.Choice(["auto", "model", "rules"]), default=None,
              help=_help("ner", "Name finder"))
@click.pass_obj
def ingest(obj: _Context, paths: tuple[Path, ...], force: bool, quiet: bool,
           ner: str | None) -> None:
    """Ingest article files and folders (their *.txt files) into the store.

    Each file ends in one recorded state: ingested, updated, duplicate, superseded (an older
    headline of an article another file corrects) or rejected (with a reason); `kg files`
    lists them later. Exits 1 when any file was rejected, or when there is nothing to read.
    Articles are processed in NEWSKG_INGEST_PROCESSES worker processes (default: one per
    CPU core); the result is the same whatever their number.
    """
    from kg.articles import path_text
    from kg.entities import ExtractorError
    from kg.inbox import scan
    from kg.ingest import ingest as run_ingest
    from kg.workers import WorkersError

    settings = obj.settings.replace(ner=ner)
    inbox = scan(paths)  # one walk: the ingest is handed the files themselves
    files, total = inbox.files, len(inbox.files)
    # Said, not silently dropped: a folder may hold notes beside the articles.
    for reason, passed in inbox.passed_over_by_reason().items():
        shown = ", ".join(path_text(p) for p in passed[:5]) + (" ..." if len(passed) > 5 else "")
        click.echo(f"not read, {len(passed)} {reason}: {shown}", err=True)
    if not files:  # said, and nothing opened, changed or published
        raise Failure(f"nothing to read in {', '.join(path_text(p) for p in paths)}: no *.txt file "
              "(and nothing named that is a regular file)", exit_code=1)
    try:
        with click.progressbar(length=total, label="ingesting", file=sys.stderr,
                               hidden=quiet or not sys.stderr.isatty(),
                               show_pos=True, show_eta=True) as bar:
            report = run_ingest(files, settings, force=force, progress=bar.update)
    except (StoreError, ExtractorError, WorkersError) as exc:
        raise Failure(str(exc)) from None
    except KeyboardInterrupt:
        # The store and the ledger are closed and the workers ended by now: exit at once, not
        # through the process pool's exit hooks, which can wait forever on a worker that was
        # ended while it held the pool's queue.
        click.echo("\ninterrupted: the articles stored so far are kept; run the same command "
                   "again to finish and publish", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    tally = report.tally()
    click.echo(f"{total} file(s):")
    for state in ("ingested", "updated", "unchanged", "duplicate", "superseded", "rejected"):
        click.echo(f"  {state:<10} {tally.get(state, 0):>7}")
    if report.extractor_mode:
        click.echo(f"names found with: {report.extractor_mode}, in {report.processes} "
                   f"process(es)")
    if report.snapshot:
        _say_published(report.snapshot)
    elif not tally.keys() & {"ingested", "updated", "unchanged", "duplicate", "superseded"}:
        click.echo("nothing published: no article was ingested")
    superseded = [o for o in report.outcomes if o.state == "superseded"]
    if superseded:
        click.echo("superseded (one article kept, with the later title):")
        for outcome in superseded:
            click.echo(f"  {outcome.path}: {outcome.message}")
    if report.rejected:
        click.echo("rejected:", err=True)
        for outcome in report.rejected:
            click.echo(f"  {outcome.describe()}", err=True)
        sys.exit(1)


@cli.command(epilog=_EPILOG)
@click.pass_obj
def publish(obj: _Context) -> None:
    """Publish the store as it is, as a new snapshot, without reading any file.

    `kg ingest` publishes by itself; this is for after an upgrade of newskg, so that what a
    snapshot derives from the articles (the dumps, the mention counts) is made anew.
    """
    settings = obj.settings
    if not settings.store_path.is_dir():
        raise Failure(f"no store under {settings.data_dir}: run `kg ingest` first")
    _say_published(_publish(settings))


@cli.command(epilog=_EPILOG)
@click.argument("base")
@click.pass_obj
def rebase(obj: _Context, base: str) -> None:
    """Move the data under a new base IRI: rewrite every IRI of the store, record BASE, publish.

    IRIs belong to the data and are recorded with it at the first ingest; when the service
    moves to a new public URL, this rewrites them (the old store is kept until the new one is
    complete, so an interrupted rebase is finished or undone by the next command).

    \b
    kg rebase https://news.example.org/kg
    """
    base = base.rstrip("/")
    parsed = urlsplit(base)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query or \
            parsed.fragment:
        raise Failure(f"{base!r} is not an http(s) URL without query or fragment")
    settings = _recorded(obj)
    if not settings.store_path.is_dir():
        raise Failure(f"no store under {settings.data_dir}: run `kg ingest` first")
    if base == settings.base:
        click.echo(f"the data is already under {base}")
        return
    try:
        folder.rebase(settings, base)
    except StoreError as exc:
        raise Failure(str(exc)) from None
    click.echo(f"rewrote every IRI under {settings.base} to {base}")
    _say_published(_publish(settings.replace(base_iri=base)))


def _recorded(obj: _Context) -> Settings:
    """The settings with the recorded base, whatever base was given."""
    try:
        return folder.resolve(obj.given.replace(base_iri=""))
    except BaseMismatch as exc:  # cannot happen with no base given; said if it ever does
        raise Failure(str(exc)) from None


def _publish(settings: Settings) -> Snapshot:
    from kg.publish import publish as publish_store

    try:
        store = folder.open_for_writing(settings)
    except StoreError as exc:
        raise Failure(str(exc)) from None
    try:
        return publish_store(store, settings.snapshots_dir)
    finally:
        store.close()


def _say_published(snapshot: Snapshot) -> None:
    s = snapshot.stats
    click.echo(f"published snapshot {snapshot.name}: {s.articles} articles, {s.triples} triples")


@cli.command(epilog=_EPILOG)
@click.option("--state", type=click.Choice(list(STATES)), default=None,
              help="Only files in this state.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def files(obj: _Context, state: str | None, as_json: bool) -> None:
    """List the record of every file ever ingested and its state."""
    from dataclasses import asdict

    from kg.ledger import Ledger

    settings = obj.settings
    if not settings.data_dir.is_dir():
        raise Failure(f"there is no data folder {settings.data_dir}: nothing was ever "
                      "ingested there (give --data-dir, or run `kg ingest` first)")
    if not settings.ledger_path.is_file():
        click.echo(f"no file has been ingested under {settings.data_dir}", err=True)
        return
    ledger = Ledger(settings.ledger_path, read_only=True)
    for record in ledger.files(state):
        if as_json:
            click.echo(json.dumps(asdict(record)))
        else:
            detail = f"  {record.reason}: {record.message}" if record.reason else ""
            line = f":{record.line}" if record.line else ""
            relation = "replaced by" if record.state == "superseded" else "same as"
            dup = f"  ({relation} {record.duplicate_of})" if record.duplicate_of else ""
            click.echo(f"{record.state:<10} {record.path}{line}{detail}{dup}")
    ledger.close()


@cli.command(epilog=_EPILOG)
@click.pass_obj
def validate(obj: _Context) -> None:
    """Validate the whole store against shapes/; exit 1 on any violation."""
    from kg.validation import validate_store

    with _open_snapshot(obj.settings) as store:
        report = validate_store(store)
    for finding in report.findings:
        click.echo(str(finding))
    click.echo(f"{len(report.violations)} violation(s), {len(report.warnings)} warning(s)")
    if not report.conforms:
        sys.exit(1)


@cli.command(epilog=_EPILOG)
@click.option("--format", "fmt", type=click.Choice([f.name for f in formats.DUMPS]),
              default="turtle",
              show_default=True, help="Serialisation (N-Quads keeps one graph per article).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.pass_obj
def dump(obj: _Context, fmt: str, output: Path | None) -> None:
    """Write the whole graph (the union of the article graphs)."""
    chosen = formats.named(formats.DUMPS, fmt)
    with _open_snapshot(obj.settings) as store:
        if output is None:
            store.dump(sys.stdout.buffer, chosen)
        else:
            with open(output, "wb") as out:
                store.dump(out, chosen)


@cli.command(epilog=_EPILOG)
@click.option("--json", "as_json", is_flag=True, help="As a JSON object.")
@click.pass_obj
def stats(obj: _Context, as_json: bool) -> None:
    """Count articles, people, organisations, places and triples."""
    from dataclasses import asdict

    from kg.publish import stats as count
    from kg.snapshots import current

    settings = obj.settings
    try:
        published = current(settings.snapshots_dir)
    except SnapshotError as exc:
        raise Failure(str(exc)) from None
    unpublished = _unpublished(settings, published)
    if unpublished and published is None:
        raise Failure(f"nothing published under {settings.data_dir} yet: {unpublished}")
    with _open_snapshot(settings) as store:
        numbers = asdict(count(store))
    if as_json:
        click.echo(json.dumps(numbers))
    else:
        for name, value in numbers.items():
            click.echo(f"{name:<14} {value:>10}")
    if unpublished:
        click.echo(f"these are the published snapshot's; {unpublished}", err=True)


def _unpublished(settings: Settings, snapshot: Snapshot | None) -> str | None:
    """What to say when the store changed after ``snapshot``: an ingest stopped half-way."""
    from kg.ledger import Ledger

    if not settings.ledger_path.is_file():
        return None
    ledger = Ledger(settings.ledger_path, read_only=True)
    try:
        if not ledger.changed_since(snapshot.name if snapshot else None):
            return None
        counts = ledger.counts()
    finally:
        ledger.close()
    return (f"the store holds changes not published (an ingest stopped before publishing; "
            f"{counts['ingested'] + counts['updated']} file(s) are recorded as stored): run the "
            "same `kg ingest` again to finish it, or `kg publish` to publish the store as it is")


RESULT_FORMATS = ("json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml")


@cli.command(epilog=_EPILOG)
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", *RESULT_FORMATS, *GRAPH_FORMATS]),
              default="table", show_default=True,
              help="Output format: table, json, csv, tsv or xml for SELECT/ASK; turtle, "
              "ntriples, jsonld or rdfxml for CONSTRUCT/DESCRIBE (a table shows graphs as "
              "Turtle).")
@click.option("--param", "-p", multiple=True, metavar="NAME=VALUE",
              help="Value of a query parameter (see the query's header); repeatable.")
@click.pass_obj
def query(obj: _Context, query: str, fmt: str, param: tuple[str, ...]) -> None:
    """Run a SPARQL query: a name from queries/, a .rq file, or the query text itself.

    The query runs as the endpoint runs it: SERVICE refused, no network, the time limit, the
    memory cap and the row cap (a cut result is said on standard error).

    \b
    kg query top-people
    kg query articles-mentioning -p entity='<id/person/kassym-jomart-tokayev>'
    kg query co-mentions -p entity=http://localhost:5000/id/person/wang-yi --format json
    kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.queries import QueryError, resolve
    from kg.sparql.pool import QueryPool, QueryUnavailable

    settings = obj.settings
    try:
        text = resolve(query, dict(p.split("=", 1) for p in param if "=" in p))
    except QueryError as exc:
        raise Failure(str(exc)) from None
    snapshot = _published(settings)
    pool = QueryPool(1, timeout=settings.query_timeout, memory_mb=settings.query_memory_mb,
                     wait=settings.query_wait)
    try:
        head, body = pool.run({
            "query": text, "store": str(snapshot.store_path), "base": settings.base,
            "results_format": "json" if fmt == "table" else fmt if fmt in RESULT_FORMATS
            else None,
            "graph_format": "turtle" if fmt == "table" else fmt if fmt in GRAPH_FORMATS else None,
            "max_rows": settings.max_rows,
        })
    except QueryUnavailable as exc:
        raise Failure(str(exc), exit_code=1) from None
    finally:
        pool.close()
    error = head.get("error")
    if error == "not_acceptable":
        kinds = (("CONSTRUCT/DESCRIBE", GRAPH_FORMATS) if head["kind"] == "graph"
                 else ("SELECT/ASK", RESULT_FORMATS))
        raise Failure(f"--format {fmt} does not fit a {kinds[0]} query: use table or one of "
                      f"{', '.join(kinds[1])}")
    if error in ("syntax", "refused", "bad_request"):
        raise Failure(f"the query is not valid SPARQL: {head['message']}" if error == "syntax"
                      else head["message"])
    if error:
        raise Failure("the query could not be answered (see the message above)", exit_code=1)
    if fmt == "table" and head["kind"] != "graph":
        _print_table(json.loads(body))
    else:  # a graph has no table: it is written as Turtle
        sys.stdout.buffer.write(body)
    if head["truncated"]:
        click.echo(f"kg: the result was cut at {settings.max_rows} rows "
                   f"({env_name('max_rows')}); raise it to see more", err=True)


def _print_table(results: dict[str, Any]) -> None:
    if "boolean" in results:
        click.echo("true" if results["boolean"] else "false")
        return
    names = results["head"]["vars"]
    rows = [[b.get(n, {}).get("value", "") for n in names] for b in results["results"]["bindings"]]
    widths = [min(60, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]
    click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)))
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


@cli.command(epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.option("--ner", type=click.Choice(["auto", "model", "rules"]), default=None,
              help=_help("ner", "Name finder"))
@click.pass_obj
def extract(obj: _Context, paths: tuple[Path, ...], as_json: bool, ner: str | None) -> None:
    """Show the people, organisations and places found in articles (nothing is stored).

    Names resolve against the published snapshot's entities, as `kg ingest` would link them.
    """
    from kg.articles import ArticleError, read_article
    from kg.entities import Extractor, ExtractorError
    from kg.ingest import find_files

    settings = obj.settings.replace(ner=ner)
    articles, failed = [], False
    for path in find_files(paths):
        try:
            articles.append(read_article(path, max_file_bytes=settings.max_file_bytes,
                                         max_field_chars=settings.max_field_chars))
        except ArticleError as exc:
            click.echo(str(exc), err=True)
            failed = True
    try:
        extractions = Extractor(settings).extract(articles, known=_published_known(settings))
    except ExtractorError as exc:
        raise Failure(str(exc)) from None
    for article, extraction in zip(articles, extractions, strict=True):
        data = {"file": str(article.path), "key": article.key,
                **extraction.to_json(settings.base)}
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            click.echo(f"{article.path}  ({article.title})")
            for kind in ("persons", "organizations", "places"):
                for entity in data[kind]:
                    click.echo(f"  {kind[:-1]:<12} {entity['name']}  <{entity['iri']}>  "
                               f"{' | '.join(entity['mentions'])}")
    if failed:
        sys.exit(1)


@cli.command(epilog=_EPILOG)
@click.option("--host", default=None, help=_help("host"))
@click.option("--port", type=int, default=None, help=_help("port"))
@click.option("--workers", type=int, default=None, help=_help("workers"))
@click.option("--dev", is_flag=True, help="Flask's development server with the reloader "
              "(never for users).")
@click.pass_obj
def serve(obj: _Context, host: str | None, port: int | None, workers: int | None,
          dev: bool) -> None:
    """Serve SPARQL, linked-data documents and dumps of the published snapshot."""
    from kg.web.server import run

    run(obj.settings.replace(host=host, port=port, workers=workers), dev=dev)


@cli.command("settings", epilog=_EPILOG)
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.option("--markdown", is_flag=True,
              help="The defaults as the README's Markdown table (no current values).")
@click.pass_obj
def show_settings(obj: _Context, as_json: bool, markdown: bool) -> None:
    """List every setting: its environment variable, default, current value and meaning."""
    if markdown:
        click.echo(settings_table())
        return
    rows = [{**row, "value": str(getattr(obj.settings, row["name"]))} for row in describe()]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['env']:<26} {row['value']:<32} {row['help']}")


def settings_table() -> str:
    """Every setting as a row of a Markdown table: variable, default, meaning."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    rows += [f"| `{row['env']}` | `{row['default'] or '(unset)'}` | {row['help']} |"
             for row in describe()]
    return "\n".join(rows)


def _published_known(settings: Settings) -> KnownEntities | None:
    """The entities of the published snapshot (read-only), as `kg ingest` would resolve against;
    None before anything is published."""
    from kg.ingest import known_entities
    from kg.snapshots import current

    try:
        snapshot = current(settings.snapshots_dir)
    except SnapshotError as exc:
        raise Failure(str(exc)) from None
    if snapshot is None:
        return None
    with _open_snapshot(settings) as store:
        return known_entities(store)


def _published(settings: Settings) -> Snapshot:
    """The current snapshot; a command that needs one ends when there is none."""
    from kg.snapshots import current

    try:
        snapshot = current(settings.snapshots_dir)
    except SnapshotError as exc:
        raise Failure(str(exc)) from None
    if snapshot is None:
        raise Failure(f"nothing published under {settings.data_dir}: run `kg ingest` first")
    return snapshot


@contextmanager
def _open_snapshot(settings: Settings) -> Iterator[Store]:
    """The published snapshot, read-only: reading never waits for, or blocks, an ingest."""
    from kg.store import open_store

    snapshot = _published(settings)
    try:
        store = open_store(snapshot.store_path, snapshot.base, read_only=True)
    except StoreError as exc:
        raise Failure(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


def main() -> None:
    cli(prog_name="kg")
