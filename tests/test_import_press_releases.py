"""manage.py import_press_releases: files become draft releases or translations (projects.backoffice.importing)."""

import codecs
import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from tests.helpers.samples import SAMPLES

EN_SAMPLE = SAMPLES / "en-better-adopt-good-practices.txt"
ET_SAMPLE = SAMPLES / "et-better-teise-etappi.txt"

pytestmark = pytest.mark.django_db


def _import(*files, **options):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_press_releases", *map(str, files), stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def _file(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


@pytest.fixture
def birmingham():
    return PartnerFactory(slug="birmingham", city_en="Birmingham", language="en", country="GB")


@pytest.fixture
def tartu():
    return PartnerFactory(slug="tartu", city_en="Tartu", language="et")


def test_english_sample_becomes_a_draft_with_its_title_table_and_paragraphs(birmingham):
    out, err, error = _import(EN_SAMPLE, language="en", partner="birmingham")
    assert error is None and err == ""
    release = PressRelease.objects.get()
    assert release.title_en == "BETTER is to adopt good practices"
    assert release.slug == "better-is-to-adopt-good-practices"
    assert (release.author, release.original_language, release.status) == (birmingham, "en", "draft")
    assert release.published_at is None
    assert release.body_en.count("<tr>") == 4 and release.body_en.count("<li>") == 7
    assert "Follow us" not in release.body_en
    assert f"{EN_SAMPLE}: created: created the draft “BETTER is to adopt good practices”" in out
    assert "removed: Follow us on:" in out


def test_import_never_publishes(birmingham):
    _import(EN_SAMPLE, language="en", partner="birmingham")
    assert not PressRelease.objects.published().exists()


def test_proposed_date_becomes_the_drafts_publication_date(birmingham, tmp_path):
    path = _file(tmp_path, "dated.txt", "A dated release\n\nBirmingham, June 2022\n\nThe text.\n")
    out, _err, error = _import(path, language="en", partner="birmingham")
    assert error is None
    release = PressRelease.objects.get()
    assert release.status == "draft"
    assert release.published_at.date() == datetime.date(2022, 6, 1)
    assert "proposed date: 2022-06" in out


def test_title_is_transliterated_into_the_slug(birmingham, tmp_path):
    PressReleaseFactory(slug="zarul-a-better-elso-fazisa")
    path = _file(tmp_path, "hu.txt", "Zárul a BETTER első fázisa\n\nSzöveg.\n")
    _import(path, language="en", partner="birmingham")
    assert PressRelease.objects.filter(slug="zarul-a-better-elso-fazisa-2", title_en="Zárul a BETTER első fázisa")


def test_dry_run_prints_title_date_and_markdown_and_writes_nothing(birmingham, tmp_path):
    path = _file(tmp_path, "dated.txt", "A dated release\n\nJune 2022 – Genoa hosted.\n\nA | B\tC\n1\t2\n")
    out, _err, error = _import(path, language="en", partner="birmingham", dry_run=True)
    assert error is None
    assert PressRelease.objects.count() == 0
    assert f"{path}: dry run: A dated release" in out
    assert "  title: A dated release" in out
    assert "  proposed date: 2022-06" in out
    assert "    | A \\| B | C |" in out
    assert "    June 2022 – Genoa hosted." in out


def test_three_languages_import_as_one_release(birmingham, tmp_path):
    english = _file(tmp_path, "en.txt", "BETTER closes phase I\n\nThe partners met in Genoa.\n")
    estonian = _file(tmp_path, "et.txt", "BETTER lõpetab I etapi\n\n2022. aastal kohtusid partnerid Genovas.\n")
    hungarian = _file(tmp_path, "hu.txt", "Zárul a BETTER első fázisa\n\n2021. július 17. napján Genovában.\n")
    _import(english, language="en", partner="birmingham")
    slug = PressRelease.objects.get().slug
    _out, _err, error_et = _import(estonian, language="et", translation_of=slug)
    out, _err, error_hu = _import(hungarian, language="hu", translation_of=slug)
    assert error_et is None and error_hu is None
    release = PressRelease.objects.get()
    assert release.available_languages == ["en", "et", "hu"]
    assert release.original_language == "en"
    assert (release.title_et, release.body_et) == ("BETTER lõpetab I etapi", "2022. aastal kohtusid partnerid Genovas.")
    assert release.title_hu == "Zárul a BETTER első fázisa"
    assert "translated “BETTER closes phase I” into Hungarian" in out
    assert not release.is_translation_outdated("et") and not release.is_translation_outdated("hu")


def test_translation_is_not_overwritten_without_replace(birmingham, tmp_path):
    release = PressReleaseFactory(author=birmingham, title_et="Olemas", body_et="Olemasolev tekst.")
    path = _file(tmp_path, "et.txt", "Uus pealkiri\n\nUus tekst.\n")
    _out, err, error = _import(path, language="et", translation_of=release.slug)
    assert error is not None
    assert f"{path}: refused:" in err and "already has a Estonian translation" in err
    release.refresh_from_db()
    assert (release.title_et, release.body_et) == ("Olemas", "Olemasolev tekst.")

    _out, _err, error = _import(path, language="et", translation_of=release.slug, replace=True)
    assert error is None
    release.refresh_from_db()
    assert (release.title_et, release.body_et) == ("Uus pealkiri", "Uus tekst.")


