"""The one exception tree of peacewatch.

Every error carries a stable code (``E012``) and a message that says what happened and what to do.
The codes are listed in ``CODES`` and documented in ``docs/errors.md``; a test keeps both in step.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # input: one document or line
    "E001": "input line is not valid JSON",
    "E002": "input record has no 'text' field or it is not a string",
    "E003": "input text is empty",
    "E004": "input text is longer than the configured limit",
    "E005": "input is not valid UTF-8 text",
    "E006": "input file looks binary",
    "E007": "input 'published' is not a date",
    "E008": "input file cannot be read",
    "E009": "input format not recognized or not parseable",
    "E010": "input record is not a JSON object",
    "E011": "input record nested too deeply",
    # configuration and usage
    "E020": "configuration file invalid",
    "E021": "configuration key unknown",
    "E022": "pipeline component unknown",
    "E023": "pipeline component requirement not met",
    "E024": "optional dependency missing",
    "E025": "spaCy model cannot be loaded",
    "E026": "actor dictionary file invalid",
    "E027": "a rule table shipped with peacewatch is missing or invalid",
    "E028": "command-line option value invalid",
    # processing
    "E030": "pipeline component failed on a document",
    "E031": "worker process failed",
    "E032": "document took longer than the time limit",
    "E033": "engine unknown",
    "E034": "Dask cluster cannot be used",
    "E035": "record holds an impossible date",
    "E036": "worker pool handed out again a document whose result a worker never sent (warning)",
    # store
    "E040": "database cannot be opened",
    "E041": "database schema is newer than this peacewatch",
    "E042": "export table unknown",
    "E043": "no database at the path given",
    "E044": "file is not a peacewatch database",
    "E045": "database schema is older than this peacewatch",
    "E046": "output file cannot be written",
    "E047": "read query option invalid",
    "E048": "actor not in the ledger",
    "E049": "ledger out of date with the stored documents",
    # evaluation
    "E050": "gold file not in a known format",
    "E051": "evaluation baseline unknown",
    "E052": "evaluation database filled by another version",
    # web server and API (peacewatch serve)
    "E060": "web request names a record that does not exist",
    "E061": "web request parameter invalid",
    "E062": "web address or method unknown",
    "E063": "web server cannot start",
    "E064": "web request body too large",
    # analyst corrections
    "E065": "correction names nothing in the ledger",
    "E066": "correction value invalid",
    "E067": "corrections file invalid",
    "E068": "write access not enabled",
    "E069": "write token missing or wrong",
    "E070": "PostgreSQL support not installed",
    "E071": "document cannot be stored in PostgreSQL",
    "E072": "database write lock not free within the time limit",
    "E073": "worker process did not read its job within the time limit",
    "E074": "stored correction cannot be applied: skipped by the rebuild (warning)",
    # a bug in peacewatch
    "E099": "internal error",
}


class PeacewatchError(Exception):
    """Base of every error peacewatch raises on purpose."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(PeacewatchError):
    """A document or input line cannot be processed as given."""

    code = "E001"


class UsageError(PeacewatchError):
    """A command-line option has a value the command cannot use (exit code 2)."""

    code = "E028"


class OutputError(PeacewatchError):
    """A result file cannot be written."""

    code = "E046"


class ConfigError(PeacewatchError):
    """The configuration or the pipeline built from it is invalid."""

    code = "E020"


class DependencyError(PeacewatchError):
    """An optional dependency is not installed."""

    code = "E024"

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the '{package}' package: pip install 'peacewatch[{extra}]'", "E024"
        )


class ProcessingError(PeacewatchError):
    """A pipeline component failed on one document."""

    code = "E030"


class StoreError(PeacewatchError):
    """The database cannot be used."""

    code = "E040"


class EvalError(PeacewatchError):
    """A gold file cannot be read."""

    code = "E050"


class WebError(PeacewatchError):
    """A web request cannot be answered as asked (``peacewatch serve``)."""

    code = "E061"


class CorrectionError(PeacewatchError):
    """A correction cannot be made: it names nothing in the ledger, or a value is invalid."""

    code = "E065"
