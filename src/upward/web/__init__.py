"""The local web app: pages (Jinja2 + htmx) and their JSON twins under /api/v1."""

from upward.web.app import create_app

__all__ = ["create_app"]
