"""Labelled sentences in the habits of real reports docparse had not seen (web pages, OCR of scanned
tables, traditional script with pinyin, spaced digits, rate notations), written for docparse; one case
per sentence or flattened table row.

Run ``python -m corpus.sentences.unseen`` to rewrite ``unseen.jsonl``. Same format as
``handwritten.py``: every mention docparse must report, in order.
"""

from __future__ import annotations

from typing import Any

from corpus.sentences import write_cases
from corpus.sentences.handwritten import cnt, money, pct, pts

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- web-page furniture and member-only masks: never a figure
    ("发布时间：2024-03-08 10:21 来源：县农业农村局 作者：办公室 浏览次数：2731 字体：[大 中 小]", []),
    ("中标金额：点击查看>> 万元 联系人：点击查看>>", []),
    ("本项目总投资****万元，其中财政资金****万元。", []),
    ("安排专项资金**.**万元用于设备更新。", []),
    ("下达补助资金x万元，其中省级xx万元、市级XX万元。", []),
    ("201X年度预算安排XX万元，执行率XX%。", []),
    ("（会员可见）项目资金到位×××万元，支出×××万元。", []),
    # --- OCR of scanned tables: ≥ read as 工 or ^, % read as $, weight glued in front of a bounded rate
    ("设备完好率工95%工96%", [pct("95%", "95", qualifier="at_least"), pct("96%", "96", qualifier="at_least")]),
    ("群众知晓率^85%^88%", [pct("85%", "85", qualifier="at_least"), pct("88%", "88", qualifier="at_least")]),
    ("验收合格率10295%295%10",
     [pct("95%", "95", qualifier="at_least"), pct("95%", "95", qualifier="at_least")]),
    ("服务对象满意度5285%290%5",
     [pct("85%", "85", qualifier="at_least"), pct("90%", "90", qualifier="at_least")]),
    ("项目覆盖比例1070%^75%10", [pct("70%", "70"), pct("75%", "75", qualifier="at_least")]),
    ("药品抽检合格率98$98%", [pct("98$", "98"), pct("98%", "98")]),
    ("项目支出增长250%，主要是新增建设内容。", [pct("250%", "250")]),
    ("完成率达到120%。", [pct("120%", "120")]),
    # --- traditional script with pinyin glossed inline
    ("本年度下達績效(jì xiào)資金1,250萬元，到位率(dào wèi lǜ)100%。",
     [money("1,250萬元", "12500000.00"), pct("100%", "100")]),
    ("項目總投資(zǒng tóu zī)3.6億元，已完成投資2.1億元。",
     [money("3.6億元", "360000000.00"), money("2.1億元", "210000000.00")]),
    ("績效目標完成率達到百分之九十八。", [pct("百分之九十八", "98")]),
    ("支付工程款(gōng chéng kuǎn)捌拾萬圓整。", [money("捌拾萬圓整", "800000.00")]),
    # (added after the first batch, measured blind 1 of 3: the gloss between 萬 and 元 broke the amount)
    ("下達補助資金520萬(wàn)元，已支出388.16萬(wàn)元。",
     [money("520萬(wàn)元", "5200000.00"), money("388.16萬(wàn)元", "3881600.00")]),
    ("項目資金支付率(lǜ)達到96.5%(bǎi fēn)。", [pct("96.5%", "96.5")]),
    ("合計(jì)7505萬元(yuán)。", [money("7505萬元", "75050000.00")]),
    # --- amounts with thousands separators or spaces between digit groups
    ("全年支出 1 234 567.89 元，结余 12 345.00 元。",
     [money("1 234 567.89 元", "1234567.89"), money("12 345.00 元", "12345.00")]),
    ("拨付资金2 380 000元。", [money("2 380 000元", "2380000.00")]),
    ("累计支付工程款3,605,200.50元。", [money("3,605,200.50元", "3605200.50")]),
    ("批复预算 4,500 万元，实际支出 4,321.7 万元。",
     [money("4,500 万元", "45000000.00"), money("4,321.7 万元", "43217000.00")]),
    # --- 万/亿 without 元 right after a money word
    ("本年度争取上级补助资金650万，全部用于道路硬化。", [money("650万", "6500000.00")]),
    ("项目计划投资2.4亿，当年完成投资1.1亿。",
     [money("2.4亿", "240000000.00"), money("1.1亿", "110000000.00")]),
    ("全镇常住人口3.2万，外出务工1.1万。", []),
    # --- ‰, 千分之, 个百分点
    ("安全事故发生率控制在0.3‰以内。", [pct("0.3‰以内", "0.03", qualifier="at_most")]),
    ("病历书写差错率为千分之二。", [pct("千分之二", "0.2")]),
    ("资金执行率较上年提高2.6个百分点。", [pts("2.6个百分点", "2.6", direction="up")]),
    ("贫困发生率同比下降了三个百分点。", [pts("三个百分点", "3", direction="down")]),
    # --- second batch, measured blind 12 of 17 (page counters, page navigation and a comma typed with a
    # space between thousands failed; a formula's ×100% beside a stated rate is left to the scanner tests)
    ("本项目预算数为【】万元，执行数为【】万元。", []),
    ("年度资金总额____万元，其中财政资金____万元。", []),
    ("下达资金XX.XX万元，执行率x.x%。", []),
    ("浏览次数：1,288次  分享到：", []),
    ("阅读量：356次 【打印本页】【关闭窗口】", []),
    ("上一篇：2022年度部门整体支出绩效自评报告 下一篇：无", []),
    ("资金缺口约200万，需下年度统筹解决。", [money("200万", "2000000.00", qualifier="approx")]),
    ("农村居民人均可支配收入1.2万，带动就业1.5万人次。",
     [money("1.2万", "12000.00"), cnt("1.5万人次", "15000", "人次")]),
    ("全年争取资金1亿多元。", [money("1亿多元", "100000000.00", qualifier="more_than")]),
    ("节约资金3万余元。", [money("3万余元", "30000.00", qualifier="more_than")]),
    ("目标完成率为百分之九十五点五。", [pct("百分之九十五点五", "95.5")]),
    ("不良率控制在千分之零点五。", [pct("千分之零点五", "0.05")]),
    ("拨付资金 2, 150.00 万元。", [money("2, 150.00 万元", "21500000.00")]),
    ("合计：人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分", [money("壹拾贰万叁仟肆佰伍拾陆元柒角捌分", "123456.78")]),
    ("项目资金1,050.5万元，较上年减少2.6%。",
     [money("1,050.5万元", "10505000.00"), pct("2.6%", "2.6", direction="down")]),
    ("覆盖率由85%提高到92%，提高7个百分点。",
     [pct("85%", "85"), pct("92%", "92"), pts("7个百分点", "7", direction="up")]),
    # --- third batch, measured blind 13 of 14 (a money unit in brackets after its number failed)
    ("培训经费支出5.00（万元），占比12.5 %。", [money("5.00（万元）", "50000.00"), pct("12.5 %", "12.5")]),
    ("到位率达到 98.5 ％ 。", [pct("98.5 ％", "98.5")]),
    ("投入资金 RMB 80万元。", [money("80万元", "800000.00")]),
    ("年度预算：人民币 1,200,000.00 元整", [money("1,200,000.00 元整", "1200000.00")]),
    ("项目结余资金0.35万元，结余率2.1%。", [money("0.35万元", "3500.00"), pct("2.1%", "2.1")]),
    ("完成投资额的万分之三用于审计。", [pct("万分之三", "0.03")]),
    ("农户满意度达95%以上（含95%）。", [pct("95%以上", "95", qualifier="at_least"), pct("95%", "95")]),
    ("资金使用率由上年的88.6%提升至本年的93.2%。", [pct("88.6%", "88.6"), pct("93.2%", "93.2")]),
    ("下拨资金叁佰万元（3,000,000元）。", [money("叁佰万元", "3000000.00"), money("3,000,000元", "3000000.00")]),
    ("中央资金1000万元，省级资金500万元，县级配套200万元。",
     [money("1000万元", "10000000.00"), money("500万元", "5000000.00"), money("200万元", "2000000.00")]),
    ("执行数（B）：86.4万元；执行率（B/A）：96%", [money("86.4万元", "864000.00"), pct("96%", "96")]),
    ("项目编号：2023-XM-0156 金额（元）：", []),
    ("联系电话：0871-6512345 邮编：650000", []),
    ("索引号：11530100MB1234567X/2024-00123", []),
]


def main() -> None:
    write_cases("unseen", [{"id": f"u{n:03d}", "text": text, "mentions": mentions}
                          for n, (text, mentions) in enumerate(CASES, 1)])


if __name__ == "__main__":
    main()