def test_translation_into_the_original_language_is_refused(birmingham, tmp_path):
    release = PressReleaseFactory(author=birmingham)
    path = _file(tmp_path, "en.txt", "Another title\n\nAnother text.\n")
    _out, err, error = _import(path, language="en", translation_of=release.slug, replace=True)
    assert error is not None and "original language" in err
    release.refresh_from_db()
    assert release.title_en != "Another title"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Tiitel õäöü\n\nTekst – ’ő ű.\n", "utf-8"),
        ("Tiitel õäöü\n\nTekst – ’ő ű.\n", "utf-8-sig"),
        ("Tiitel õäöü\n\nTekst – ’ő ű.\n", "utf-16"),  # with a byte-order mark
        (codecs.BOM_UTF16_BE + "Tiitel õäöü\n\nTekst – ’ő ű.\n".encode("utf-16-be"), None),
    ],
)
def test_utf8_and_utf16_with_bom_are_read(birmingham, tmp_path, content, encoding):
    path = _file(tmp_path, "release.txt", content if encoding is None else content.encode(encoding))
    _out, err, error = _import(path, language="en", partner="birmingham")
    assert error is None, err
    release = PressRelease.objects.get()
    assert (release.title_en, release.body_en) == ("Tiitel õäöü", "Tekst – ’ő ű.")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\n\t\n", "is empty"),
        ("Tiitel õäöü\n\nTekst.".encode("latin-1"), "is not UTF-8 text"),
        ("Tiitel\n\nTekst.".encode("utf-16-le"), "binary"),  # UTF-16 without its byte-order mark
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Title\n\nText \x01\x02 with control bytes.", "binary"),
        (b"Title\n\n" + b"x" * (1024 * 1024), "larger than 1 MiB"),
    ],
)
def test_bad_files_are_refused_with_a_message_naming_the_file(birmingham, tmp_path, content, reason):
    path = _file(tmp_path, "bad-release.txt", content)
    out, err, error = _import(path, language="en", partner="birmingham")
    assert error is not None  # a non-zero exit
    assert f"{path}: refused: {path}" in err and reason in err
    assert PressRelease.objects.count() == 0


def test_one_bad_file_stops_nothing_and_half_imports_nothing(birmingham, tmp_path):
    good = _file(tmp_path, "good.txt", "Good one\n\nText.\n")
    too_long_title = _file(tmp_path, "long.txt", "word " * 60 + "\n\nText.\n")
    other = _file(tmp_path, "other.txt", "Other one\n\nMore text.\n")
    out, err, error = _import(
        good, too_long_title, other, tmp_path / "missing.txt", language="en", partner="birmingham"
    )
    assert str(error) == "2 of 4 file(s) refused."
    assert sorted(PressRelease.objects.values_list("title_en", flat=True)) == ["Good one", "Other one"]
    assert f"{good}: created:" in out and f"{other}: created:" in out
    assert f"{too_long_title}: refused: The first line of {too_long_title} is too long to be a title" in err
    assert f"{tmp_path / 'missing.txt'}: refused: the file cannot be read." in err


def test_unknown_partner_or_release_stops_before_importing(tmp_path):
    path = _file(tmp_path, "r.txt", "T\n\nText.\n")
    with pytest.raises(CommandError, match="No partner city with the slug 'nowhere'"):
        call_command("import_press_releases", str(path), language="en", partner="nowhere", stdout=StringIO())
    with pytest.raises(CommandError, match="No press release with the slug 'nothing'"):
        call_command("import_press_releases", str(path), language="en", translation_of="nothing", stdout=StringIO())
    with pytest.raises(CommandError, match="--partner"):
        call_command("import_press_releases", str(path), language="en", stdout=StringIO())
    assert PressRelease.objects.count() == 0


def test_social_links_new_to_the_record_are_reported(birmingham, tmp_path):
    path = _file(tmp_path, "r.txt", "T\n\nText.\n\nFollow us on:\n\nhttps://www.facebook.com/betterproject\n")
    out, _err, _error = _import(path, language="en", partner="birmingham")
    assert "social-media links not on record: https://www.facebook.com/betterproject" in out


def test_estonian_sample_becomes_an_estonian_original(tartu):
    out, err, error = _import(ET_SAMPLE, language="et", partner="tartu")
    assert error is None, err
    release = PressRelease.objects.get()
    assert (release.original_language, release.title_et) == ("et", "BETTER on sisenemas teise etappi")
    assert release.slug == "better-on-sisenemas-teise-etappi"
    assert "| Oktoober 2019 | Füüsiline ja virtuaalne infrastruktuur/vahendid" in release.body_et
    assert "removed: või jälgige meid" in out
