"""Pure functions over the person's evidence: signals, findings and the diagnosis. No I/O."""

from upward.analysis.diagnose import diagnose
from upward.analysis.record import Record

__all__ = ["Record", "diagnose"]
