"""A shared link shows a preview (Open Graph): the page's title, description and image, all
from our own origin; pages without an image of their own show the platform's share image."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.images import with_renditions
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')


def previews(client, path):
    return dict(META.findall(client.get(path).text))


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "red").save(buffer, "PNG")
    return SimpleUploadedFile("platz.png", buffer.getvalue(), content_type="image/png")


def test_a_project_is_shared_with_its_title_teaser_and_image(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory(
        title="Neue Mitte",
        teaser="Ein Platz für alle & jeden.",
        image=png(),
        image_alt="Der leere Platz",
    )
    # Before its renditions are made, its drawn card.
    before = previews(client, project.get_absolute_url())["og:image"]
    assert before.endswith(f"/teilen/projekt/{project.pk}.png")
    with_renditions(project)
    meta = previews(client, project.get_absolute_url())
    site = settings.SITE_URL.rstrip("/")
    assert meta["og:title"] == "Neue Mitte"
    assert meta["og:description"] == "Ein Platz für alle &amp; jeden."
    assert meta["og:url"] == site + project.get_absolute_url()
    # The JPEG rendition (never the uploaded original), with its size.
    jpeg = project.image_renditions["jpeg"][-1]
    assert meta["og:image"] == site + "/media/" + jpeg[0]
    assert meta["og:image"].endswith(".jpg")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("4", "2")
    assert meta["og:image:alt"] == "Der leere Platz"
    assert meta["twitter:card"] == "summary_large_image"


def test_a_poll_and_a_proposal_without_images_show_their_drawn_card(client):
    site = settings.SITE_URL.rstrip("/")
    poll = PollFactory(title="Was kommt auf den Platz?", intro="<p>Stimmen <b>Sie</b> ab.</p>")
    meta = previews(client, poll.get_absolute_url())
    assert meta["og:title"] == "Was kommt auf den Platz?"
    assert meta["og:description"] == "Stimmen Sie ab."
    assert meta["og:image"] == f"{site}/teilen/abstimmung/{poll.pk}.png"
    assert meta["og:image:alt"] == "Was kommt auf den Platz?"
    proposal = ProposalFactory(
        title="Trinkbrunnen am Stiftsplatz", description='Bitte "bald" <script>x</script>.'
    )
    meta = previews(client, proposal.get_absolute_url())
    assert meta["og:title"] == "Trinkbrunnen am Stiftsplatz"
    # Citizens' text: no markup, and nothing that ends the attribute.
    assert meta["og:description"] == "Bitte &quot;bald&quot; x."
    assert meta["og:image"] == f"{site}/teilen/vorschlag/{proposal.pk}.png"


def test_every_page_has_a_preview_of_the_platform(client):
    meta = previews(client, "/")
    assert meta["og:site_name"] == "KLmitWirkung"
    assert meta["og:title"] == "KLmitWirkung"
    assert meta["og:type"] == "website"


def test_pages_of_the_platform_show_its_share_image(client):
    site = settings.SITE_URL.rstrip("/")
    meta = previews(client, "/abstimmungen/")
    assert re.fullmatch(
        re.escape(site) + r"/static/img/share(\.[0-9a-f]+)?\.png", meta["og:image"]
    )


def card(client, path, **headers):
    response = client.get(path, headers=headers)
    image = Image.open(io.BytesIO(response.content)) if response.status_code == 200 else None
    return response, image


def test_the_drawn_card_is_an_image_the_proxy_and_crawlers_keep(client):
    project = ProjectFactory(
        title="Stadt.Raum.Wir.: Was soll zuerst auf den freien Platz in der "
        "Innenstadt, und wer entscheidet darüber mit?"
    )
    response, image = card(client, f"/teilen/projekt/{project.pk}.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert image.size == (1200, 630)
    assert image.getpixel((5, 5)) == (181, 18, 43)  # the city's red
    assert response["Cache-Control"] == "public, max-age=86400"
    again, _ = card(client, f"/teilen/projekt/{project.pk}.png", if_none_match=response["ETag"])
    assert again.status_code == 304
    # In English, the English title: another card.
    project.title_en = "A square for everyone"
    project.save()
    english, _ = card(client, f"/en/teilen/projekt/{project.pk}.png")
    assert english.status_code == 200 and english["ETag"] != response["ETag"]


def test_only_what_the_public_sees_has_a_card(client):
    hidden = ProjectFactory(is_published=False)
    waiting = ProposalFactory(moderation_state="pending")
    for path in (
        f"/teilen/projekt/{hidden.pk}.png",
        f"/teilen/vorschlag/{waiting.pk}.png",
        f"/teilen/abstimmung/{PollFactory(is_published=False).pk}.png",
        "/teilen/nutzer/1.png",
    ):
        assert client.get(path).status_code == 404, path
