"""newskg: turn an archive of news articles into a validated, published knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newskg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
