"""Hand-labelled sentences in the genre of 绩效自评报告, one case per sentence or flattened table.

Run ``python -m corpus.sentences.handwritten`` to rewrite ``handwritten.jsonl``. Each case lists every
mention docparse must report, in order: kind, surface text, value (money in yuan), and where it
matters unit, qualifier, comparator, direction and unit_from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def money(text: str, value: str | list[str], **kw: Any) -> dict[str, Any]:
    return {"kind": "money", "text": text, "value": value, **kw}


def pct(text: str, value: str | list[str], **kw: Any) -> dict[str, Any]:
    return {"kind": "percent", "text": text, "value": value, **kw}


def pts(text: str, value: str, **kw: Any) -> dict[str, Any]:
    return {"kind": "ratio_points", "text": text, "value": value, **kw}


def cnt(text: str, value: str | list[str], unit: str, **kw: Any) -> dict[str, Any]:
    return {"kind": "count", "text": text, "value": value, "unit": unit, **kw}


CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- money: Arabic, units, separators, full-width, spaces
    ("全年执行数99万元，占年初预算的100%。",
     [money("99万元", "990000.00", unit="万元"), pct("100%", "100")]),
    ("本年度共下达专项经费40.4万元。", [money("40.4万元", "404000.00", unit="万元")]),
    ("中标价为1,234,567.89元，已全额支付。", [money("1,234,567.89元", "1234567.89", unit="元")]),
    ("累计拨付资金88,799,814.14元。", [money("88,799,814.14元", "88799814.14")]),
    ("项目总投资１２．５万元。", [money("１２．５万元", "125000.00", unit="万元")]),
    ("市级配套资金 3 万元已到位。", [money("3 万元", "30000.00")]),
    ("每户补助 800 元。", [money("800 元", "800.00")]),
    ("省级下达资金2.35亿元，市级配套0.5亿元。",
     [money("2.35亿元", "235000000.00", unit="亿元"), money("0.5亿元", "50000000.00", unit="亿元")]),
    ("办公设备购置费用6,000元。", [money("6,000元", "6000.00")]),
    ("结余资金0.00万元。", [money("0.00万元", "0.00")]),
    ("当年实际支出196.56055万元。", [money("196.56055万元", "1965605.50")]),
    ("资金总额9265.353442万元。", [money("9265.353442万元", "92653534.42")]),
    ("人均补助标准为每人每年1500元。", [money("1500元", "1500.00")]),
    ("追加预算15千元用于设备维护。", [money("15千元", "15000.00", unit="千元")]),
    ("该项目批复金额为￥25,800.00。", [money("￥25,800.00", "25800.00", unit="元")]),
    ("上年结转资金12.8萬元已全部使用。", [money("12.8萬元", "128000.00")]),
    ("到位资金 1.5 亿元。", [money("1.5 亿元", "150000000.00")]),
    # --- money: Chinese numerals
    ("县财政安排工作经费九十九万元。", [money("九十九万元", "990000.00")]),
    ("补助资金一百二十万零三千元。", [money("一百二十万零三千元", "1203000.00")]),
    ("培训费两千三百元。", [money("两千三百元", "2300.00")]),
    ("中央补助三千万元。", [money("三千万元", "30000000.00")]),
    ("奖补资金十万元已拨付到村。", [money("十万元", "100000.00")]),
    ("一次性安排启动资金五十万元。", [money("五十万元", "500000.00")]),
    ("下达资金三点五万元。", [money("三点五万元", "35000.00")]),
    # --- money: financial capitals
    ("合同金额：贰拾叁万肆仟伍佰陆拾柒元捌角玖分。", [money("贰拾叁万肆仟伍佰陆拾柒元捌角玖分", "234567.89")]),
    ("大写：壹佰贰拾万元整。", [money("壹佰贰拾万元整", "1200000.00")]),
    ("人民币叁仟元整（¥3000.00）。", [money("叁仟元整", "3000.00"), money("¥3000.00", "3000.00")]),
    ("结算金额为伍万零捌佰元整。", [money("伍万零捌佰元整", "50800.00")]),
    ("退回余款柒拾元伍角。", [money("柒拾元伍角", "70.50")]),
    ("金额壹拾万圆整。", [money("壹拾万圆整", "100000.00")]),
    ("应付款项玖佰元零捌分。", [money("玖佰元零捌分", "900.08")]),
    # --- money: mixed forms
    ("全年投入1.2亿元。", [money("1.2亿元", "120000000.00", unit="亿元")]),
    ("整合资金1亿2千万元。", [money("1亿2千万元", "120000000.00")]),
    ("计划投资3千万元。", [money("3千万元", "30000000.00")]),
    ("撬动社会资金50余万元。", [money("50余万元", "500000.00", qualifier="more_than", unit="万元")]),
    ("节约资金3万多元。", [money("3万多元", "30000.00", qualifier="more_than")]),
    ("统筹各类资金12万3千元。", [money("12万3千元", "123000.00")]),
    ("带动村集体增收200多万元。", [money("200多万元", "2000000.00", qualifier="more_than")]),
    # --- negatives and directions
    ("预算调整数为-5.2万元。", [money("-5.2万元", "-52000.00")]),
    ("结余为负5.2万元。", [money("负5.2万元", "-52000.00")]),
    ("公用经费比上年减少3万元。", [money("3万元", "30000.00", direction="down")]),
    ("三公经费同比下降5.2%。", [pct("5.2%", "5.2", direction="down")]),
    ("项目支出较上年增长12.5%。", [pct("12.5%", "12.5", direction="up")]),
    ("人员经费增加了4.6万元。", [money("4.6万元", "46000.00", direction="up")]),
    ("会议费压减20%。", [pct("20%", "20", direction="down")]),
    ("办件量同比提高了约15%。", [pct("15%", "15", direction="up", qualifier="approx")]),
    ("差旅费较上年降低1.8万元，降幅为10%。",
     [money("1.8万元", "18000.00", direction="down"), pct("10%", "10")]),
    ("收入增长-3%。", [pct("-3%", "-3", direction="up")]),
    # --- qualifiers
    ("项目预计投资约3万元。", [money("3万元", "30000.00", qualifier="approx", comparator="约")]),
    ("受益群众1000人左右。", [cnt("1000人左右", "1000", "人", qualifier="approx", comparator="左右")]),
    ("改造面积近500平方米。", [cnt("500平方米", "500", "平方米", qualifier="approx", comparator="近")]),
    ("群众满意度达到95%以上。", [pct("95%以上", "95", qualifier="at_least", comparator="以上")]),
    ("满意度不低于90%。", [pct("90%", "90", qualifier="at_least", comparator="不低于")]),
    ("验收合格率≥98%。", [pct("≥98%", "98", qualifier="at_least", comparator="≥")]),
    ("单个项目补助超过100万元的须报批。", [money("100万元", "1000000.00", qualifier="at_least", comparator="超过")]),
    ("投诉率控制在1%以下。", [pct("1%以下", "1", qualifier="at_most", comparator="以下")]),
    ("单项采购不超过5万元。", [money("5万元", "50000.00", qualifier="at_most", comparator="不超过")]),
    ("成本控制在预算的10%以内。", [pct("10%以内", "10", qualifier="at_most", comparator="以内")]),
    ("项目成本≤90万元。", [money("≤90万元", "900000.00", qualifier="at_most", comparator="≤")]),
    ("开展宣传活动200余次。", [cnt("200余次", "200", "次", qualifier="more_than", comparator="余")]),
    ("发放宣传资料3000多份。", [cnt("3000多份", "3000", "份", qualifier="more_than")]),
    ("完成率不少于95%。", [pct("95%", "95", qualifier="at_least")]),
    ("差错率低于0.5%。", [pct("0.5%", "0.5", qualifier="at_most")]),
    ("单位成本不高于200元。", [money("200元", "200.00", qualifier="at_most")]),
    ("每场培训约50人。", [cnt("50人", "50", "人", qualifier="approx")]),
    ("覆盖人口将近2万人。", [cnt("2万人", "20000", "人", qualifier="approx")]),
    ("全年接待群众10万人次以上。", [cnt("10万人次以上", "100000", "人次", qualifier="at_least")]),
    # --- ranges
    ("单个项目补助3万至5万元。", [money("3万至5万元", ["30000.00", "50000.00"], qualifier="range")]),
    ("每村奖补3-5万元。", [money("3-5万元", ["30000.00", "50000.00"], qualifier="range")]),
    ("预计满意度在80%~90%之间。", [pct("80%~90%", ["80", "90"], qualifier="range")]),
    ("每期培训10到20人。", [cnt("10到20人", ["10", "20"], "人", qualifier="range")]),
    ("单价在5—8万元。", [money("5—8万元", ["50000.00", "80000.00"], qualifier="range")]),
    ("项目周期3至6个月。", [cnt("3至6个月", ["3", "6"], "个月", qualifier="range")]),
    ("补助标准为200元到500元。", [money("200元到500元", ["200.00", "500.00"], qualifier="range")]),
    ("预计投入1亿至1.5亿元。", [money("1亿至1.5亿元", ["100000000.00", "150000000.00"], qualifier="range")]),
    # --- percents, permille, points
    ("资金到位率100%，执行率99.14%。", [pct("100%", "100"), pct("99.14%", "99.14")]),
    ("预算执行率为９８．５％。", [pct("９８．５％", "98.5")]),
    ("发生率控制在5‰以内。", [pct("5‰以内", "0.5", qualifier="at_most")]),
    ("火灾受害率为0.0046‰。", [pct("0.0046‰", "0.00046")]),
    ("病死率低于千分之五。", [pct("千分之五", "0.5", qualifier="at_most")]),
    ("入学率达到百分之九十五。", [pct("百分之九十五", "95")]),
    ("执行率同比提高2.3个百分点。", [pts("2.3个百分点", "2.3", direction="up")]),
    ("贫困发生率下降1.5个百分点。", [pts("1.5个百分点", "1.5", direction="down")]),
    ("较上年提升5个百分点，达到92%。", [pts("5个百分点", "5", direction="up"), pct("92%", "92")]),
    ("覆盖率提高了三个百分点。", [pts("三个百分点", "3", direction="up")]),
    ("质量合格率≥100百分比。", [pct("≥100百分比", "100", qualifier="at_least")]),
    ("下降0.8百分点。", [pts("0.8百分点", "0.8", direction="down")]),
    ("自评得分率为96.5%。", [pct("96.5%", "96.5")]),
    ("满意度为98.50%。", [pct("98.50%", "98.5")]),
    # --- counts
    ("单位共有在编干部职工24名。", [cnt("24名", "24", "名")]),
    ("设置综合窗口77个。", [cnt("77个", "77", "个")]),
    ("新建三个服务站点。", [cnt("三个", "3", "个")]),
    ("全年办理业务168642件。", [cnt("168642件", "168642", "件")]),
    ("组织专项检查4次。", [cnt("4次", "4", "次")]),
    ("对项目进行一次全面评估。", [cnt("一次", "1", "次")]),
    ("惠及农户26113户97401人。", [cnt("26113户", "26113", "户"), cnt("97401人", "97401", "人")]),
    ("新增入驻企业47家。", [cnt("47家", "47", "家")]),
    ("维修校舍1200平方米。", [cnt("1200平方米", "1200", "平方米")]),
    ("硬化道路32.1公里。", [cnt("32.1公里", "32.1", "公里")]),
    ("建成保障性住房500套。", [cnt("500套", "500", "套")]),
    ("改造薄弱学校6所。", [cnt("6所", "6", "所")]),
    ("完成森林抚育1万亩。", [cnt("1万亩", "10000", "亩")]),
    ("配备执法车辆两台。", [cnt("两台", "2", "台")]),
    ("培训基层人员1.2万人次。", [cnt("1.2万人次", "12000", "人次")]),
    ("安装路灯1510盏。", [cnt("1510盏", "1510", "盏")]),
    ("开展督导十二次。", [cnt("十二次", "12", "次")]),
    ("共涉及行政村144个。", [cnt("144个", "144", "个")]),
    ("提供24小时自助服务。", [cnt("24小时", "24", "小时")]),
    ("招聘工作人员两名。", [cnt("两名", "2", "名")]),
    ("修建桥梁2座、涵洞15处。", [cnt("2座", "2", "座"), cnt("15处", "15", "处")]),
    # --- not mentions
    ("根据《关于印发资金管理办法的通知》（澧财预〔2020〕10号）文件要求。", []),
    ("依据保财绩[2022]4号文件。", []),
    ("按照湘政发【2021】33号精神执行。", []),
    ("报告编号：某会审字(2022)第0001号。", []),
    ("本项目于2020年6月启动，2020年12月31日完成。", []),
    ("发布日期：2022-08-17", []),
    ("联系电话：0736-7612345。", []),
    ("咨询电话13812345678。", []),
    ("服务中心位于行政中心5号楼二楼。", []),
    ("在5、6号楼设置服务大厅。", []),
    ("推行一件事一次办改革。", []),
    ("深化三抓三优行动。", []),
    ("落实六稳六保任务。", []),
    ("打通服务群众最后一公里。", []),
    ("一是加强领导，二是完善制度，三是强化监督。", []),
    ("该指标分值10分，自评得分9.5分。", []),
    ("总分100分，自评得分97分。", []),
    ("补助资金x万元，其中县配套x万元。", []),
    ("安排资金 点击查看>> 万元。", []),
    ("项目资金（略）万元。", []),
    ("2023年度部门整体支出绩效自评报告", []),
    ("第三次全国国土调查工作。", []),
    ("说明完成情况（100字以内）。", []),
    ("一次性项目", []),
    ("对照表3-1填列。", []),
    ("每月10日前报送。", []),
    ("树牢四个意识。", []),
    # --- declared units: paragraphs
    ("单位：万元\n年初预算120，实际支出118.6，结余1.4。",
     [money("120", "1200000.00", unit_from="万元"), money("118.6", "1186000.00", unit_from="万元"),
      money("1.4", "14000.00", unit_from="万元")]),
    # --- declared units: the flattened table row
    ("资金来源（万元） 年初预算数 120 全年执行数 118.6 执行率 98.83% 得分 9.9",
     [money("120", "1200000.00", unit_from="万元"), money("118.6", "1186000.00", unit_from="万元"),
      pct("98.83%", "98.83")]),
    # one cell per line with pipes
    ("年度预算数(万元) |\n年初预算 |\n调整后预算数 |\n预算执行数 |\n预算执行率 |\n权重 |\n得分 |\n"
     "合计 |\n56.4 |\n60 |\n58.2 |\n97.00% |\n10 |\n9.7 |",
     [money("56.4", "564000.00", unit_from="万元"), money("60", "600000.00", unit_from="万元"),
      money("58.2", "582000.00", unit_from="万元"), pct("97.00%", "97")]),
    # pipe-separated rows
    ("单位：万元\n项目 | 年初预算数 | 全年执行数 | 执行率\n办公设备 | 12.5 | 12 | 96%\n培训 | 8 | 8 | 100%",
     [money("12.5", "125000.00", unit_from="万元"), money("12", "120000.00", unit_from="万元"), pct("96%", "96"),
      money("8", "80000.00", unit_from="万元"), money("8", "80000.00", unit_from="万元"), pct("100%", "100")]),
    # space-separated rows, MoF self-evaluation form
    ("项目资金\n(万元)\n年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额: 200 210 205.8 10 98% 9.8\n"
     "其中:本年财政拨款 200 210 205.8 - -",
     [money("200", "2000000.00", unit_from="万元"), money("210", "2100000.00", unit_from="万元"),
      money("205.8", "2058000.00", unit_from="万元"), pct("98%", "98"),
      money("200", "2000000.00", unit_from="万元"), money("210", "2100000.00", unit_from="万元"),
      money("205.8", "2058000.00", unit_from="万元")]),
    # rate column with bare numbers
    ("项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 50 50 45 10 90 9",
     [money("50", "500000.00", unit_from="万元"), money("50", "500000.00", unit_from="万元"),
      money("45", "450000.00", unit_from="万元"), pct("90", "90", unit_from="%")]),
    # indicator rows: the target's unit applies to the actual value beside it
    ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 成本指标 项目总成本 ≤60万元 58 10 10\n"
     "产出指标 质量指标 验收合格率 ≥95% 98 10 10",
     [money("≤60万元", "600000.00", qualifier="at_most"), money("58", "580000.00", unit_from="万元"),
      pct("≥95%", "95", qualifier="at_least"), pct("98", "98", unit_from="%")]),
    # indicator rows with a separate unit cell, one cell per line
    ("三级指标 |\n指标性质 |\n指标值 |\n度量单位 |\n完成值 |\n权重 |\n得分 |\n培训覆盖率 |\n≥ |\n90 |\n% |\n"
     "95 |\n20 |\n20 |",
     [pct("90", "90", unit_from="%", qualifier="at_least", comparator="≥"), pct("95", "95", unit_from="%")]),
    # scores and weights are not money even under a declared unit
    ("单位：万元\n评价指标 | 分值 | 得分\n预算执行率 | 10 | 9.5\n产出指标 | 50 | 48",
     []),
    # table: unit in the column header
    ("项目名称 | 金额(万元)\n设备购置 | 35.6\n人员培训 | 4.4\n合计 | 40",
     [money("35.6", "356000.00", unit_from="万元"), money("4.4", "44000.00", unit_from="万元"),
      money("40", "400000.00", unit_from="万元")]),
    # fused cells: amounts and rate glued together
    ("项目资金(万元)\n全年预算数全年执行数执行率\n年度资金总额:30002850.595.02%",
     [money("3000", "30000000.00", unit_from="万元"), money("2850.5", "28505000.00", unit_from="万元"),
      pct("95.02%", "95.02")]),
    ("项目资金 (万元)全年预算数全年执行数执行率\n年度资金总额80万元76.4095.50%",
     [money("80万元", "800000.00"), money("76.40", "764000.00", unit_from="万元"), pct("95.50%", "95.50")]),
    # a declared unit does not reach past prose that ends the table
    ("单位：万元\n项目 | 金额\n印刷费 | 2.5\n本项目于去年启动，组织培训，取得较好成效，群众普遍认可。\n完成 15 项工作",
     [money("2.5", "25000.00", unit_from="万元"), cnt("15 项", "15", "项")]),
]


def main() -> None:
    out = HERE / "handwritten.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for n, (text, mentions) in enumerate(CASES, 1):
            fh.write(json.dumps({"id": f"h{n:03d}", "text": text, "mentions": mentions}, ensure_ascii=False) + "\n")
    print(f"{len(CASES)} cases → {out}")


if __name__ == "__main__":
    main()
