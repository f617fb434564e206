"""Small PDFs drawn with reportlab for reader edge cases (radicals, fake bold, no text layer, …)."""

from __future__ import annotations

from pathlib import Path

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def _canvas(path: Path, **kwargs):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "wqy" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=(595, 842), **kwargs)
    c.setFont("wqy", 12)
    return c


def edge_cases(path: Path) -> Path:
    """Page 1: radicals, fake bold, a wrapped amount; page 2: an image and no text."""
    c = _canvas(path)
    c.drawString(72, 770, "⼀般公共预算⻔户网站，户")
    for dx in (0, 0.4):
        c.drawString(72 + dx, 740, "二、绩效目标")
    left = "为保障工作开展，本年度共安排专项资金合计7.3万"  # 24 glyphs of 12 pt: runs to the margin
    c.drawString(72, 710, left)
    c.drawString(72, 692, "元，已全部拨付到位。")
    c.showPage()
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(Image.new("RGB", (40, 40), "gray")), 100, 400, 200, 200)
    c.showPage()
    c.save()
    return path


def encrypted(path: Path, password: str = "secret") -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    c = _canvas(path, encrypt=StandardEncryption(password, canPrint=1))
    c.drawString(72, 770, "加密的文件")
    c.showPage()
    c.save()
    return path


def dense_grid(path: Path) -> Path:
    """A page of graph paper (100 × 45 rules) with a line of text above it."""
    c = _canvas(path)
    c.drawString(72, 800, "坐标纸页面")
    for i in range(100):
        c.line(30, 60 + 7 * i, 570, 60 + 7 * i)
    for j in range(45):
        c.line(30 + 12 * j, 60, 30 + 12 * j, 753)
    c.showPage()
    c.save()
    return path
