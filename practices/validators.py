"""Uploaded documents are PDF, judged by their content: a name or a declared type is the uploader's word."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A PDF starts with its version and ends with an end-of-file marker (in its last kilobyte, as
# readers look for it), with at least one object between: a cut-off file or an HTML page with a
# PDF header fails one of these.
HEADER = re.compile(rb"%PDF-[12]\.\d")
TAIL_BYTES = 1024


def validate_pdf(file):
    """Refuses a newly uploaded file that is not a PDF. Files stored earlier are not read again."""
    if getattr(file, "_committed", False):
        return
    file.seek(0)
    head = file.read(1024)
    file.seek(max(0, file.size - TAIL_BYTES))
    tail = file.read()
    file.seek(0)
    if not HEADER.match(head):
        raise ValidationError(_("Only PDF documents can be uploaded, and this file is not a PDF."), code="not_pdf")
    if b"%%EOF" not in tail or b" obj" not in head + tail:
        raise ValidationError(
            _("This PDF is damaged or incomplete. Export it again as PDF and upload it once more."),
            code="damaged_pdf",
        )
