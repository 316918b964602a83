#!/usr/bin/python3
"""Makes the Pillow reference data for Refinery's resampling, pHash and blurriness parity tests.

Run with Debian's Python and packages (apt-get install python3-pil python3-scipy python3-numpy):
    /usr/bin/python3 make_reference.py
It writes deterministic test images into images/ and the values Pillow, imagehash's phash and cleanvision's
blurriness give for them into expected.json. pHash is imagehash.phash(hash_size=8) and blurriness is
cleanvision 0.3.8's BlurrinessProperty, both written out here in the few lines they take so that neither package is
needed.
"""
import base64
import json
import math
import os

import numpy as np
import scipy.fftpack
from PIL import Image, ImageDraw, ImageFilter, ImageStat
import PIL

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, "images")


def scene(width, height, seed, channels=3):
    """A photo-like image: smooth random blobs and waves, a few hard-edged shapes and mild noise."""
    rng = np.random.RandomState(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    planes = []
    for _ in range(channels):
        plane = np.full((height, width), rng.uniform(40, 200))
        for _ in range(6):
            cx, cy = rng.uniform(0, width), rng.uniform(0, height)
            radius = rng.uniform(0.1, 0.5) * max(width, height)
            plane += rng.uniform(-90, 90) * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * radius**2))
        for _ in range(3):
            fx, fy = rng.uniform(0.5, 12) / width, rng.uniform(0.5, 12) / height
            plane += rng.uniform(5, 30) * np.sin(2 * np.pi * (fx * x + fy * y) + rng.uniform(0, 6.3))
        for _ in range(4):
            x0, y0 = rng.randint(0, width), rng.randint(0, height)
            x1, y1 = x0 + rng.randint(1, max(2, width // 3)), y0 + rng.randint(1, max(2, height // 3))
            plane[y0:y1, x0:x1] += rng.uniform(-80, 80)
        plane += rng.normal(0, 6, size=plane.shape)
        planes.append(np.clip(np.rint(plane), 0, 255).astype(np.uint8))
    return planes[0] if channels == 1 else np.dstack(planes)


def figure(width, height, seed):
    """A documentation-figure-like palette image: white background, coloured boxes, lines and dots."""
    rng = np.random.RandomState(seed)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x0, y0 = rng.randint(0, width), rng.randint(0, height)
        colour = tuple(int(c) for c in rng.randint(0, 256, size=3))
        draw.rectangle([x0, y0, x0 + rng.randint(3, width // 3), y0 + rng.randint(3, height // 3)], outline=colour, width=2)
        draw.line([rng.randint(0, width), rng.randint(0, height), rng.randint(0, width), rng.randint(0, height)], fill=colour, width=1)
        draw.ellipse([x0, y0, x0 + 9, y0 + 9], fill=colour)
    return image.convert("P", palette=Image.ADAPTIVE, colors=16)


def make_images():
    os.makedirs(IMAGES, exist_ok=True)
    alpha = np.clip(np.mgrid[0:200, 0:300][1] * 255 // 299 + np.random.RandomState(5).randint(0, 40, (200, 300)), 0, 255).astype(np.uint8)
    images = {
        "photo_640x480.jpg": (Image.fromarray(scene(640, 480, 1)), dict(quality=90)),
        "scene_301x217.png": (Image.fromarray(scene(301, 217, 2)), {}),
        "scene_1001x737.jpg": (Image.fromarray(scene(1001, 737, 16)), dict(quality=85)),
        "grey_333x517.png": (Image.fromarray(scene(333, 517, 3, channels=1)), {}),
        "grey_133x97.png": (Image.fromarray(scene(133, 97, 17, channels=1)), {}),
        "grey_1500x1000.jpg": (Image.fromarray(scene(1500, 1000, 4, channels=1)), dict(quality=85)),
        "rgba_300x200.png": (Image.fromarray(np.dstack([scene(300, 200, 5), alpha])), {}),
        "rgba_opaque_211x149.png": (Image.fromarray(np.dstack([scene(211, 149, 6), np.full((149, 211), 255, np.uint8)])), {}),
        "palette_257x129.png": (figure(257, 129, 7), {}),
        "palette_640x360.png": (figure(640, 360, 8), {}),
        "tiny_20x15.png": (Image.fromarray(scene(20, 15, 9)), {}),
        "tall_40x90.png": (Image.fromarray(scene(40, 90, 10)), {}),
        "wide_65x30.png": (Image.fromarray(scene(65, 30, 11)), {}),
        "big_1900x1250.jpg": (Image.fromarray(scene(1900, 1250, 12)), dict(quality=75)),
        "odd_1x77.png": (Image.fromarray(scene(1, 77, 13)), {}),
        "photo_1280x853.jpg": (Image.fromarray(scene(1280, 853, 14)), dict(quality=80)),
        "grey_97x1201.png": (Image.fromarray(scene(97, 1201, 15, channels=1)), {}),
    }
    for name, (image, options) in images.items():
        image.save(os.path.join(IMAGES, name), **options)
    return sorted(images)


def phash(image):
    """imagehash.phash(image, hash_size=8, highfreq_factor=4), as its source reads."""
    pixels = np.asarray(image.convert("L").resize((32, 32), Image.LANCZOS))
    dct = scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=0), axis=1)
    low = dct[:8, :8]
    bits = (low > np.median(low)).flatten()
    return "{:016x}".format(int("".join("1" if bit else "0" for bit in bits), 2))


def blurry(image):
    """cleanvision 0.3.8 BlurrinessProperty.calculate and its blurry score (max_resolution 64, factor 0.01, 0.18)."""
    ratio = max(image.width, image.height) / 64
    if ratio > 1:
        resized = image.resize((max(int(image.width // ratio), 1), max(int(image.height // ratio), 1)))
    else:
        resized = image.copy()
    grey = resized.convert("L")
    edges = grey.filter(ImageFilter.FIND_EDGES)
    blurriness = float(np.sqrt(ImageStat.Stat(edges).var[0]))
    grey_std = float(np.std(grey.histogram()))
    blur_score = 1 - math.exp(-1 * blurriness * 0.01)
    std_score = 1 - math.exp(-1 * grey_std * 0.01)
    std_score = 0 if std_score <= 0.18 else std_score
    return {"blurriness": blurriness, "grayscale_std": grey_std, "score": min(blur_score + std_score, 1)}


def pixels(image):
    return base64.b64encode(image.tobytes()).decode("ascii")


def resizes(name, image):
    """Pillow resize outputs (raw bytes, RGB or L order) for a few sizes: reductions, enlargements and mixed."""
    width, height = image.size
    sizes = [(32, 32), (max(1, width // 7), max(1, height // 5)), (width * 2 + 1, max(1, height // 3)), (width + 3, height + 5)]
    return [
        {"width": w, "height": h, "filter": filter_name, "pixels": pixels(image.resize((w, h), filter_value))}
        for (w, h) in sizes
        for filter_name, filter_value in (("BICUBIC", Image.BICUBIC), ("LANCZOS", Image.LANCZOS))
    ]


def main():
    expected = {"pillow": PIL.__version__, "numpy": np.__version__, "scipy": scipy.__version__, "images": []}
    for name in make_images():
        with Image.open(os.path.join(IMAGES, name)) as opened:
            image = opened.copy()
        entry = {
            "file": name,
            "mode": image.mode,
            "width": image.width,
            "height": image.height,
            "phash": phash(image),
            # cleanvision on the stored mode (a palette image is resized NEAREST on its indices) ...
            "blurry": blurry(image),
            # ... and Refinery's definition: palette images on their displayed colours, alpha dropped.
            "blurry_on_rgb": blurry(image.convert("RGB") if image.mode in ("P", "RGBA") else image),
        }
        if name in ("scene_301x217.png", "grey_133x97.png", "tiny_20x15.png", "tall_40x90.png", "odd_1x77.png"):
            entry["resizes"] = resizes(name, image)
        expected["images"].append(entry)
    with open(os.path.join(HERE, "expected.json"), "w") as output:
        json.dump(expected, output, indent=1)
        output.write("\n")


if __name__ == "__main__":
    main()
