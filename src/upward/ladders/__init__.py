"""Career ladders: reading the formats companies publish, and matching a person's work to a level."""

from upward.ladders.formats import read_ladder
from upward.ladders.model import Expectation, Ladder, Level

__all__ = ["Expectation", "Ladder", "Level", "read_ladder"]
