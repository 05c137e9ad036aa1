"""The ``guardrails`` command line (imports stay lazy: pre-commit runs it on every commit)."""
