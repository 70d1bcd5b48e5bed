"""Use cases. The only place that opens transactions; every surface calls these."""

from upward.services.context import Context, open_context

__all__ = ["Context", "open_context"]
