"""The ``kg`` command: one thin function per subcommand over the pipeline modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg import __version__
from kg.settings import Settings, SettingsError, describe, env_name
from kg.store import DUMP_FORMATS, StoreError

if TYPE_CHECKING:
    from kg.entities import KnownEntities
    from kg.publish import Snapshot
    from kg.store.embedded import OxigraphStore

_EPILOG = "Every option also reads an environment variable; `kg settings` lists them all."


class _Context:
    def __init__(self, settings: Settings):
        self.settings = settings


def _fail(message: str, code: int = 2) -> None:
    click.secho(f"kg: {message}", fg="red", err=True)
    sys.exit(code)


@click.group(name="kg", epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir", type=click.Path(path_type=Path), default=None,
    help=f"Folder of the store, ingest record and snapshots [env {env_name('data_dir')}; "
    "default ./data].",
)
@click.option(
    "--base-iri", default=None,
    help=f"Base of every minted IRI [env {env_name('base_iri')}; default http://localhost:5000].",
)
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
        _fail(str(exc))


@cli.command(epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Re-map and re-store articles even when unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--ner", type=click.Choice(["auto", "model", "rules"]), default=None,
    help=f"Name finder [env {env_name('ner')}; default auto].",
)
@click.pass_obj
def ingest(obj: _Context, paths: tuple[Path, ...], force: bool, quiet: bool,
           ner: str | None) -> None:
    """Ingest article files and folders (their *.txt files) into the store.

    Each file ends in one recorded state: ingested, updated, duplicate or rejected (with a
    reason); `kg files` lists them later. Exits 1 when any file was rejected.
    """
    from kg.entities import ExtractorError
    from kg.ingest import ingest as run_ingest
    from kg.ingest import scan

    settings = obj.settings.replace(ner=ner)
    files, others = scan(paths)  # one walk: the ingest is handed the files themselves
    total = len(files)
    if others:  # said, not silently dropped: a folder may hold notes beside the articles
        shown = ", ".join(str(p) for p in others[:5]) + (" ..." if len(others) > 5 else "")
        click.echo(f"not read ({len(others)} file(s) in the folders that are not *.txt; name "
                   f"them to ingest them): {shown}", err=True)
    try:
        with click.progressbar(length=total, label="ingesting", file=sys.stderr,
                               hidden=quiet or not sys.stderr.isatty()) as bar:
            report = run_ingest(files, settings, force=force, progress=bar.update)
    except (StoreError, ExtractorError) as exc:
        _fail(str(exc))
    tally = report.tally()
    click.echo(f"{total} file(s):")
    for state in ("ingested", "updated", "unchanged", "duplicate", "rejected"):
        click.echo(f"  {state:<10} {tally.get(state, 0):>7}")
    if report.extractor_mode:
        click.echo(f"names found with: {report.extractor_mode}")
    if report.snapshot:
        _say_published(report.snapshot)
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
    from kg.publish import publish as publish_store

    settings = obj.settings
    if not settings.store_path.is_dir():
        _fail(f"no store under {settings.data_dir}: run `kg ingest` first")
    with _opened(settings.store_path, settings.base) as store:
        snapshot = publish_store(store, settings.snapshots_dir)
    _say_published(snapshot)


def _say_published(snapshot: Snapshot) -> None:
    s = snapshot.stats
    click.echo(f"published snapshot {snapshot.name}: {s.articles} articles, {s.triples} triples")


@cli.command(epilog=_EPILOG)
@click.option("--state", type=click.Choice(["ingested", "updated", "duplicate", "rejected"]),
              default=None, help="Only files in this state.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def files(obj: _Context, state: str | None, as_json: bool) -> None:
    """List the record of every file ever ingested and its state."""
    from dataclasses import asdict

    from kg.ledger import Ledger

    ledger = Ledger(obj.settings.ledger_path)
    for record in ledger.files(state):
        if as_json:
            click.echo(json.dumps(asdict(record)))
        else:
            detail = f"  {record.reason}: {record.message}" if record.reason else ""
            line = f":{record.line}" if record.line else ""
            dup = f"  (same as {record.duplicate_of})" if record.duplicate_of else ""
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
@click.option("--format", "fmt", type=click.Choice(list(DUMP_FORMATS)), default="turtle",
              show_default=True, help="Serialisation (N-Quads keeps one graph per article).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.pass_obj
def dump(obj: _Context, fmt: str, output: Path | None) -> None:
    """Write the whole graph (the union of the article graphs)."""
    with _open_snapshot(obj.settings) as store:
        if output is None:
            store.dump(sys.stdout.buffer, fmt)
        else:
            with open(output, "wb") as out:
                store.dump(out, fmt)


@cli.command(epilog=_EPILOG)
@click.option("--json", "as_json", is_flag=True, help="As a JSON object.")
@click.pass_obj
def stats(obj: _Context, as_json: bool) -> None:
    """Count articles, people, organisations, places and triples."""
    from dataclasses import asdict

    from kg.publish import stats as count

    with _open_snapshot(obj.settings) as store:
        numbers = asdict(count(store))
    if as_json:
        click.echo(json.dumps(numbers))
    else:
        for name, value in numbers.items():
            click.echo(f"{name:<14} {value:>10}")


@cli.command(epilog=_EPILOG)
@click.argument("query")
@click.option("--format", "fmt",
              type=click.Choice(["table", "json", "csv", "tsv", "xml", "turtle", "ntriples",
                                 "jsonld"]),
              default="table", show_default=True,
              help="Output format: table, json, csv, tsv or xml for SELECT/ASK; turtle, "
              "ntriples or jsonld for CONSTRUCT/DESCRIBE (a table shows graphs as Turtle).")
@click.option("--param", "-p", multiple=True, metavar="NAME=VALUE",
              help="Value of a query parameter (see the query's header); repeatable.")
@click.pass_obj
def query(obj: _Context, query: str, fmt: str, param: tuple[str, ...]) -> None:
    """Run a SPARQL query: a name from queries/, a .rq file, or the query text itself.

    \b
    kg query top-people
    kg query articles-mentioning -p person=http://localhost:5000/id/person/wang-yi
    kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.queries import QueryError, resolve

    try:
        text = resolve(query, dict(p.split("=", 1) for p in param if "=" in p))
    except QueryError as exc:
        _fail(str(exc))
    with _open_snapshot(obj.settings) as store:
        try:
            kind, body = store.query(text, "json" if fmt == "table" else fmt)
            if fmt == "table" and kind != "graph":
                _print_table(json.loads(body))
            else:  # a graph has no table: it is written as Turtle
                sys.stdout.buffer.write(body)
        except SyntaxError as exc:
            _fail(f"the query is not valid SPARQL: {exc}")


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
@click.option(
    "--ner", type=click.Choice(["auto", "model", "rules"]), default=None,
    help=f"Name finder [env {env_name('ner')}; default auto].",
)
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
        _fail(str(exc))
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
@click.option("--host", default=None, help=f"Listen address [env {env_name('host')}; "
              "default 127.0.0.1].")
