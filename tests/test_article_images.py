"""Article images: served from MEDIA_ROOT by the site (make run and make serve), with
their width and height on the page, and kept when the admin form is refused."""

import io
import socket
import time
import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory
from tests.support.forms import form_data
from tests.support.processes import PROJECT_DIR, TEST_SECRET_KEY, run_manage

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


def png(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color=(0, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_upload(name: str = "grafiek.png", **size) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png(**size), content_type="image/png")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def new_article_data(client) -> dict:
    data = form_data(client.get(ADD).content, "article_form")
    data.update(
        title="Thuiswerken",
        slug="thuiswerken",
        category=str(CategoryFactory().pk),
        author=str(AuthorFactory().pk),
        lead="Intro.",
        body="<p>Tekst.</p>",
    )
    return data


def test_an_uploaded_image_is_served_with_its_type_and_a_day_of_caching(
    client, media_root
):
    article = ArticleFactory(image=png_upload(), image_alt="Een staafdiagram")

    response = client.get(article.image.url)

    assert article.image.url.startswith("/media/artikelen/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content) == png()
    again = client.get(
        article.image.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/media/artikelen/",
        "/media/geheim.txt",
        "/media/.verborgen.png",
        "/media/bestaat-niet.png",
    ],
)
def test_only_existing_images_are_served_from_media(client, media_root, path):
    (media_root / "geheim.txt").write_text("niet voor lezers")
    (media_root / ".verborgen.png").write_bytes(png())

    assert client.get(path).status_code == 404


def test_a_path_out_of_the_media_folder_is_refused(client, media_root):
    (media_root.parent / "buiten.png").write_bytes(png())

    assert client.get("/media/../buiten.png").status_code in (400, 404)
    assert client.get("/media/%2e%2e/buiten.png").status_code in (400, 404)


def test_the_article_page_and_the_lead_card_give_the_image_its_width_and_height(
    client, media_root
):
    article = ArticleFactory(image=png_upload(width=1200, height=675), image_alt="Foto")

    for url in (article.get_absolute_url(), reverse("articles:home")):
        content = client.get(url).content.decode()
        assert f'src="{article.image.url}"' in content
        assert 'width="1200" height="675"' in content


def test_the_chosen_image_is_kept_when_the_form_is_refused_for_a_missing_alt_text(
    admin_client_logged_in, media_root
):
    data = new_article_data(admin_client_logged_in)

    refused = admin_client_logged_in.post(
        ADD, {**data, "image": png_upload("foto-van-de-werkvloer.png"), "image_alt": ""}
    )
    content = refused.content.decode()
    assert refused.status_code == 200
    assert "Geef een alternatieve tekst voor de afbeelding." in content
    assert "Gekozen: foto-van-de-werkvloer.png." in content
    assert not Article.objects.exists()

    # The editor fills in the alt text and sends the form again, choosing no file.
    again = form_data(content, "article_form")
    assert again["pending_image"]
    saved = admin_client_logged_in.post(
        ADD, {**again, "image_alt": "Collega's aan het werk"}
    )

    assert saved.status_code == 302
    article = Article.objects.get()
    assert article.image.name.startswith("artikelen/")
    assert (media_root / article.image.name).read_bytes() == png()
    assert (article.image_width, article.image_height) == (40, 30)


def test_a_new_choice_replaces_the_kept_file_and_a_forged_token_is_ignored(
    admin_client_logged_in, media_root
):
    data = new_article_data(admin_client_logged_in)
    refused = admin_client_logged_in.post(
        ADD, {**data, "image": png_upload(), "image_alt": ""}
    )
    again = form_data(refused.content, "article_form")

    admin_client_logged_in.post(
        ADD,
        {
            **again,
            "image": png_upload("ander.png", width=8, height=8),
            "image_alt": "Ander",
        },
    )
    assert (Article.objects.get().image_width, Article.objects.get().image_height) == (
        8,
        8,
    )

    Article.objects.all().delete()
    forged = admin_client_logged_in.post(
        ADD,
        {**data, "slug": "ander", "pending_image": "vervalst:token", "image_alt": ""},
    )
    assert forged.status_code == 302
    assert not Article.objects.get().image


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_serve_serves_uploaded_images_under_gunicorn_with_debug_off(tmp_path):
    """A rehearsal of `make serve`: gunicorn, DEBUG=0, images from MEDIA_ROOT."""
    import subprocess

    media = tmp_path / "media"
    (media / "artikelen" / "2026").mkdir(parents=True)
    (media / "artikelen" / "2026" / "foto.png").write_bytes(png())
    port = _free_port()
    environ = {
        "DEBUG": "0",
        "SECRET_KEY": TEST_SECRET_KEY,
        "MEDIA_ROOT": str(media),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "GUNICORN_ACCESS_LOG": "",
        "ENV_FILE": "",
    }
    assert run_manage("collectstatic", "--noinput", "-v0", **environ).returncode == 0
    server = subprocess.Popen(
        [
            str(PROJECT_DIR / ".venv/bin/gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/bin:/bin", **environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/robots.txt", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        with urllib.request.urlopen(f"{base}/media/artikelen/2026/foto.png") as answer:
            assert answer.status == 200
            assert answer.headers["Content-Type"] == "image/png"
            assert answer.read() == png()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/media/artikelen/2026/andere.png")
        assert missing.value.code == 404
    finally:
        server.terminate()
        server.wait(timeout=30)
