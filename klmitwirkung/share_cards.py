"""Share cards: the preview image of a project, poll or proposal that has no picture of its
own, drawn with Pillow: its title in white on the city's red, with the platform's name.

Drawn when a messenger or network asks for it (rarely: they keep what they fetched), in the
page's language, and sent with a day's Cache-Control and an ETag of what it shows, so that
the proxy and the crawlers keep it too. Only what the public may see has a card.
"""

import hashlib
import io

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from PIL import Image, ImageDraw, ImageFont

from polls.models import Poll
from projects.models import Project
from proposals.models import Proposal

RED, WHITE, PALE = (181, 18, 43), (255, 255, 255), (246, 213, 217)
SIZE = (1200, 630)
MARGIN = 80
MAX_LINES = 4
# A font with every letter of German and English (Pillow's own lacks „ü“): Debian's
# fonts-dejavu-core, which the Dockerfile installs; Pillow's font where it is missing.
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size=size)


# The address's word for each kind, and what of it the public may see.
KINDS = {
    "projekt": lambda: Project.objects.published(),
    "abstimmung": lambda: Poll.objects.published(),
    "vorschlag": lambda: Proposal.objects.published(),
}


def draw(title, kind_label):
    """The card as PNG bytes."""
    image = Image.new("RGB", SIZE, RED)
    pen = ImageDraw.Draw(image)
    small = font(32)
    pen.text((MARGIN, 60), kind_label.upper(), font=small, fill=PALE)
    size = 68
    while True:  # the largest size at which the title fits in MAX_LINES
        title_font = font(size)
        lines = _wrapped(pen, title, title_font, SIZE[0] - 2 * MARGIN)
        if len(lines) <= MAX_LINES or size <= 44:
            break
        size -= 8
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1].rstrip(".,;: ") + " …"]
    y = 130
    for line in lines[:MAX_LINES]:
        pen.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += int(size * 1.2)
    pen.rectangle((MARGIN, 500, MARGIN + 120, 508), fill=WHITE)
    pen.text((MARGIN, 530), "KLmitWirkung · Kaiserslautern", font=small, fill=WHITE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _wrapped(pen, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and pen.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


@require_GET
def share_card(request, kind, pk):
    if kind not in KINDS:
        raise Http404
    found = KINDS[kind]().filter(pk=pk).first()
    if found is None:
        raise Http404
    label = found._meta.verbose_name
    etag = '"{}"'.format(
        hashlib.sha256(f"{get_language()}|{label}|{found.title}".encode()).hexdigest()[:32]
    )
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(draw(str(found.title), str(label)), content_type="image/png")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=86400"
    return response
