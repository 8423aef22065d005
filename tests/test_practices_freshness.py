"""The practices pages' freshness check (conditional GET) costs the same whatever the data: the
validators come from the shared content version (projects.web.cache), not from reading the tables."""

from django.core.management import call_command

from practices.models import Transfer
from tests.test_scale import add_bulk_content

PAGES = ["/en/practices/", "/en/practices/bulk-practice-1-3/"]


def revalidation_queries(client, settings, path, django_assert_max_num_queries):
    """Queries of a repeat visit that sends the page's ETag, with the page cache off."""
    settings.PUBLIC_PAGE_CACHE = False
    etag = client.get(path)["ETag"]
    with django_assert_max_num_queries(1) as captured:
        response = client.get(path, headers={"if-none-match": etag})
    assert response.status_code == 304
    return len(captured.captured_queries)


def test_practices_revalidation_costs_the_same_whatever_the_data(db, client, settings, django_assert_max_num_queries):
    call_command("load_demo_content", verbosity=0)
    add_bulk_content(1)
    smaller = [revalidation_queries(client, settings, path, django_assert_max_num_queries) for path in PAGES]
    add_bulk_content(2)
    larger = [revalidation_queries(client, settings, path, django_assert_max_num_queries) for path in PAGES]
    assert smaller == larger


def test_changed_stage_changes_the_practices_validators(db, client):
    call_command("load_demo_content", verbosity=0)
    add_bulk_content(1)
    before = [client.get(path)["ETag"] for path in PAGES]
    transfer = Transfer.objects.filter(practice__slug="bulk-practice-1-3").first()
    transfer.stage = Transfer.Stage.IMPLEMENTED
    transfer.save()  # what the admin does: a stage leaves no timestamp, the content version moves
    after = [client.get(path)["ETag"] for path in PAGES]
    assert all(old != new for old, new in zip(before, after, strict=True))
