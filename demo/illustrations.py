"""Illustrations for the demo, drawn with Pillow: abstract, calm pictures in the city's
colours (a sky, a sun, the hills of the Palatinate Forest, a row of houses), different for
each seed and the same for the same seed. They are marked as illustrations in their credit
and go through the same renditions as uploads. Also draws the start page's lead image
(bin/draw-illustrations)."""

import io
import math
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

# Kaiserslautern's red, with colours that sit well beside it.
RED = (181, 18, 43)
SLATE = (31, 42, 68)
SAND = (243, 230, 211)
ROSE = (246, 213, 217)
FOREST = (47, 107, 79)
MOSS = (110, 150, 105)
SKY = (143, 184, 222)
WHITE = (255, 255, 255)

SKIES = [(SAND, ROSE), (SKY, SAND), (ROSE, SAND), ((214, 228, 240), WHITE)]
HOUSES = [RED, SLATE, (140, 30, 50), (70, 82, 110), WHITE]

SHOWS = "eine Häuserreihe vor bewaldeten Hügeln, darüber eine Sonne"
CREDIT = "Illustration: KL.digital (generiert, keine Fotografie)"
LICENCE = "CC0 1.0"
SCALE = 2  # drawn larger, then reduced: smooth edges


def draw(seed, size=(1200, 600)):
    """The illustration for `seed` (a slug, say) as a Pillow image of `size`."""
    rng = random.Random(seed)  # noqa: S311 - shapes, not secrets
    width, height = size[0] * SCALE, size[1] * SCALE
    top, bottom = rng.choice(SKIES)
    image = Image.new("RGB", (width, height), top)
    pen = ImageDraw.Draw(image)
    for y in range(height):  # the sky, from one colour to the other
        pen.line([(0, y), (width, y)], fill=_mix(top, bottom, y / height))

    sun = rng.uniform(0.12, 0.22) * height
    sun_x, sun_y = rng.uniform(0.15, 0.85) * width, rng.uniform(0.2, 0.4) * height
    pen.ellipse(
        [sun_x - sun, sun_y - sun, sun_x + sun, sun_y + sun], fill=rng.choice([RED, WHITE])
    )

    for layer, colour in enumerate((MOSS, FOREST)):  # hills, the far one lighter
        base = height * (0.58 + 0.12 * layer)
        amplitude = height * rng.uniform(0.04, 0.09)
        waves, phase = rng.uniform(1.0, 2.5), rng.uniform(0, math.tau)
        outline = [
            (x, base - amplitude * math.sin(phase + waves * math.tau * x / width))
            for x in range(0, width + 1, 8)
        ]
        pen.polygon([*outline, (width, height), (0, height)], fill=colour)

    x = rng.uniform(0.05, 0.2) * width
    street = height * 0.86
    while x < width * rng.uniform(0.7, 0.95):
        house_width = rng.uniform(0.05, 0.1) * width
        house_height = rng.uniform(0.12, 0.3) * height
        colour = rng.choice(HOUSES)
        pen.rectangle([x, street - house_height, x + house_width, street], fill=colour)
        if rng.random() < 0.6:  # a gable
            pen.polygon(
                [
                    (x, street - house_height),
                    (x + house_width / 2, street - house_height - house_width * 0.45),
                    (x + house_width, street - house_height),
                ],
                fill=colour,
            )
        window = _mix(colour, WHITE, 0.55)
        for row in range(int(house_height // (0.06 * height))):
            y = street - house_height + (row + 0.4) * 0.06 * height
            pen.rectangle(
                [x + house_width * 0.3, y, x + house_width * 0.7, y + 0.025 * height], fill=window
            )
        x += house_width + rng.uniform(0.005, 0.03) * width
    pen.rectangle([0, street, width, height], fill=SLATE)
    pen.rectangle([0, street + 0.04 * height, width, street + 0.05 * height], fill=SAND)
    return image.resize(size, Image.Resampling.LANCZOS)


def png(seed, size=(1200, 600)):
    """The illustration for `seed` as PNG bytes, to be saved in an image field."""
    buffer = io.BytesIO()
    draw(seed, size).save(buffer, "PNG")
    return buffer.getvalue()


def _mix(a, b, share):
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def illustrate(row, seed, *, about):
    """Give `row` (a project, a choice: anything with a CreditedImage) the illustration of
    `seed`, described and credited as an illustration; saved with the row."""
    row.image.save(f"{seed}.png", ContentFile(png(seed)), save=False)
    row.image_alt = f"Illustration zu „{about[:80]}“: {SHOWS}"
    row.image_credit = CREDIT
    row.image_licence = LICENCE
