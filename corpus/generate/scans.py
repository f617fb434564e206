"""Scanned copies of generated PDFs: page images at 150/200/300 dpi, skewed, noisy, JPEG-compressed and
stamped, wrapped back into image-only PDFs (no text layer), as archives hold them.

    python -m corpus.generate.scans --out DIR [--dpi 150,200,300] [--kinds clean,noisy,stamp] PDF...

Each scan ``NAME-DPIdpi-KIND.pdf`` has a ``.scan.json`` beside it naming its source PDF and what was
done to it; the source's text layer is the reference its OCR is measured against
(``benchmarks/bench_ocr.py``). Everything is deterministic from the seed.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
KINDS = ("clean", "grey", "noisy", "stamp", "worst")


@dataclass(frozen=True, slots=True)
class Degrade:
    """What happens to a page on its way through the scanner."""

    skew: float = 0.0  # degrees, counter-clockwise
    noise: float = 0.0  # standard deviation of Gaussian noise (0-255 scale)
    jpeg: int | None = None  # JPEG quality, None: lossless PNG
    stamp: bool = False  # a red official stamp over a line with figures
    grey: bool = False  # stored as a greyscale image (else colour)
    blur: float = 0.0  # Gaussian blur radius in pixels (scanner optics)


def preset(kind: str, seed: int) -> Degrade:
    """The degradation of a named kind; skew direction and size vary with ``seed``."""
    rnd = np.random.default_rng(seed)
    angle = float(rnd.uniform(1.0, 2.8)) * (1 if rnd.random() < 0.5 else -1)
    if kind == "clean":
        return Degrade(jpeg=95)  # as a scanner stores a page: JPEG at its finest setting
    if kind == "grey":
        return Degrade(grey=True, jpeg=85)
    if kind == "noisy":
        return Degrade(skew=angle, noise=14.0, jpeg=60, grey=True, blur=0.6)
    if kind == "stamp":
        return Degrade(skew=angle / 2, noise=6.0, jpeg=80, stamp=True)
    if kind == "worst":
        return Degrade(skew=angle, noise=20.0, jpeg=45, stamp=True, blur=0.8)
    raise ValueError(f"unknown scan kind {kind!r}: one of {', '.join(KINDS)}")


def render_pages(pdf_path: Path, dpi: int) -> list[Image.Image]:
    """Every page of ``pdf_path`` as an RGB image at ``dpi``."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        return [page.render(scale=dpi / 72.0).to_pil().convert("RGB") for page in pdf]
    finally:
        pdf.close()


def figure_line_centre(pdf_path: Path, index: int, dpi: int) -> tuple[float, float] | None:
    """Centre (pixels at ``dpi``) of the lowest text-layer line holding a figure, where a stamp goes."""
    import pypdfium2

    from docparse.readers.pdf_chars import page_chars
    from docparse.readers.pdf_layout import make_lines

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        page = pdf[index]
        _, height = page.get_size()
        textpage = page.get_textpage()
        lines = make_lines(page_chars(textpage.raw, height))
        textpage.close()
        page.close()
    finally:
        pdf.close()
    figures = [ln for ln in lines if any(ch.isdigit() for ch in ln.text) and ("万元" in ln.text or "%" in ln.text)]
    if not figures:
        return None
    line = figures[len(figures) // 2]
    scale = dpi / 72.0
    digits = [i for i, ch in enumerate(line.text) if ch.isdigit()]
    share = (digits[0] + 0.5) / max(len(line.text), 1)
    return (line.x0 + (line.x1 - line.x0) * share) * scale, (line.top + line.bottom) / 2 * scale


def stamp_layer(size: tuple[int, int], centre: tuple[float, float], dpi: int, seed: int) -> Image.Image:
    """An RGB layer, white except a red round stamp (ring, star, unit name along the rim)."""
    layer = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(layer)
    radius = 0.8 * dpi  # a 4 cm stamp
    cx, cy = centre
    red = (214, 32, 38)
    width = max(2, int(dpi / 45))
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=width)
    star = []
    for k in range(10):
        r = radius * (0.32 if k % 2 == 0 else 0.13)
        a = math.pi / 2 + k * math.pi / 5
        star.append((cx + r * math.cos(a), cy - r * math.sin(a)))
    draw.polygon(star, fill=red)
    try:
        font = ImageFont.truetype(FONT, int(radius * 0.22))
    except OSError:
        font = ImageFont.load_default()
    name = "长山县财政局绩效评价专用章"
    for k, ch in enumerate(name):
        a = math.radians(200 - k * (220 / (len(name) - 1)))
        x, y = cx + 0.72 * radius * math.cos(a), cy - 0.72 * radius * math.sin(a)
        glyph = Image.new("L", (int(radius * 0.3),) * 2, 0)
        ImageDraw.Draw(glyph).text((0, 0), ch, fill=255, font=font)
        glyph = glyph.rotate(math.degrees(a) - 90, expand=True)
        layer.paste(Image.new("RGB", glyph.size, red), (int(x - glyph.width / 2), int(y - glyph.height / 2)), glyph)
    rnd = np.random.default_rng(seed)
    ink = np.asarray(layer).astype(np.float32)
    fade = rnd.uniform(0.75, 1.0, size=ink.shape[:2])[..., None]  # uneven ink
    ink = 255 - (255 - ink) * fade
    return Image.fromarray(ink.clip(0, 255).astype(np.uint8))


