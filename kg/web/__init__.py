"""The web tier: Flask app factory and blueprints (see :mod:`kg.web.app`)."""
