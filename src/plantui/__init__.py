"""plantui: edit a co-produced community action plan offline and keep copies in step by file."""

__version__ = "0.1.0"
