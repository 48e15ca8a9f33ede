"""The one kind of error people see: a refusal explained in a plain sentence."""


class PlanError(Exception):
    """Input or a file was refused; ``str(error)`` is one sentence for the user, no traceback."""