def degrade(
    image: Image.Image, how: Degrade, dpi: int, seed: int, stamp_at: tuple[float, float] | None = None
) -> Image.Image:
    """The page as it comes out of the scanner (stamp multiplied over the print, then skew, blur, noise)."""
    out = image.convert("RGB")
    if how.stamp and stamp_at is not None:
        stamp = stamp_layer(out.size, stamp_at, dpi, seed)
        out = Image.fromarray((np.asarray(out, np.float32) * np.asarray(stamp, np.float32) / 255).astype(np.uint8))
    if how.skew:
        out = out.rotate(how.skew, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    if how.blur:
        out = out.filter(ImageFilter.GaussianBlur(how.blur))
    if how.noise:
        rnd = np.random.default_rng(seed)
        arr = np.asarray(out, np.float32)
        arr = arr + rnd.normal(0, how.noise, arr.shape[:2])[..., None]
        out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if how.grey:
        out = out.convert("L")
    return out


def encode(image: Image.Image, how: Degrade) -> bytes:
    buf = io.BytesIO()
    if how.jpeg is not None:
        image.save(buf, format="JPEG", quality=how.jpeg)
    else:
        image.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def image_pdf(pages: list[bytes], dpi: int, path: Path) -> None:
    """Write page images (JPEG/PNG bytes) as an image-only PDF, each page its image's size at ``dpi``."""
    import img2pdf

    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    path.write_bytes(img2pdf.convert(pages, layout_fun=layout))


def scan(pdf_path: Path, out: Path, dpi: int, kind: str, seed: int = 0, pages: list[int] | None = None) -> Path:
    """One scanned copy of ``pdf_path`` (its ``pages``, 0-based, or all) as ``out``; writes the .scan.json."""
    how = preset(kind, seed)
    images = render_pages(pdf_path, dpi)
    chosen = pages if pages is not None else list(range(len(images)))
    data = []
    for i in chosen:
        at = figure_line_centre(pdf_path, i, dpi) if how.stamp else None
        data.append(encode(degrade(images[i], how, dpi, seed + i, at), how))
    out.parent.mkdir(parents=True, exist_ok=True)
    image_pdf(data, dpi, out)
    meta = {
        "source": str(pdf_path),
        "pages": [i + 1 for i in chosen],
        "dpi": dpi,
        "kind": kind,
        "seed": seed,
        **asdict(how),
    }
    out.with_suffix(".scan.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def two_column_pdf(path: Path, title: str, paragraphs: list[str]) -> Path:
    """A text PDF with a centred title over two columns of paragraphs (reportlab, STSong-Light)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    margin, gap = 60.0, 24.0
    column = (width - 2 * margin - gap) / 2
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    top = height - margin - 50
    frames = [
        Frame(margin, margin, column, top - margin, id="left", showBoundary=0),
        Frame(margin + column + gap, margin, column, top - margin, id="right", showBoundary=0),
    ]

    def head(canvas, _doc) -> None:
        canvas.setFont("STSong-Light", 16)
        canvas.drawCentredString(width / 2, height - margin - 20, title)

    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=head)])
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=10.5, leading=17, firstLineIndent=21, wordWrap="CJK"
    )
    doc.build([Paragraph(p, body) for p in paragraphs])
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m corpus.generate.scans",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dpi", default="150,200,300")
    ap.add_argument("--kinds", default="clean,noisy,stamp")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    count = 0
    for pdf in args.pdfs:
        for dpi in (int(d) for d in args.dpi.split(",")):
            for kind in args.kinds.split(","):
                scan(pdf, args.out / f"{pdf.stem}-{dpi}dpi-{kind}.pdf", dpi, kind, args.seed)
                count += 1
    print(f"{count} scans in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
