"""Any text, however mangled, yields well-formed mentions and never an exception (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from docparse.numbers import BlockView, govern, scan

_PIECES = [
    "0", "1", "2", "5", "9", ".", ",", "%", "‰", "-", "~", "至", "一", "两", "三", "十", "百", "千", "万", "亿",
    "零", "壹", "贰", "拾", "佰", "元", "万元", "角", "分", "整", "个", "次", "人", "平方米", "余", "多", "约",
    "以上", "≥", "≤", "=", "负", "下降", "增长", "个百分点", "千分之", "百分之", "|", " ", "\n", "：", "（万元）",
    "单位：万元", "年初预算数", "全年执行数", "执行率", "分值", "得分", "指标值", "度量单位", "完成值", "序号",
    "年度资金总额", "其中", "x", "（略）", "〔2020〕", "号", "年", "月", "。", "，", "１", "２", "．", "％",
    "亩元", "（%）", "占比", "2022年", "上年数", "百", "（含）以上", "千米", "期", "￥", "架", "至",
]

_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _check(text: str) -> None:
    lines = [line for line in text.split("\n") if line.strip()]
    views = [BlockView(i, line, scan(line)) for i, line in enumerate(lines)]
    out = govern(views)
    for i, line in enumerate(lines):
        for f in out[i]:
            assert 0 <= f.start < f.end <= len(line)
            assert f.kind in ("money", "percent", "ratio_points", "count")
            values = f.value if isinstance(f.value, tuple) else (f.value,)
            assert all(isinstance(v, Decimal) and v.is_finite() for v in values)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode(text: str) -> None:
    _check(text)
