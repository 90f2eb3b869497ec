"""The web dashboard and HTTP API (``stancemap serve``): FastAPI over ``stancemap.api``."""

from .app import create_app

__all__ = ["create_app"]
