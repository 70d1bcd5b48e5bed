"""Upward: turn everyday work into a promotion."""

__version__ = "0.1.0"
