"""JSON Schemas of what the list APIs (/api/events/, /api/practices/) share."""

PARTNER = {
    "type": "object",
    "required": ["slug", "city", "country"],
    "properties": {
        "slug": {"type": "string", "minLength": 1},
        "city": {"type": "string", "minLength": 1},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
    },
    "additionalProperties": False,
}


def list_schema(item):
    """The answer of a list API, a page at a time: {language, count, page, pages, next, previous,
    results}, each result an `item`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["language", "count", "page", "pages", "next", "previous", "results"],
        "additionalProperties": False,
        "properties": {
            "language": {"enum": ["en", "et", "hu", "it", "sv"]},
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": item},
        },
    }
