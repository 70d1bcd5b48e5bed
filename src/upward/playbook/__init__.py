"""The promotion framework as data: moves, actions, cadences, findings and their thresholds,
areas, request choices and project criteria, in a versioned YAML file a coach can replace."""

from upward.playbook.loader import PlaybookProblem, default_path, load_playbook
from upward.playbook.schema import PlaybookFile

__all__ = ["PlaybookFile", "PlaybookProblem", "default_path", "load_playbook"]
