"""The recurring-problem engine: pure functions that find groups of similar work items.

Nothing here touches the database; `upward.services.patterns` stores what it finds.
"""

from upward.patterns.backends import Backend, TfidfBackend, make_backend
from upward.patterns.grouping import Grouping, Neighbours, group_all

__all__ = ["Backend", "Grouping", "Neighbours", "TfidfBackend", "group_all", "make_backend"]
