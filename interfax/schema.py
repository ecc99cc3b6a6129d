"""The JSON Schema of one record (``interfax/schemas/article.json``) and a fast validator for it.

``RecordValidator.errors(record)`` answers in a few µs for a valid record (~60 000 instructions: a
check compiled into one Python function from the schema subset the Article schema uses, which only
says "valid" when ``jsonschema`` would agree) and asks ``jsonschema`` for the reasons otherwise;
``jsonschema`` alone takes ~160 µs.
Used by the crawl's validation pipeline and by ``scrapy dataset``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

import jsonschema


def load_schema() -> dict[str, Any]:
    """The Article JSON Schema shipped in the package (``interfax/schemas/article.json``)."""
    text = resources.files("interfax").joinpath("schemas", "article.json").read_text("utf-8")
    return json.loads(text)


_FAST_KEYWORDS = {
    "$schema", "$id", "title", "description", "$comment",
    "type", "required", "additionalProperties", "properties", "pattern", "enum",
    "minLength", "minimum", "items",
}  # fmt: skip
_FAST_TYPES: dict[str, tuple[type, ...]] = {
    "null": (type(None),),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "array": (list,),
    "object": (dict,),
}


def compile_fast_check(schema: Any) -> Callable[[Any], bool] | None:
    """A fast, conservative check for the subset of JSON Schema that the Article schema uses.

    It returns True only for instances that ``jsonschema`` would accept too (types are checked
    strictly: ``1.0`` is not accepted as an integer here although JSON Schema accepts it), so a
    True needs no second opinion, and a False is handed to ``jsonschema``, which decides and says
    why. Returns None when the schema uses a keyword this compiler does not know: then every
    record goes through ``jsonschema`` (about 20 times slower, still correct).

    The check is one Python function written for the schema (its source: ``check.source``), with
    every subschema's tests inline: a record is checked in one call, not one call per value
    (~40 for an article; the compiled source of the Article schema reads as the schema does).
    """
    compiler = _CheckCompiler()
    try:
        lines = compiler.node(schema, "x", 1)
    except _Unsupported:
        return None
    source = "\n".join(["def check(x):", *lines, "    return True", ""])
    namespace = dict(compiler.constants)
    exec(compile(source, "<interfax.schema fast check>", "exec"), namespace)
    check = namespace["check"]
    check.source = source
    return check


class _Unsupported(Exception):
    """A keyword (or a form of one) that the fast check does not compile."""


class _CheckCompiler:
    """Writes the statements that ``return False`` when a value does not match a subschema."""

    def __init__(self):
        #: name in the check's namespace -> constant (type sets, patterns' ``search``, enums, key sets)
        self.constants: dict[str, Any] = {"NoneType": type(None)}
        self._variables = 0

    def constant(self, kind: str, value: Any) -> str:
        name = f"_{kind}{len(self.constants)}"
        self.constants[name] = value
        return name

    def variable(self) -> str:
        self._variables += 1
        return f"v{self._variables}"

    def node(self, schema: Any, var: str, depth: int) -> list[str]:
        """Statements (indented ``depth`` levels) that return False unless ``var`` matches ``schema``."""
        if not isinstance(schema, dict) or set(schema) - _FAST_KEYWORDS:
            raise _Unsupported
        pad = "    " * depth
        lines: list[str] = []
        types: frozenset[type] | None = None
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
            if not names or any(n not in _FAST_TYPES for n in names):
                raise _Unsupported
            types = frozenset(t for n in names for t in _FAST_TYPES[n])
            if len(types) == 1:
                lines.append(f"{pad}if type({var}) is not {next(iter(types)).__name__}: return False")
            else:
                lines.append(f"{pad}if type({var}) not in {self.constant('types', types)}: return False")
        enum = schema.get("enum")
        if "enum" in schema:
            if not isinstance(enum, list) or not all(type(v) is str for v in enum):
                raise _Unsupported
            if types != {str}:  # (only string enums are compiled: a value of any other type fails)
                lines.append(f"{pad}if type({var}) is not str: return False")
        # the tests that apply to a value of some type: (its types, the tests)
        branches: list[tuple[tuple[type, ...], list[str]]] = []
        inner = pad + "    "
        tests = []
        if schema.get("minLength") is not None:
            tests.append(f"{inner}if len({var}) < {self.constant('min_length', schema['minLength'])}: return False")
        if "pattern" in schema:
            tests.append(f"{inner}if {self.constant('pattern', re.compile(schema['pattern']).search)}({var}) is None: return False")
        if enum is not None:
            tests.append(f"{inner}if {var} not in {self.constant('enum', frozenset(enum))}: return False")
        branches.append(((str,), tests))
        if schema.get("minimum") is not None:  # (not bool: JSON Schema's minimum ignores booleans)
            minimum = self.constant("minimum", schema["minimum"])
            branches.append(((int, float), [f"{inner}if not {var} >= {minimum}: return False"]))  # (NaN fails)
        if "items" in schema:
            item = self.variable()
            tests = self.node(schema["items"], item, depth + 2)
            branches.append(((list,), [f"{inner}for {item} in {var}:", *tests] if tests else []))
        if "required" in schema or "properties" in schema or "additionalProperties" in schema:
            branches.append(((dict,), self._object(schema, var, depth + 1)))
        branches = [(kinds if types is None else tuple(t for t in kinds if t in types), tests)
                    for kinds, tests in branches if tests]
        branches = [(kinds, tests) for kinds, tests in branches if kinds]
        if len(branches) == 1 and types is not None and set(branches[0][0]) == types:
            return lines + [line[4:] for line in branches[0][1]]  # (the value's type is known: its tests alone)
        kind = f"type({var})"
        if len(branches) > 1:
            kind = self.variable()
            lines.append(f"{pad}{kind} = type({var})")
        for n, (kinds, tests) in enumerate(branches):
            condition = " or ".join(f"{kind} is {t.__name__}" for t in kinds)
            lines.append(f"{pad}{'elif' if n else 'if'} {condition}:")
            lines.extend(tests)
        return lines

    def _object(self, schema: dict[str, Any], var: str, depth: int) -> list[str]:
        pad = "    " * depth
        extra = schema.get("additionalProperties", True)
        if extra is not True and extra is not False:
            raise _Unsupported
        properties = schema.get("properties", {})
        lines = []
        required = frozenset(schema.get("required", ()))
        if required:
            lines.append(f"{pad}if not {self.constant('required', required)} <= {var}.keys(): return False")
        if not extra:
            lines.append(f"{pad}if not {self.constant('known', frozenset(properties))}.issuperset({var}): return False")
        for name, sub in properties.items():
            value = self.variable()
            tests = self.node(sub, value, depth + 1)
            if tests:
                lines.append(f"{pad}if {name!r} in {var}:")
                lines.append(f"{pad}    {value} = {var}[{name!r}]")
                lines.extend(tests)
        return lines


class RecordValidator:
    """Validates records against the schema: a fast path, and ``jsonschema`` for the reasons."""

    def __init__(self, schema: dict[str, Any]):
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        self.validator = cls(schema)
        self.fast = compile_fast_check(schema)

    def errors(self, record: Any, limit: int = 3) -> list[str]:
        """Why ``record`` is invalid (empty list: valid)."""
        if self.fast is not None and self.fast(record):
            return []
        reasons = []
        for error in self.validator.iter_errors(record):
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            message = error.message
            if len(message) > 300:
                message = message[:297] + "..."
            reasons.append(f"${path}: {message}")
            if len(reasons) >= limit:
                break
        return reasons