@click.option("--port", type=int, default=None, help=f"Port [env {env_name('port')}; "
              "default 5000].")
@click.option("--workers", type=int, default=None,
              help=f"gunicorn worker processes [env {env_name('workers')}; default 2].")
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
@click.pass_obj
def show_settings(obj: _Context, as_json: bool) -> None:
    """List every setting: its environment variable, default, current value and meaning."""
    rows = [{**row, "value": str(getattr(obj.settings, row["name"]))} for row in describe()]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['env']:<26} {row['value']:<32} {row['help']}")


def _published_known(settings: Settings) -> KnownEntities | None:
    """The entities of the published snapshot (read-only), as `kg ingest` would resolve against."""
    from kg.ingest import known_entities
    from kg.publish import current

    snapshot = current(settings.snapshots_dir)
    if snapshot is None:
        return None
    with _opened(snapshot.store_path, settings.base, read_only=True) as store:
        return known_entities(store)


@contextmanager
def _open_snapshot(settings: Settings) -> Iterator[OxigraphStore]:
    """The published snapshot, read-only: reading never waits for, or blocks, an ingest."""
    from kg.publish import current

    snapshot = current(settings.snapshots_dir)
    if snapshot is None:
        _fail(f"nothing published under {settings.data_dir}: run `kg ingest` first")
    with _opened(snapshot.store_path, settings.base, read_only=True) as store:
        yield store


@contextmanager
def _opened(path: Path, base: str, *, read_only: bool = False) -> Iterator[OxigraphStore]:
    """The store at ``path``, closed afterwards; a store that cannot be opened ends the command."""
    from kg.store.embedded import OxigraphStore

    try:
        store = OxigraphStore(path, base, read_only=read_only)
    except StoreError as exc:
        _fail(str(exc))
    try:
        yield store
    finally:
        store.close()


def main() -> None:
    cli(prog_name="kg")
