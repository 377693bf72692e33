"""newskg as users install it: a built wheel in a fresh venv, run outside the checkout.

The wheel must carry everything that is not code (shapes, canned queries, templates, static
files, name data): a checkout hides a missing one, an installed package does not.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.web.conftest import free_port, wait_until_up

pytestmark = pytest.mark.e2e
MINUTES = 15 * 60


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The ``kg`` of a fresh venv holding only the built wheel (and what it depends on), and
    an empty folder outside the checkout to run it in."""
    where = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(where / "dist"), str(ROOT)], check=True, timeout=MINUTES)
    (wheel,) = (where / "dist").glob("newskg-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(where / "venv")], check=True)
    subprocess.run([str(where / "venv" / "bin" / "pip"), "install", "--quiet",
                    "--disable-pip-version-check", str(wheel)], check=True, timeout=MINUTES)
    home = where / "elsewhere"
    home.mkdir()
    shutil.copytree(SEEDS, home / "articles")
    yield where / "venv" / "bin" / "kg", home


def kg(installed: tuple[Path, Path], *args: str) -> subprocess.CompletedProcess[str]:
    binary, home = installed
    return subprocess.run([str(binary), "--data-dir", str(home / "data"), *args], cwd=home,
                          capture_output=True, text=True, timeout=MINUTES,
                          env={"PATH": "/usr/bin:/bin", "NEWSKG_NER": "rules"})


def test_the_installed_package_is_not_the_checkout(installed: tuple[Path, Path]):
    binary, home = installed
    where = subprocess.run([str(binary.with_name("python")), "-c",
                            "import kg, kg.shapes; print(kg.__file__, kg.shapes.__file__)"],
                           cwd=home, capture_output=True, text=True, check=True).stdout
    assert str(ROOT) not in where and "site-packages" in where


def test_ingest_validate_and_query_outside_the_checkout(installed: tuple[Path, Path]):
    ingested = kg(installed, "ingest", "articles")
    assert ingested.returncode == 0, ingested.stderr
    validated = kg(installed, "validate")
    assert validated.returncode == 0 and "0 violation(s)" in validated.stdout
    top = kg(installed, "query", "top-people")
    assert top.returncode == 0 and "(0 rows)" not in top.stdout and "rows)" in top.stdout
    raw = kg(installed, "query", str(ROOT / "queries" / "articles-mentioning.rq"))
    assert raw.returncode == 0 and "(0 rows)" not in raw.stdout


def test_the_installed_service_serves_its_pages_and_files(installed: tuple[Path, Path]):
    assert kg(installed, "ingest", "articles").returncode == 0
    binary, home = installed
    port = free_port()
    with open(home / "serve.log", "wb") as log:
        server = subprocess.Popen([str(binary), "--data-dir", str(home / "data"), "serve",
                                   "--port", str(port)], cwd=home, stdout=log,
                                  stderr=subprocess.STDOUT, env={"PATH": "/usr/bin:/bin"})
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/health", server, seconds=60)
        for path, kind in (("/", "text/html"), ("/static/style.css", "text/css"),
                           ("/static/sparql.js", "text/javascript"),
                           ("/shapes.ttl", "text/turtle"), ("/dump.ttl", "text/turtle")):
            request = urllib.request.Request(base + path, headers={"Accept": "text/html"})
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.headers.get_content_type() == kind, path
                assert len(response.read()) > 100, path
        page = urllib.request.Request(base + "/sparql", headers={"Accept": "text/html"})
        with urllib.request.urlopen(page, timeout=30) as response:
            assert b'id="examples"' in response.read()
    finally:
        server.terminate()
        server.wait(timeout=30)

