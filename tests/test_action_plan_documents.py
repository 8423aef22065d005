"""Finding 1: an action plan's document is a PDF, checked by its content, and is linked as a download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from practices.factories import RegionalActionPlanFactory
from practices.models import RegionalActionPlan
from projects.factories import PartnerFactory, UserFactory
from tests.helpers.admin import admin_url, form_values

pytestmark = pytest.mark.django_db

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
HTML = b"<html><script>fetch('/en/admin/').then(r => r.text()).then(alert)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'


@pytest.fixture
def plan():
    return RegionalActionPlanFactory(partner=PartnerFactory(city_en="Tartu", slug="tartu"))


def upload(client, plan, name, content, content_type):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = admin_url(plan, "change")
    data = form_values(client.get(url), RegionalActionPlan)
    data["document"] = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(url, data)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("plan.html", HTML, "text/html"),
        ("plan.svg", SVG, "image/svg+xml"),
        # The name and the declared type say PDF; the content does not.
        ("plan.pdf", HTML, "application/pdf"),
        ("plan.pdf", SVG, "application/pdf"),
        # Starts like a PDF but is cut off (or HTML behind a PDF header, without the PDF's end).
        ("plan.pdf", b"%PDF-1.4\n<html><script>alert(1)</script>", "application/pdf"),
    ],
)
def test_document_that_is_not_a_pdf_is_refused_with_a_form_error(client, plan, name, content, content_type):
    response = upload(client, plan, name, content, content_type)

    assert response.status_code == 200
    assert "PDF" in str(response.context["adminform"].form.errors["document"])
    plan.refresh_from_db()
    assert not plan.document


def test_pdf_document_is_accepted_and_linked_as_a_download(client, plan):
    response = upload(client, plan, "action-plan.pdf", MINIMAL_PDF, "application/pdf")

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.document.name.endswith(".pdf")
    client.logout()
    page = client.get("/en/partners/tartu/").content.decode()
    assert f'<a href="{plan.document.url}" download' in page
