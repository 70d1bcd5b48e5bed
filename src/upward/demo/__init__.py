"""The demo persona a newcomer explores Upward with."""
