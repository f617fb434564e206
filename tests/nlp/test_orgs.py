"""Organisation names as spans of jieba words, and as ``doc.spans["orgs"]``."""

from __future__ import annotations

import pytest

from docparse.nlp.orgs import orgs


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("本项目由湖南省常德市澧县行政审批服务局负责实施。", ["湖南省常德市澧县行政审批服务局"]),
        ("一是2022年，松浦县文化和广电旅游体育局及其下属各单位组织开展活动。", ["松浦县文化和广电旅游体育局"]),
        ("县财政局下达资金100万元，由某县残联牵头。", ["县财政局", "某县残联"]),
        ("资金由县财政局拨付。", ["县财政局"]),
        ("某省人民政府办公室关于印发通知", ["某省人民政府办公室"]),
        ("全年开展培训12期，参训群众1.2万人次。", []),
    ],
)
def test_org_names(text: str, want: list[str]) -> None:
    assert orgs(text) == want


def test_org_spans_on_the_doc() -> None:
    from docparse.nlp.pipeline import get_nlp

    doc = get_nlp()("项目由江北市交通运输局组织实施，资金已全部到位。")
    assert [s.text for s in doc.spans["orgs"]] == ["江北市交通运输局"]
