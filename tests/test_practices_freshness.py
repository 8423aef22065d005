"""The practices pages' freshness check (conditional GET) is one query however many rows there are."""

from django.core.management import call_command

from practices.models import Transfer
from practices.selectors import practices_freshness
from tests.test_scale import add_bulk_content


def test_practices_freshness_is_one_query_whatever_the_data(db, django_assert_num_queries):
    call_command("load_demo_content", verbosity=0)
    add_bulk_content(1)
    with django_assert_num_queries(1):
        catalogue = practices_freshness()
    with django_assert_num_queries(1):
        one = practices_freshness(slug="bulk-practice-1-3")
    with django_assert_num_queries(1):
        assert practices_freshness(slug="no-such-practice") is None
    assert catalogue.etag != one.etag
    # A changed stage, which leaves no timestamp, changes the validators.
    Transfer.objects.filter(practice__slug="bulk-practice-1-3").update(stage=Transfer.Stage.IMPLEMENTED)
    assert practices_freshness().etag != catalogue.etag
    assert practices_freshness(slug="bulk-practice-1-3").etag != one.etag
