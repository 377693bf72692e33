"""The `kg` command: help, exit codes and output of each subcommand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.settings import Settings
from tests.conftest import BAD, CORPUS, ROOT, SEEDS

SUBCOMMANDS = ["ingest", "publish", "rebase", "files", "validate", "dump", "stats", "query",
               "extract", "serve", "settings"]


@pytest.fixture
def run(settings: Settings):
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(cli, ["--data-dir", str(settings.data_dir), *args],
                             env={"NEWSKG_NER": "rules", **(env or {})}, catch_exceptions=False)

    return invoke


def test_help_lists_every_subcommand(run):
    result = run("--help")
    assert result.exit_code == 0
    for name in SUBCOMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_each_subcommand_has_complete_help(run, name: str):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Usage: kg " + name in result.output
    assert "kg settings" in result.output  # the epilog points at the settings table


def test_ingest_prints_the_tally_and_rejections_and_exits_1(run):
    result = run("ingest", "-q", str(SEEDS), str(BAD))
    assert result.exit_code == 1
    assert "ingested" in result.output and "rejected" in result.output
    assert "bad-date.txt:1: bad-date:" in result.output


def test_files_in_folders_that_are_not_articles_are_named(run):
    result = run("ingest", "-q", str(CORPUS))
    assert "not read, 3 not *.txt" in result.output and "gold.json" in result.output


def test_clean_ingest_exits_0_and_files_lists_the_record(run):
    result = run("ingest", "-q", str(SEEDS))
    assert result.exit_code == 0, result.output
    listed = run("files", "--json")
    records = [json.loads(line) for line in listed.output.splitlines()]
    assert [r["state"] for r in records] == ["ingested"]


def test_stats_dump_and_validate_agree(run, tmp_path: Path):
    run("ingest", "-q", str(SEEDS), str(CORPUS))
    stats = json.loads(run("stats", "--json").output)
    assert stats["articles"] == 25
    out = tmp_path / "all.nt"
    assert run("dump", "--format", "ntriples", "-o", str(out)).exit_code == 0
    assert len(out.read_text().splitlines()) == stats["triples"]
    validated = run("validate")
    assert validated.exit_code == 0, validated.output
    assert "0 violation(s)" in validated.output


def test_query_by_name_file_and_text(run, tmp_path: Path):
    run("ingest", "-q", str(SEEDS), str(CORPUS))
    table = run("query", "top-people")
    assert table.exit_code == 0 and "?" not in table.output.splitlines()[0]
    assert "rows)" in table.output
    as_json = json.loads(run("query", "top-people", "--format", "json").output)
    assert as_json["results"]["bindings"]
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }")
    assert "25" in run("query", str(query), "--format", "csv").output
    graph = run("query", "CONSTRUCT WHERE { ?a <http://schema.org/headline> ?h }")
    assert graph.exit_code == 0 and "schema:headline" in graph.output
    assert "true" in run("query", "ASK { ?s ?p ?o }").output
    bad = run("query", "SELECT WHERE {")
    assert bad.exit_code == 2 and "not valid SPARQL" in bad.output
    mismatch = run("query", "ASK {}", "--format", "turtle")
    assert mismatch.exit_code == 2 and "does not fit a SELECT/ASK query" in mismatch.output


def test_query_follows_the_endpoint_s_rules(run, listener: tuple[str, list[bytes]]):
    url, hits = listener
    run("ingest", "-q", str(SEEDS))
    refused = run("query", f"SELECT * WHERE {{ SERVICE <{url}/> {{ ?s ?p ?o }} }}")
    assert refused.exit_code == 2 and "SERVICE is not allowed" in refused.output
    assert hits == []
    cut = run("query", "SELECT * WHERE { ?s ?p ?o }", env={"NEWSKG_MAX_ROWS": "3"})
    assert cut.exit_code == 0 and "(3 rows)" in cut.output
    assert "cut at 3 rows" in cut.output


def test_publish_makes_a_new_snapshot_of_the_store_as_it_is(run):
    assert run("publish").exit_code == 2  # no store yet
    first = run("ingest", "-q", str(SEEDS)).output.splitlines()[-1]
    again = run("publish")
    said = again.output.strip()
    assert again.exit_code == 0, again.output
    assert said.startswith("published snapshot ")
    assert said.split(":")[1] == first.split(":")[1]  # same articles and triples
    assert said.split(":")[0] != first.split(":")[0]  # another snapshot


def test_reading_commands_explain_when_nothing_is_published(run):
    result = run("stats")
    assert result.exit_code == 2
    assert "kg ingest" in result.output


def test_a_damaged_snapshot_is_said_with_the_way_out(run, settings: Settings):
    run("ingest", "-q", str(SEEDS))
    name = (settings.snapshots_dir / "CURRENT").read_text().strip()
    (settings.snapshots_dir / name / "meta.json").unlink()
    for command in ("stats", "query", "dump"):
        result = run(command, *(["ASK {}"] if command == "query" else []))
        assert result.exit_code == 2
        assert f"the current snapshot {name!r} cannot be read" in result.output
        assert "run `kg publish`" in result.output
    assert run("publish").exit_code == 0
    assert run("stats").exit_code == 0


def test_option_help_comes_from_the_settings_table(run):
    from kg.settings import describe

    helps = {row["name"]: row for row in describe()}
    text = " ".join(run("serve", "--help").output.split())
    for name in ("host", "port", "workers"):
        assert f"[env {helps[name]['env']}; default {helps[name]['default']}]" in text


def test_settings_lists_every_variable(run):
    result = run("settings")
    assert "NEWSKG_BASE_IRI" in result.output and "NEWSKG_QUERY_TIMEOUT" in result.output


def test_extract_prints_one_json_object_per_article(run):
    result = run("extract", "--json", str(SEEDS))
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    data = json.loads(line)
    assert data["file"].endswith("000_6dffb495a35dd12c.txt")
    assert {"persons", "organizations", "places"} <= set(data)


def examples() -> list[list[str]]:
    """Every `kg query` command the README and `kg query --help` show, as arguments."""
    import shlex

    readme = (ROOT / "README.md").read_text()
    shown = re.findall(r"^\s*(?:\.venv/bin/)?kg (query .*)$", readme, re.M)
    help_text = CliRunner().invoke(cli, ["query", "--help"]).output
    shown += re.findall(r"^\s*kg (query .*)$", help_text, re.M)
    return [shlex.split(line) for line in dict.fromkeys(shown)]


def test_every_query_example_shown_runs_and_finds_something_on_the_seed(run):
    # The README's are for the quick start's data: the seed alone.
    run("ingest", "-q", str(SEEDS))
    shown = examples()
    assert len(shown) >= 7  # the README's six, and the help's co-mentions
    for arguments in shown:
        result = run(*arguments)
        assert result.exit_code == 0, (arguments, result.output)
        assert "(0 rows)" not in result.output and result.output.strip(), arguments


def test_ingest_of_nothing_to_read_says_so_and_publishes_nothing(run, settings: Settings,
                                                                  tmp_path: Path):
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.md").write_text("not an article")
    result = run("ingest", "-q", str(empty))
    assert result.exit_code == 1
    assert "nothing to read in" in result.output and "notes.md" in result.output
    assert not settings.data_dir.exists()  # nothing created, nothing published


def test_ingest_of_only_rejected_files_publishes_nothing(run, settings: Settings):
    result = run("ingest", "-q", str(BAD))
    assert result.exit_code == 1
    assert "nothing published: no article was ingested" in result.output
    assert not settings.snapshots_dir.exists()


def test_files_on_a_data_folder_that_does_not_exist_says_so(run, settings: Settings):
    result = run("files")
    assert result.exit_code == 2 and "no data folder" in result.output
    assert not settings.data_dir.exists()


def test_stats_after_an_interrupted_ingest_says_what_to_run(run, settings: Settings,
                                                            monkeypatch: pytest.MonkeyPatch):
    from kg import ingest as ingest_module

    def stop_before_publishing(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "publish", stop_before_publishing)
    with pytest.raises(KeyboardInterrupt):
        ingest_module.ingest([SEEDS], settings)
    monkeypatch.undo()
    result = run("stats")
    assert result.exit_code == 2
    assert "1 file(s) are recorded as stored" in result.output
    assert "run the same `kg ingest` again" in result.output
    assert run("ingest", "-q", str(SEEDS)).exit_code == 0  # running it again finishes it
    result = run("stats")
    assert result.exit_code == 0 and "not published" not in result.output
    # Interrupted again after a first publish: the published counts, and what to run.
    monkeypatch.setattr(ingest_module, "publish", stop_before_publishing)
    with pytest.raises(KeyboardInterrupt):
        ingest_module.ingest([CORPUS], settings)
    monkeypatch.undo()
    result = run("stats")
    assert result.exit_code == 0 and "articles" in result.output
    assert "changes not published" in result.output


def test_extract_resolves_names_against_the_published_snapshot(run, tmp_path: Path):
    """`kg extract` links what `kg ingest` would: an acronym the store already spells out."""
    first, later = tmp_path / "first.txt", tmp_path / "later.txt"
    first.write_text("Published Time: 2023-05-01\nTitle: Summit opens\nAuthor: Staff Reporter\n"
                     "Text:\nThe Shanghai Cooperation Organization (SCO) met in Astana.\n")
    later.write_text("Published Time: 2023-05-02\nTitle: Summit ends\nAuthor: Staff Reporter\n"
                     "Text:\nThe SCO closed its meeting on Tuesday.\n")

    def organisations() -> list[str]:
        result = run("extract", "--json", str(later))
        assert result.exit_code == 0, result.output
        return [e["name"] for e in json.loads(result.output)["organizations"]]

    assert organisations() == ["SCO"]  # nothing published: the acronym alone
    assert run("ingest", "--quiet", str(first)).exit_code == 0
    assert organisations() == ["Shanghai Cooperation Organization"]
