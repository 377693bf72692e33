"""The SHACL shapes every article graph must pass; installed as package data (``kg.shapes``)."""
